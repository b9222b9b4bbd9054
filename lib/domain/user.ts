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
 * Roles whose keys see every ticket of the account, so the live desk may read with one of them on
 * everyone's behalf. Gorgias's role descriptions give admin, agent, internal-agent (lead),
 * basic-agent and observer-agent (read-only) the whole helpdesk; a lite-agent's access can be
 * narrowed, and bots are not people — so neither is used, nor any role Gorgias adds later until it
 * is known. (Unverified on a live account; the feed only learns *which* ticket changed this way,
 * and each browser still re-reads it with its own agent's key.)
 */
export const FULL_VISIBILITY_ROLES = ["admin", "agent", "internal-agent", "basic-agent", "observer-agent"] as const;
export const seesWholeAccount = (role: string | null): boolean => (FULL_VISIBILITY_ROLES as readonly string[]).includes(role ?? "");
