export const USER_ROLES = ["admin", "agent", "basic-agent", "bot", "internal-agent", "lite-agent", "observer-agent"] as const;
export type KnownUserRole = (typeof USER_ROLES)[number];
/** Gorgias adds roles over time; an unknown one is kept as text rather than failing the whole list. */
export type UserRole = KnownUserRole | (string & {});

/** A user (agent) as referenced from a ticket or message. */
export interface UserRef {
  readonly id: number;
  readonly email: string | null;
  readonly name: string | null;
}

export interface User extends UserRef {
  readonly firstname: string | null;
  readonly lastname: string | null;
  readonly role: UserRole | null;
  readonly active: boolean;
  readonly timezone: string | null;
  readonly avatarUrl: string | null;
}

/** Roles that Gorgias refuses writes for; the UI hides write controls for them. */
export const isReadOnlyRole = (role: UserRole | null): boolean => role === "observer-agent";

/**
 * Roles whose keys see every ticket of the account, so reads may be shared among them and the live
 * desk may read with one of them on everyone's behalf. Gorgias's role table
 * (docs.gorgias.com/en-US/user-permissions-196938) builds each role on the one below — Observer "can
 * view tickets and customers", Lite is "all observer access" plus replies and updates, then Basic,
 * Lead (`internal-agent`), Admin — and "anyone can use the search function, regardless of their
 * role, and access all of the tickets within the search results". Views differ (private views are
 * their owner's), handled apart (lib/domain/sharing.ts). Bots are not people, and a role Gorgias
 * adds later is not trusted until it is known.
 */
export const FULL_VISIBILITY_ROLES = ["admin", "agent", "internal-agent", "basic-agent", "lite-agent", "observer-agent"] as const;
export const seesWholeAccount = (role: string | null): boolean => (FULL_VISIBILITY_ROLES as readonly string[]).includes(role ?? "");

/** Who sees the live feed's health (features/live): the people who can run `npm run setup:webhooks`. */
export const canSeeFeedHealth = (role: string | null): boolean => role === "admin";
