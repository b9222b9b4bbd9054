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
  /**
   * Set when a store kept only the start of this message's long body fields (withBodiesCut): their
   * whole lengths.
   */
  readonly sourceLengths?: BodyLengths;
}

/** The lengths of a message's body fields, in UTF-16 units (0 for a missing one). */
export interface BodyLengths {
  readonly bodyHtml: number;
  readonly strippedHtml: number;
  readonly bodyText: number;
  readonly strippedText: number;
}

/**
 * The most of one body a thread shows before the agent asks for all of it ("Show all", which reads
 * the message from Gorgias again): all a store of threads needs to keep of it.
 */
export const BODY_PREVIEW_CHARS = 100_000;

/** The first `max` UTF-16 units of a text, without leaving half a surrogate pair at its end. */
export function textStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

const BODY_FIELDS = ["bodyHtml", "strippedHtml", "bodyText", "strippedText"] as const;

/**
 * The message with each body field cut to BODY_PREVIEW_CHARS and their whole lengths recorded, so a
 * thread of megabytes is kept as what the thread shows of it; the same message when none is longer.
 */
export function withBodiesCut(m: Message): Message {
  if (m.sourceLengths || BODY_FIELDS.every((f) => (m[f]?.length ?? 0) <= BODY_PREVIEW_CHARS)) return m;
  const cut = (text: string | null) => (text === null ? null : textStart(text, BODY_PREVIEW_CHARS));
  return {
    ...m,
    bodyHtml: cut(m.bodyHtml),
    strippedHtml: cut(m.strippedHtml),
    bodyText: cut(m.bodyText),
    strippedText: cut(m.strippedText),
    sourceLengths: {
      bodyHtml: m.bodyHtml?.length ?? 0,
      strippedHtml: m.strippedHtml?.length ?? 0,
      bodyText: m.bodyText?.length ?? 0,
      strippedText: m.strippedText?.length ?? 0,
    },
  };
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
