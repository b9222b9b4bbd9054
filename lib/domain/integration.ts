import type { Signature } from "./signature";

export const EMAIL_INTEGRATION_TYPES = ["email", "gmail", "outlook"] as const;

export interface Integration {
  readonly id: number;
  readonly name: string;
  readonly type: string;
  /** The sending address for e-mail integrations; null for other kinds. */
  readonly address: string | null;
  readonly active: boolean;
  /** An e-mail integration's signature template (`meta.signature`); absent from copies cached before it was read. */
  readonly signature?: Signature | null;
}

export const isEmailIntegration = (i: Pick<Integration, "type">): boolean =>
  (EMAIL_INTEGRATION_TYPES as readonly string[]).includes(i.type);

/** Gorgias's HTTP-integration triggers the live desk listens to. */
export const LIVE_FEED_TRIGGERS = ["ticket-created", "ticket-updated", "ticket-message-created", "ticket-self-unsnoozed", "ticket-message-failed"] as const;

/** An HTTP integration ("webhook") as the Desk sets it up: where it delivers and on what. */
export interface HttpIntegration {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly method: string;
  readonly triggers: readonly string[];
  readonly headerNames: readonly string[];
  readonly active: boolean;
}

export interface HttpIntegrationSpec {
  readonly name: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body template; `{{context}}` is the whole ticket/message/event context as JSON. */
  readonly form: string;
  readonly triggers: readonly string[];
}
