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
