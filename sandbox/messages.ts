import { z } from "zod";
import { ApiError, type FieldErrors } from "./http/errors.js";
import type { Mailer } from "./mailer.js";
import type { AccountStore } from "./store/account-store.js";
import { VIA_INPUT, type AddressRec, type CustomerRec, type MessageRec, type PartyRef, type TicketRec, type UserRec } from "./store/types.js";
import { appendMessage, createCustomer } from "./ticket-ops.js";
import { nowIso, parseIsoInput } from "./util/time.js";

// Creating a ticket message: the rules of §4.3 (incoming, outgoing email, internal note),
// the asynchronous send, and the ticket's side effects.

const party = z.looseObject({
  id: z.int().positive().optional(),
  email: z.string().max(320).optional(),
  name: z.string().nullable().optional(),
  firstname: z.string().nullable().optional(),
  lastname: z.string().nullable().optional(),
});
const address = z.looseObject({ name: z.string().nullable().optional(), address: z.string().min(1) });
const isoField = z.string().nullable().optional();

export const messageInput = z.strictObject({
  channel: z.string().min(1),
  from_agent: z.boolean(),
  via: z.enum(VIA_INPUT).optional(),
  public: z.boolean().optional(),
  sender: party.optional(),
  receiver: party.nullable().optional(),
  source: z
    .strictObject({
      type: z.string().optional(),
      from: address.nullable().optional(),
      to: z.array(address).nullable().optional(),
      cc: z.array(address).nullable().optional(),
      bcc: z.array(address).nullable().optional(),
      extra: z.unknown().optional(),
    })
    .nullable()
    .optional(),
  subject: z.string().max(998).nullable().optional(),
  body_text: z.string().nullable().optional(),
  body_html: z.string().nullable().optional(),
  stripped_text: z.string().nullable().optional(),
  stripped_html: z.string().nullable().optional(),
  stripped_signature: z.string().nullable().optional(),
  attachments: z
    .array(
      z.strictObject({
        url: z.string().min(1),
        name: z.string().min(1),
        content_type: z.string().min(1),
        size: z.int().nonnegative().optional(),
        public: z.boolean().optional(),
        extra: z.unknown().optional(),
      }),
    )
    .optional(),
  integration_id: z.int().positive().nullable().optional(),
  message_id: z.string().nullable().optional(),
  external_id: z.string().max(255).nullable().optional(),
  sent_datetime: isoField,
  created_datetime: isoField,
  failed_datetime: isoField,
  deleted_datetime: isoField,
  opened_datetime: isoField,
  mention_ids: z.array(z.int().positive()).optional(),
  macros: z.array(z.strictObject({ id: z.int().positive() })).optional(),
  actions: z.array(z.unknown()).optional(),
  headers: z.record(z.string(), z.unknown()).nullable().optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  last_sending_error: z.strictObject({ error: z.string() }).nullable().optional(),
  imported: z.boolean().optional(),
});
export type MessageInput = z.infer<typeof messageInput>;

// Channels where a message cannot be sent through the API: calls, and public posts, mentions and
// reviews (answered in Gorgias's own app). An agent's message to send there is refused.
const NOT_SENDABLE = new Set(["phone", "aircall", "facebook-mention", "facebook-recommendations", "instagram-comment", "instagram-ad-comment", "instagram-mention", "twitter", "yotpo-review"]);

// Messaging channels whose agent messages the sandbox "delivers" (an outbox entry), as Gorgias
// sends them on the conversation's integration.
const MESSAGING = new Set(["chat", "sms", "facebook", "facebook-messenger", "instagram-direct-message", "whatsapp", "twitter-direct-message"]);

export interface MessageDeps {
  store: AccountStore;
  caller: UserRec;
  mailer: Mailer;
}

