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

/** An e-commerce order an integration (Shopify, …) attached to the customer: untrusted text. */
export interface CustomerOrder {
  readonly name: string | null;
  readonly trackingNumber: string | null;
  readonly trackingUrl: string | null;
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
  /** `orders[0]` of the first integration that has orders, which is what macros' order variables name. */
  readonly latestOrder?: CustomerOrder | null;
}

/** Best display name: Gorgias leaves `name` empty for many imported customers. */
export const customerLabel = (c: CustomerRef): string => c.name?.trim() || c.email || `Customer #${c.id}`;
