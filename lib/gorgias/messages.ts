import type { Message } from "@/lib/domain/message";
import type { Page } from "@/lib/domain/page";
import { err, ok, type Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import { paginate } from "./pagination";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { message } from "./wire/message";
import { oneLine } from "@/lib/domain/safe-text";
import type { UploadedFile } from "@/lib/domain/attachments";

export interface MailAddress {
  readonly address: string;
  readonly name?: string | null;
}

/** An outgoing e-mail reply as the server derived it from the ticket (never browser input). */
export interface ReplyRequest {
  /** The agent (a Gorgias user) the reply is sent as. */
  readonly senderUserId: number;
  readonly receiverCustomerId: number;
  /** The account e-mail integration the customer wrote to (docs/safety.md#reply-from). */
  readonly from: MailAddress;
  readonly to: readonly MailAddress[];
  readonly integrationId?: number | null;
  readonly subject?: string | null;
  readonly bodyText: string;
  readonly bodyHtml?: string | null;
  /** Files already uploaded (`POST /api/upload`). */
  readonly attachments?: readonly UploadedFile[];
  /** Our operation id (docs/safety.md#send-once). */
  readonly externalId: string;
  /** The macros applied to this message, recorded by Gorgias (`macros: [{id}]`). */
  readonly macroIds?: readonly number[];
}

/**
 * A reply on a messaging channel (chat, SMS, Messenger, Instagram, WhatsApp…), joining the
 * conversation of the customer's latest message there, as the server derived it from the ticket.
 */
export interface ChannelReplyRequest {
  readonly channel: string;
  readonly senderUserId: number;
  readonly receiverCustomerId: number;
  /** The integration the customer's message came through: the reply goes out on it. */
  readonly integrationId: number;
  /** That message's `source.type` (`chat`, `facebook-message`, …). */
  readonly sourceType: string | null;
  /** The integration's side of the conversation, and the customer's. */
  readonly from: MailAddress | null;
  readonly to: readonly MailAddress[];
  readonly bodyText: string;
  readonly attachments?: readonly UploadedFile[];
  readonly externalId: string;
  readonly macroIds?: readonly number[];
}

export interface NoteRequest {
  readonly senderUserId: number;
  readonly bodyText: string;
  readonly bodyHtml?: string | null;
  readonly attachments?: readonly UploadedFile[];
  readonly externalId: string;
  readonly mentionUserIds?: readonly number[];
  readonly macroIds?: readonly number[];
}

export interface ListMessagesQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  /** `asc` (default) reads a thread in order; `desc` finds recent messages in one page. */
  readonly order?: "asc" | "desc";
}

// Names and subjects go into e-mail headers: one line each (docs/safety.md#untrusted-text).
const macrosOf = (ids: readonly number[] | undefined) => (ids && ids.length > 0 ? { macros: ids.map((id) => ({ id })) } : {});
const addr = (a: MailAddress) => (a.name && oneLine(a.name) ? { address: a.address, name: oneLine(a.name) } : { address: a.address });

// `attachments` items need `url`, `name` and `content_type` (reference §4.3); left out when there are none.
const files = (a: readonly UploadedFile[] | undefined) =>
  a && a.length > 0 ? { attachments: a.map((f) => ({ url: f.url, name: f.name, content_type: f.contentType, size: f.size })) } : {};

/** No `sent_datetime`: that is what makes Gorgias actually send it (asynchronously). */
export function replyBody(r: ReplyRequest): Record<string, unknown> {
  return {
    channel: "email",
    via: "api",
    from_agent: true,
    public: true,
    sender: { id: r.senderUserId },
    receiver: { id: r.receiverCustomerId },
    source: { type: "email", from: addr(r.from), to: r.to.map(addr) },
    ...(r.integrationId != null ? { integration_id: r.integrationId } : {}),
    ...(r.subject && oneLine(r.subject) ? { subject: oneLine(r.subject) } : {}),
    body_text: r.bodyText,
    ...(r.bodyHtml ? { body_html: r.bodyHtml } : {}),
    ...files(r.attachments),
    external_id: r.externalId,
    ...macrosOf(r.macroIds),
  };
}

