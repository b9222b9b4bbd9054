import { z } from "zod";
import { messageDelivery, messageKind, type Address, type Message } from "@/lib/domain/message";
import { optBool, optDatetime, optNumber, optString, wireId } from "./common";

const address = z.object({ address: z.string(), name: optString });
const addresses = z
  .array(address)
  .nullish()
  .transform((a): Address[] => a ?? []);

const participant = z
  .object({ id: wireId.nullish(), email: optString, name: optString, firstname: optString, lastname: optString })
  .nullish()
  .transform((p) => (p ? { id: p.id ?? null, email: p.email, name: p.name ?? ([p.firstname, p.lastname].filter(Boolean).join(" ") || null) } : null));

const source = z
  .object({ type: optString, from: address.nullish(), to: addresses, cc: addresses, bcc: addresses })
  .nullish()
  .transform((s) => (s ? { type: s.type, from: s.from ?? null, to: s.to, cc: s.cc, bcc: s.bcc } : null));

const attachment = z.object({ url: z.string(), name: optString, content_type: optString, size: optNumber });

export const message = z
  .object({
    id: wireId,
    ticket_id: wireId,
    external_id: optString,
    channel: optString,
    via: optString,
    // Missing `public` is read as a note: an unknown visibility must never look customer-facing.
    public: optBool(false),
    from_agent: z.boolean(),
    sender: participant,
    receiver: participant,
    source,
    integration_id: optNumber,
    subject: optString,
    body_text: optString,
    body_html: optString,
    stripped_text: optString,
    stripped_html: optString,
    attachments: z
      .array(attachment)
      .nullish()
      .transform((a) => a ?? []),
    created_datetime: optDatetime,
    sent_datetime: optDatetime,
    failed_datetime: optDatetime,
    opened_datetime: optDatetime,
    last_sending_error: z
      .object({ error: z.unknown() })
      .nullish()
      .transform((e) => (e ? (typeof e.error === "string" ? e.error : JSON.stringify(e.error ?? null)) : null)),
  })
  .transform((m): Message => {
    const kind = messageKind({ channel: m.channel, public: m.public, fromAgent: m.from_agent });
    return {
      id: m.id,
      ticketId: m.ticket_id,
      externalId: m.external_id,
      kind,
      delivery: messageDelivery(kind, { sentAt: m.sent_datetime, failedAt: m.failed_datetime }),
      channel: m.channel,
      via: m.via,
      public: m.public,
      fromAgent: m.from_agent,
      sender: m.sender,
      receiver: m.receiver,
      source: m.source,
      integrationId: m.integration_id,
      subject: m.subject,
      bodyText: m.body_text,
      bodyHtml: m.body_html,
      strippedText: m.stripped_text,
      strippedHtml: m.stripped_html,
      attachments: m.attachments.map((a) => ({ url: a.url, name: a.name, contentType: a.content_type, size: a.size })),
      createdAt: m.created_datetime,
      sentAt: m.sent_datetime,
      failedAt: m.failed_datetime,
      openedAt: m.opened_datetime,
      failureReason: m.last_sending_error,
    };
  });
