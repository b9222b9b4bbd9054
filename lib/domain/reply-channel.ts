import type { Message } from "./message";

/** What the rules read of a message (a thread's message on screen carries no raw body). */
export type ChannelFacts = Pick<Message, "id" | "kind" | "channel" | "integrationId" | "source">;

/**
 * Which channel a reply goes out on (docs/safety.md#reply-channel). Pure and isomorphic: the
 * composer shows what the server will do, and the server decides with the same rules from the
 * ticket it has just read, never from the browser's say-so.
 */

/** Whether Gorgias lets the ticket be answered on a channel, as its `reply_options` says. */
export interface ReplyChannelOption {
  readonly channel: string;
  readonly answerable: boolean;
}

/** A channel the agent may reply on, or one shown with the reason it cannot be used. */
export interface ReplyRoute {
  readonly channel: string;
  readonly label: string;
  /** Null when a reply can go out on it; else why not, in words for the agent. */
  readonly refusal: string | null;
}

/** Messaging channels whose replies Gorgias sends through the API, on the customer's own conversation. */
const MESSAGING: Readonly<Record<string, string>> = {
  chat: "Chat",
  sms: "SMS",
  "facebook-messenger": "Facebook Messenger",
  facebook: "Facebook Messenger",
  "instagram-direct-message": "Instagram DM",
  whatsapp: "WhatsApp",
  "twitter-direct-message": "X DM",
};

/** Channels a customer reaches us through that are answered by e-mail (Gorgias replies to a form by e-mail). */
const ANSWERED_BY_EMAIL = new Set(["email", "contact_form", "help-center", "api"]);

const CALL = "The customer called: a call cannot be answered with a message through Gorgias's API. Call them back, or reply by email.";
const PUBLIC_POST = "Public comments, mentions and reviews are answered in Gorgias itself, not through its API. Reply by email or message the customer directly.";

/** Channels Gorgias cannot send on through the API, with the reason shown to the agent. */
const NOT_THROUGH_API: Readonly<Record<string, { label: string; reason: string }>> = {
  phone: { label: "Phone", reason: CALL },
  aircall: { label: "Phone (Aircall)", reason: CALL },
  "facebook-mention": { label: "Facebook mention", reason: PUBLIC_POST },
  "facebook-recommendations": { label: "Facebook review", reason: PUBLIC_POST },
  "instagram-comment": { label: "Instagram comment", reason: PUBLIC_POST },
  "instagram-ad-comment": { label: "Instagram ad comment", reason: PUBLIC_POST },
  "instagram-mention": { label: "Instagram mention", reason: PUBLIC_POST },
  twitter: { label: "X post", reason: PUBLIC_POST },
  "yotpo-review": { label: "Yotpo review", reason: PUBLIC_POST },
};

/** The channel a message on `channel` is answered on: forms and the API are answered by e-mail. */
export function answeredOn(channel: string | null): string {
  if (!channel || ANSWERED_BY_EMAIL.has(channel)) return "email";
  return channel;
}

export function channelLabel(channel: string): string {
  if (channel === "email") return "Email";
  return MESSAGING[channel] ?? NOT_THROUGH_API[channel]?.label ?? channel;
}

export const isMessagingChannel = (channel: string): boolean => channel in MESSAGING;

/** The customer's latest message, whose channel a reply follows. */
export function latestCustomerMessage<M extends ChannelFacts>(messages: readonly M[]): M | null {
  let latest: M | null = null;
  for (const m of messages) if (m.kind === "customer" && (!latest || m.id > latest.id)) latest = m;
  return latest;
}

/** The customer's latest message on `channel` (as answered), the conversation a messaging reply joins. */
export function latestCustomerMessageOn<M extends ChannelFacts>(messages: readonly M[], channel: string): M | null {
  let latest: M | null = null;
  for (const m of messages) if (m.kind === "customer" && answeredOn(m.channel) === channel && (!latest || m.id > latest.id)) latest = m;
  return latest;
}

/**
 * The channels a reply to this ticket may go out on, the default first: the channel of the
 * customer's latest message (else the ticket's own). Others are offered where Gorgias allows:
 * e-mail when the customer has an address, and messaging channels the customer wrote on that
 * `reply_options` does not call unanswerable. A default Gorgias cannot send on stays first, with
 * its reason, so the composer says why rather than quietly e-mailing instead.
 */
export function replyRoutes(ticket: {
  readonly channel: string | null;
  readonly messages: readonly ChannelFacts[];
  readonly customerEmail: string | null;
  readonly replyChannels: readonly ReplyChannelOption[];
}): ReplyRoute[] {
  const answerable = new Map(ticket.replyChannels.map((o) => [o.channel, o.answerable]));
  const route = (channel: string): ReplyRoute => ({ channel, label: channelLabel(channel), refusal: refusalFor(channel) });
  const refusalFor = (channel: string): string | null => {
    const blocked = NOT_THROUGH_API[channel];
    if (blocked) return blocked.reason;
    if (channel === "email") return ticket.customerEmail ? null : "This customer has no email address to reply to.";
    if (!isMessagingChannel(channel)) return `Gorgias does not send ${channelLabel(channel)} messages through its API. Reply by email, or answer in Gorgias itself.`;
    if (answerable.get(channel) === false) return `Gorgias cannot answer this ${channelLabel(channel)} conversation now (for example, it has ended). Reply by email instead.`;
    if (!latestCustomerMessageOn(ticket.messages, channel)) return `The customer has not written on ${channelLabel(channel)}, so there is no conversation to answer there.`;
    return null;
  };
  const first = answeredOn(latestCustomerMessage(ticket.messages)?.channel ?? ticket.channel);
  const others = new Set<string>();
  if (ticket.customerEmail && answerable.get("email") !== false) others.add("email");
  for (const m of ticket.messages) if (m.kind === "customer" && isMessagingChannel(answeredOn(m.channel))) others.add(answeredOn(m.channel));
  for (const [channel, ok] of answerable) if (ok && isMessagingChannel(channel) && latestCustomerMessageOn(ticket.messages, channel)) others.add(channel);
  others.delete(first);
  return [route(first), ...[...others].map(route).filter((r) => r.refusal === null)];
}