/** Like an e-mail reply, without `sent_datetime`: Gorgias delivers it on the channel's integration. */
export function channelReplyBody(r: ChannelReplyRequest): Record<string, unknown> {
  return {
    channel: r.channel,
    via: "api",
    from_agent: true,
    public: true,
    sender: { id: r.senderUserId },
    receiver: { id: r.receiverCustomerId },
    source: { type: r.sourceType ?? r.channel, ...(r.from ? { from: addr(r.from) } : {}), to: r.to.map(addr) },
    integration_id: r.integrationId,
    body_text: r.bodyText,
    ...files(r.attachments),
    external_id: r.externalId,
    ...macrosOf(r.macroIds),
  };
}

/** Built here, not by callers, so a note can never be public or addressed to anyone (docs/safety.md#notes-private). */
export function noteBody(n: NoteRequest): Record<string, unknown> {
  return {
    channel: "internal-note",
    via: "api",
    from_agent: true,
    public: false,
    sender: { id: n.senderUserId },
    body_text: n.bodyText,
    ...(n.bodyHtml ? { body_html: n.bodyHtml } : {}),
    ...files(n.attachments),
    external_id: n.externalId,
    ...(n.mentionUserIds && n.mentionUserIds.length > 0 ? { mention_ids: n.mentionUserIds } : {}),
    ...macrosOf(n.macroIds),
  };
}

const messageList = listOf(message);

export function messagesApi(send: Transport) {
  const list = (ticketId: number, q: ListMessagesQuery = {}, o?: CallOptions): Promise<Result<Page<Message>, GorgiasError>> =>
    // `/api/messages?ticket_id=` rather than the deprecated `/api/tickets/{id}/messages`.
    send(
      { method: "GET", path: "/messages", query: { ticket_id: ticketId, order_by: `created_datetime:${q.order ?? "asc"}`, cursor: q.cursor, limit: q.limit }, schema: messageList },
      o,
    );

  return {
    list,
    get: (ticketId: number, messageId: number, o?: CallOptions): Promise<Result<Message, GorgiasError>> =>
      send({ method: "GET", path: `/tickets/${ticketId}/messages/${messageId}`, schema: message }, o),
    /** Never retried (it would e-mail the customer twice): on an unknown outcome use `findByExternalId`. */
    createReply: (ticketId: number, r: ReplyRequest, o?: CallOptions): Promise<Result<Message, GorgiasError>> =>
      send({ method: "POST", path: `/tickets/${ticketId}/messages`, body: replyBody(r), schema: message }, { priority: "send", ...o }),
    /** Never retried, like an e-mail reply. */
    createChannelReply: (ticketId: number, r: ChannelReplyRequest, o?: CallOptions): Promise<Result<Message, GorgiasError>> =>
      send({ method: "POST", path: `/tickets/${ticketId}/messages`, body: channelReplyBody(r), schema: message }, { priority: "send", ...o }),
    createNote: (ticketId: number, n: NoteRequest, o?: CallOptions): Promise<Result<Message, GorgiasError>> =>
      send({ method: "POST", path: `/tickets/${ticketId}/messages`, body: noteBody(n), schema: message }, { priority: "send", ...o }),
    /**
     * The read-back after an unknown send outcome (docs/safety.md#no-blind-retry): `ok(null)` is a confirmed
     * "not there", an error means "still unknown".
     */
    findByExternalId: async (ticketId: number, externalId: string, o?: CallOptions): Promise<Result<Message | null, GorgiasError>> => {
      let complete = false;
      // Newest first: the message looked for was just sent, so it is almost always on the first page.
      for await (const page of paginate((cursor) => list(ticketId, { cursor, limit: 100, order: "desc" }, { priority: "send", ...o }), { maxPages: 50 })) {
        if (!page.ok) return page;
        const found = page.value.items.find((m) => m.externalId === externalId);
        if (found) return ok(found);
        complete = page.value.nextCursor === null;
      }
      // A walk cut short by the page cap or a repeated cursor proves nothing.
      if (!complete) {
        return err({ kind: "unexpected_response", request: "GET /api/messages", status: 200, detail: "message list did not end", message: "Could not read the whole conversation back from Gorgias." });
      }
      return ok(null);
    },
  };
}
