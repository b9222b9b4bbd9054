import type { Message } from "./message";
import type { Ticket, TicketSummary } from "./ticket";

/** How Gorgias trims a list row's preview (the sandbox follows the same reading of the reference). */
const EXCERPT_CHARS = 120;

/** The list preview of a thread: its latest public message's text, whitespace folded. */
export function excerptOf(messages: readonly Message[]): string {
  const latest = [...messages].filter((m) => m.public).sort(byCreated).at(-1);
  const text = (latest?.strippedText ?? latest?.bodyText ?? "").replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 3)}...` : text;
}

export const byCreated = (a: Pick<Message, "createdAt" | "id">, b: Pick<Message, "createdAt" | "id">): number =>
  (a.createdAt ?? "").localeCompare(b.createdAt ?? "") || a.id - b.id;

/**
 * A list row built from the full ticket, for patching cached lists without listing again. The two
 * list-only fields come from the whole thread when we hold it, else from the row it replaces.
 */
export function summaryOf(ticket: Omit<Ticket, "messages">, thread: readonly Message[] | null, previous: TicketSummary | null): TicketSummary {
  const { customer, replyOptions: _replyOptions, ...rest } = ticket;
  return {
    ...rest,
    customer: customer ? { id: customer.id, email: customer.email, name: customer.name } : null,
    excerpt: thread ? excerptOf(thread) : (previous?.excerpt ?? null),
    messagesCount: thread ? thread.length : (previous?.messagesCount ?? null),
  };
}

/** A list row's `messages_count`, and the version of the ticket it counted (its `updated_datetime`). */
export interface ListedCount {
  readonly count: number;
  readonly asOf: string | null;
}

/**
 * The ticket's embedded messages when they are the whole thread, else null (page the messages
 * endpoint). Gorgias may cap that array, so it counts as whole only when it reaches the ticket's
 * latest message and something vouches for its start: every message we already held is in it, or
 * it holds as many messages up to a list row's version as that row counted.
 */
export function wholeThreadOf(ticket: Ticket, known: readonly Message[] | null, listed: ListedCount | null = null): Message[] | null {
  const embedded = ticket.messages;
  if (embedded.length === 0) return null;
  const at = (m: Message) => (m.createdAt ? Date.parse(m.createdAt) : Number.NEGATIVE_INFINITY);
  const newest = Math.max(...embedded.map(at));
  if (ticket.lastMessageAt && !(newest >= Date.parse(ticket.lastMessageAt))) return null;
  const ids = new Set(embedded.map((m) => m.id));
  const asOf = listed?.asOf ? Date.parse(listed.asOf) : Number.POSITIVE_INFINITY;
  const vouched = known !== null ? known.every((m) => ids.has(m.id)) : listed !== null && embedded.filter((m) => at(m) <= asOf).length === listed.count;
  return vouched ? [...embedded].sort(byCreated) : null;
}
