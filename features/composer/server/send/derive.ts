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

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The e-mail addresses a reply may leave from, best first (docs/safety.md#reply-from): the account's
 * active e-mail integration the customer's latest message arrived on (its `integration_id`, else its
 * `source.to` matched against the integrations' addresses; older customer messages are asked when
 * the latest says neither); then integrations the ticket's `reply_options` name (real Gorgias sends
 * none); then the account's other active e-mail integrations, in the order Gorgias lists them.
 */
export function emailSendersFor(ticket: Pick<Ticket, "replyOptions" | "messages">, integrations: readonly Integration[]): Sender[] {
  const active = integrations.filter((i) => isEmailIntegration(i) && i.active && i.address);
  const arrivedOn = (m: Ticket["messages"][number]): Integration | undefined =>
    active.find((i) => i.id === m.integrationId) ?? active.find((i) => (m.source?.to ?? []).some((to) => same(to.address, i.address as string)));
  // Newest first by id, whatever order the thread was read in (oldest first, or a newest-first page).
  const customerMessages = ticket.messages.filter((m) => m.kind === "customer").sort((a, b) => b.id - a.id);
  const written = customerMessages.map(arrivedOn).find((i) => i !== undefined);
  const offered = ticket.replyOptions.flatMap((o) => (o.channel === "email" ? active.filter((i) => i.id === o.integrationId) : []));
  const ordered = [...(written ? [written] : []), ...offered, ...active];
  return accountEmailSenders(ordered.filter((i, k) => ordered.indexOf(i) === k));
}

/** The active e-mail integrations as senders, in the order given (alone: a new ticket, with no thread to follow). */
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
