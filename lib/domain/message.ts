import type { Channel } from "./ticket";
import type { IsoDateTime } from "./datetime";

/** Who wrote it, as the inbox shows it. Notes are never visible to the customer. */
export type MessageKind = "customer" | "agent" | "note";
/**
 * Outgoing agent messages are sent asynchronously by Gorgias: `sending` until `sent_datetime`
 * or `failed_datetime` appears. Customer messages and notes are only `recorded`.
 */
export type MessageDelivery = "sending" | "sent" | "failed" | "recorded";

export interface Address {
  readonly address: string;
  readonly name: string | null;
}

export interface Participant {
  readonly id: number | null;
  readonly email: string | null;
  readonly name: string | null;
}

export interface Attachment {
  readonly url: string;
  readonly name: string | null;
  readonly contentType: string | null;
  readonly size: number | null;
}

export interface MessageSource {
  readonly type: string | null;
  readonly from: Address | null;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly bcc: readonly Address[];
}

export interface Message {
  readonly id: number;
  readonly ticketId: number;
  /** Our operation id for messages this app sent (docs/safety.md#send-once). */
  readonly externalId: string | null;
  readonly kind: MessageKind;
  readonly delivery: MessageDelivery;
  readonly channel: Channel | null;
  readonly via: string | null;
  readonly public: boolean;
  readonly fromAgent: boolean;
  readonly sender: Participant | null;
  readonly receiver: Participant | null;
  readonly source: MessageSource | null;
  readonly integrationId: number | null;
  readonly subject: string | null;
  readonly bodyText: string | null;
  /** Untrusted HTML: only ever rendered after server-side sanitizing. */
  readonly bodyHtml: string | null;
  readonly strippedText: string | null;
  readonly strippedHtml: string | null;
  readonly attachments: readonly Attachment[];
  readonly createdAt: IsoDateTime | null;
  readonly sentAt: IsoDateTime | null;
  readonly failedAt: IsoDateTime | null;
  readonly openedAt: IsoDateTime | null;
  /** Gorgias's own words for a failed send. */
  readonly failureReason: string | null;
}

// A note is detected by either marker: a message that is not public must never be shown
// as something the customer saw, whatever its channel says.
export function messageKind(m: { channel: string | null; public: boolean; fromAgent: boolean }): MessageKind {
  if (m.channel === "internal-note" || !m.public) return "note";
  return m.fromAgent ? "agent" : "customer";
}

export function messageDelivery(
  kind: MessageKind,
  m: { sentAt: IsoDateTime | null; failedAt: IsoDateTime | null },
): MessageDelivery {
  if (kind !== "agent") return "recorded";
  // A resend after a failure can leave both stamps; the later one is the current state.
  if (m.failedAt !== null && (m.sentAt === null || Date.parse(m.failedAt) >= Date.parse(m.sentAt))) return "failed";
  return m.sentAt !== null ? "sent" : "sending";
}

/**
 * Public messages newer than what the agent had on screen and not written by the agent
 * (docs/safety.md#stale-thread): the customer's, and a colleague's reply (two agents answering at
 * once). The send pipeline refuses a reply over them; the composer warns as soon as they arrive.
 */
export function newerMessageIds(
  messages: ReadonlyArray<Pick<Message, "id" | "public" | "kind" | "sender">>,
  lastSeenMessageId: number | null,
  agentUserId: number,
): number[] {
  return messages
    .filter((m) => (lastSeenMessageId === null || m.id > lastSeenMessageId) && m.public && m.kind !== "note")
    .filter((m) => m.kind === "customer" || m.sender?.id !== agentUserId)
    .map((m) => m.id)
    .sort((a, b) => a - b)
    .slice(-50);
}