function htmlFromText(text: string): string {
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function textFromHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function findUser(store: AccountStore, ref: { id?: number | undefined; email?: string | undefined }): UserRec | undefined {
  if (ref.id !== undefined) return store.data.users.get(ref.id);
  if (ref.email !== undefined) return store.findUserByEmail(ref.email);
  return undefined;
}

/** A customer by id, or by e-mail (created when new, as Gorgias does for nested references). */
export function resolveCustomer(
  store: AccountStore,
  ref: { id?: number | undefined; email?: string | undefined; name?: string | null | undefined; firstname?: string | null | undefined; lastname?: string | null | undefined },
): CustomerRec | "unknown-id" | "missing" {
  if (ref.id !== undefined) return store.data.customers.get(ref.id) ?? "unknown-id";
  if (ref.email !== undefined && ref.email.trim() !== "") {
    const email = ref.email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return "missing";
    return store.findCustomerByEmail(email) ?? createCustomer(store, { email, name: ref.name ?? null, firstname: ref.firstname ?? null, lastname: ref.lastname ?? null });
  }
  return "missing";
}

function iso(value: string | null | undefined, field: string, errors: FieldErrors): string | null {
  if (value === undefined || value === null) return null;
  const parsed = parseIsoInput(value);
  if (!parsed) (errors[field] ??= []).push("Not a valid datetime.");
  return parsed;
}

/** The email integration the customer's latest email arrived on, if any. */
function lastCustomerIntegration(store: AccountStore, ticket: TicketRec): number | null {
  for (let i = ticket.message_ids.length - 1; i >= 0; i--) {
    const m = store.data.messages.get(ticket.message_ids[i] ?? -1);
    if (m && !m.from_agent && m.channel === "email" && m.integration_id !== null) return m.integration_id;
  }
  return null;
}

/** Validates and stores one message on a ticket; throws ApiError(400) with field errors. */
export function createMessage(deps: MessageDeps, ticket: TicketRec, input: MessageInput, errorMsg: string, prefix = ""): MessageRec {
  const { store, caller } = deps;
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[`${prefix}${field}`] ??= []).push(message);
  const isNote = input.channel === "internal-note";
  const sent = iso(input.sent_datetime, `${prefix}sent_datetime`, errors);
  const created = iso(input.created_datetime, `${prefix}created_datetime`, errors);
  const customer = store.data.customers.get(ticket.customer_id);

  if (isNote && !input.from_agent) fail("from_agent", "Internal notes are always sent by an agent (from_agent must be true).");
  if (!input.body_text && !input.body_html && !(input.attachments && input.attachments.length > 0)) {
    fail("body_text", "Missing data for required field.");
  }

  let sender: PartyRef | null = null;
  let receiver: PartyRef | null = null;
  if (input.from_agent) {
    const user = input.sender ? findUser(store, input.sender) : caller;
    if (!user) fail("sender", "No user matches this sender; an agent message must be sent by an existing user.");
    else sender = { type: "user", id: user.id };
  } else {
    const found = input.sender ? resolveCustomer(store, input.sender) : customer;
    if (!found || found === "unknown-id" || found === "missing") fail("sender", "No customer matches this sender.");
    else sender = { type: "customer", id: found.id };
  }

  const outgoingEmail = input.from_agent && !isNote && input.channel === "email" && !sent;
  // An agent's message to deliver on another channel: chat, SMS, Messenger, Instagram, WhatsApp…
  const outgoingOther = input.from_agent && !isNote && input.channel !== "email" && !sent && input.public !== false;
  if (outgoingOther && NOT_SENDABLE.has(input.channel)) fail("channel", `Messages cannot be sent on ${input.channel} through the API.`);
  if (outgoingOther && input.integration_id != null && !store.data.integrations.has(input.integration_id)) fail("integration_id", "Not an integration of this account.");
  let source = input.source
    ? {
        type: input.source.type ?? (isNote ? "internal-note" : input.channel),
        from: input.source.from ? { name: input.source.from.name ?? null, address: input.source.from.address } : null,
        to: (input.source.to ?? []).map((a): AddressRec => ({ name: a.name ?? null, address: a.address })),
        cc: input.source.cc ? input.source.cc.map((a): AddressRec => ({ name: a.name ?? null, address: a.address })) : null,
        bcc: input.source.bcc ? input.source.bcc.map((a): AddressRec => ({ name: a.name ?? null, address: a.address })) : null,
      }
    : null;
  let integrationId = input.integration_id ?? null;

  if (input.from_agent && !isNote) {
    const found = input.receiver ? resolveCustomer(store, input.receiver) : customer;
    if (!found || found === "unknown-id" || found === "missing") fail("receiver", "No customer matches this receiver.");
    else receiver = { type: "customer", id: found.id };
  }

  if (outgoingEmail) {
    const emailIntegrations = [...store.data.integrations.values()].filter((i) => i.type === "email");
    let integration = integrationId !== null ? store.data.integrations.get(integrationId) : undefined;
    if (integrationId !== null && (!integration || integration.type !== "email")) {
      fail("integration_id", "Not an email integration of this account.");
      integration = undefined;
    }
    const fromAddress = source?.from?.address;
    const senderUser = sender?.type === "user" ? store.data.users.get(sender.id) : undefined;
    // Agents' clients put the agent's own address in `source.from`; Gorgias takes it and sends
    // through the ticket's integration (choice 23).
    const ownAddress = fromAddress !== undefined && senderUser !== undefined && senderUser.email.toLowerCase() === fromAddress.toLowerCase();
    if (fromAddress !== undefined && !ownAddress) {
      const byAddress = emailIntegrations.find((i) => i.address?.toLowerCase() === fromAddress.toLowerCase());
      if (!byAddress) fail("source.from.address", "Not the address of one of the account's email integrations.");
      else if (integration && integration.id !== byAddress.id) fail("integration_id", "Does not match source.from.address.");
      else integration = byAddress;
    }
    integration ??= emailIntegrations.find((i) => i.id === lastCustomerIntegration(store, ticket)) ?? emailIntegrations.find((i) => i.id === ticket.integration_id) ?? emailIntegrations[0];
    const receiverRec = receiver ? store.data.customers.get(receiver.id) : undefined;
    const to = source?.to && source.to.length > 0 ? source.to : receiverRec?.email ? [{ name: receiverRec.name, address: receiverRec.email }] : [];
    if (to.length === 0) fail("source.to", "No recipient: give source.to or a receiver with an email address.");
    if (to.some((a) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a.address))) fail("source.to", "Not a valid email address.");
    if (integration) {
      integrationId = integration.id;
      source = {
        type: "email",
        from: { name: source?.from?.name ?? (ownAddress && senderUser ? `${senderUser.firstname} ${senderUser.lastname}` : integration.name), address: integration.address ?? "" },
        to,
        cc: source?.cc ?? null,
        bcc: source?.bcc ?? null,
      };
    }
  }

  if (!input.from_agent && input.channel === "email" && integrationId === null) {
    // An incoming email arrived on the integration whose address it was written to.
    const to = (source?.to ?? []).map((a) => a.address.toLowerCase());
    integrationId = [...store.data.integrations.values()].find((i) => i.type === "email" && i.address !== null && to.includes(i.address.toLowerCase()))?.id ?? null;
  }

  for (const id of input.mention_ids ?? []) if (!store.data.users.has(id)) fail("mention_ids", `User ${id} does not exist.`);
  for (const m of input.macros ?? []) if (!store.data.macros.has(m.id)) fail("macros", `Macro ${m.id} does not exist.`);
  if (Object.keys(errors).length > 0) throw new ApiError(400, errorMsg, errors);

  const now = nowIso();
  const bodyText = input.body_text ?? (input.body_html ? textFromHtml(input.body_html) : null);
  const bodyHtml = input.body_html ?? (input.body_text ? htmlFromText(input.body_text) : null);
  const defaultSubject = input.channel === "email" ? (ticket.message_ids.length > 0 && ticket.subject ? `Re: ${ticket.subject}` : ticket.subject) : null;
  const sendsLater = outgoingEmail;
  const msg: MessageRec = {
    id: store.allocate("messages"),
    ticket_id: ticket.id,
    message_id: input.message_id ?? null,
    external_id: input.external_id ?? null,
    channel: input.channel,
    via: input.via ?? "api",
    public: isNote ? false : (input.public ?? true),
    from_agent: input.from_agent,
    sender: sender ?? { type: "user", id: caller.id },
    receiver,
    source: source ?? { type: isNote ? "internal-note" : input.channel, from: null, to: [], cc: null, bcc: null },
    subject: input.subject ?? defaultSubject,
    body: {
      body_text: bodyText,
      body_html: bodyHtml,
      stripped_text: input.stripped_text ?? bodyText,
      stripped_html: input.stripped_html ?? bodyHtml,
      stripped_signature: input.stripped_signature ?? null,
    },
    recipe: null,
    attachments: (input.attachments ?? []).map((a) => ({ url: a.url, name: a.name, content_type: a.content_type, size: a.size ?? 0, public: a.public ?? true })),
    integration_id: integrationId,
    macros: input.macros ?? [],
    mention_ids: input.mention_ids ?? [],
    meta: input.meta ?? null,
    headers: input.headers ?? null,
    created_datetime: created ?? now,
    // Only outgoing email goes through the mail queue; other channels and recorded messages are
    // delivered at once.
    sent_datetime: sendsLater ? null : (sent ?? now),
    failed_datetime: null,
    opened_datetime: null,
    last_sending_error: null,
    is_retriable: false,
    pending_send: sendsLater,
  };
  if (outgoingEmail && msg.message_id === null) msg.message_id = `<${msg.id}.sandbox@${store.profile.emailDomain}>`;
  appendMessage(store, ticket, msg);
  if (sendsLater) deps.mailer.schedule(store, msg.id);
  else if (outgoingOther && MESSAGING.has(msg.channel)) deps.mailer.delivered(store, msg);
  return msg;
}
