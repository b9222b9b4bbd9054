import type { IsoDateTime } from "./datetime";

export interface CustomerRef {
  readonly id: number;
  readonly email: string | null;
  readonly name: string | null;
}

export interface CustomerChannel {
  readonly type: string;
  readonly address: string;
  readonly preferred: boolean;
}

export interface Customer extends CustomerRef {
  readonly firstname: string | null;
  readonly lastname: string | null;
  readonly externalId: string | null;
  readonly language: string | null;
  readonly timezone: string | null;
  readonly note: string | null;
  readonly channels: readonly CustomerChannel[];
  /** Free-form data an admin attached to the customer; untrusted text when rendered. */
  readonly data: Readonly<Record<string, unknown>> | null;
  readonly createdAt: IsoDateTime | null;
  readonly updatedAt: IsoDateTime | null;
}

/** Best display name: Gorgias leaves `name` empty for many imported customers. */
export const customerLabel = (c: CustomerRef): string => c.name?.trim() || c.email || `Customer #${c.id}`;
