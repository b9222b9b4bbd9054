/**
 * Pure rules that turn a ticket into the addressing of a reply: the browser chooses none of this
 * (docs/safety.md#client-intent, #notes-private).
 */
import type { Integration } from "@/lib/domain/integration";
import { isEmailIntegration } from "@/lib/domain/integration";
import type { Ticket } from "@/lib/domain/ticket";
import { err, ok, type Result } from "@/lib/result";
import type { ChannelReplyRequest, ReplyRequest } from "@/lib/gorgias";
import { channelLabel, latestCustomerMessageOn } from "@/lib/domain/reply-channel";

export type ReplyAddressing = Omit<ReplyRequest, "bodyText" | "bodyHtml" | "externalId">;

type Sender = { address: string; name: string | null; integrationId: number };

/** The ticket's own e-mail reply options, the one its latest customer message came through first. */
export function emailSendersOf(ticket: Pick<Ticket, "replyOptions" | "messages">): Sender[] {
  const options = ticket.replyOptions
    .filter((o) => o.channel === "email" && o.address)
    .map((o) => ({ address: o.address as string, name: o.name, integrationId: o.integrationId }));
  const lastIncoming = [...ticket.messages].reverse().find((m) => m.kind === "customer" && m.integrationId !== null);
  const preferred = options.find((o) => o.integrationId === lastIncoming?.integrationId);
  return preferred ? [preferred, ...options.filter((o) => o !== preferred)] : options;
}

/** The account's active e-mail integrations, when the ticket offers none. */
export function accountEmailSenders(integrations: readonly Integration[]): Sender[] {
  return integrations
    .filter((i) => isEmailIntegration(i) && i.active && i.address)
    .map((i) => ({ address: i.address as string, name: i.name, integrationId: i.id }));
}

export function replySubject(subject: string | null): string | null {
  const s = subject?.trim();
  if (!s) return null;
  return /^re:/i.test(s) ? s : `Re: ${s}`;
}

export function deriveReply(
  ticket: Pick<Ticket, "customer" | "subject">,
  senders: readonly Sender[],
  senderUserId: number,
): Result<ReplyAddressing, string> {
  const customer = ticket.customer;
  if (!customer) return err("This ticket has no customer to reply to. Add an internal note instead.");
  if (!customer.email) return err("This ticket's customer has no e-mail address, so a reply cannot be e-mailed. Add an internal note instead.");
  const from = senders[0];
  if (!from) return err("This account has no e-mail integration to send from. Ask an admin to connect one in Gorgias.");
  return ok({
    senderUserId,
    receiverCustomerId: customer.id,
    from: { address: from.address, name: from.name },
    to: [{ address: customer.email, name: customer.name }],
    integrationId: from.integrationId,
    subject: replySubject(ticket.subject),
  });
}

export type ChannelReplyAddressing = Omit<ChannelReplyRequest, "bodyText" | "externalId">;

/**
 * A reply on a messaging channel joins the conversation of the customer's latest message there:
 * its integration, and its addresses turned round (docs/safety.md#reply-channel). Kept apart from
 * the e-mail sender's choice above, which follows its own rules.
 */
export function deriveChannelReply(
  ticket: Pick<Ticket, "customer" | "messages">,
  channel: string,
  senderUserId: number,
): Result<ChannelReplyAddressing, string> {
  const customer = ticket.customer;
  if (!customer) return err("This ticket has no customer to reply to. Add an internal note instead.");
  const label = channelLabel(channel);
  const latest = latestCustomerMessageOn(ticket.messages, channel);
  if (!latest) return err(`The customer has not written on ${label}, so there is no conversation to answer there.`);
  if (latest.integrationId === null) return err(`Gorgias did not say which ${label} integration the customer wrote through, so the reply has nowhere to go.`);
  const to = latest.source?.from ? [latest.source.from] : [];
  return ok({
    channel,
    senderUserId,
    receiverCustomerId: customer.id,
    integrationId: latest.integrationId,
    sourceType: latest.source?.type ?? null,
    from: latest.source?.to[0] ?? null,
    to,
  });
}
