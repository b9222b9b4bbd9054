import "server-only";
import type { Message } from "@/lib/domain/message";
import type { RawThread, TicketHeader } from "@/lib/domain/ticket-thread";
import { byCreated, wholeThreadOf, type ListedCount } from "@/lib/domain/ticket-summary";
import { fromUpstream, type AppError } from "@/lib/errors";
import { paginate, type GorgiasClient, type Priority } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";

/** Longer threads are rare; past this the oldest messages are left out and the page says so. */
const MAX_MESSAGE_PAGES = 10;

/** A ticket's whole thread from the messages endpoint, oldest first. */
export async function readMessages(
  gorgias: GorgiasClient,
  ticketId: number,
  priority: Priority,
): Promise<Result<{ messages: Message[]; partial: boolean }, AppError>> {
  const messages: Message[] = [];
  let complete = false;
  // Newest first, so a thread longer than the cap loses its oldest messages, never its latest.
  for await (const page of paginate((cursor) => gorgias.messages.list(ticketId, { cursor, limit: 100, order: "desc" }, { priority }), { maxPages: MAX_MESSAGE_PAGES })) {
    if (!page.ok) return err(fromUpstream(page.error));
    messages.push(...page.value.items);
    complete = page.value.nextCursor === null;
  }
  return ok({ messages: messages.sort(byCreated), partial: !complete });
}

/**
 * The ticket and its thread: one call when the ticket carries its whole thread (vouched for by the
 * list row's `messages_count`, lib/domain/ticket-summary.ts), else the messages endpoint as well.
 */
export async function readThread(gorgias: GorgiasClient, ticketId: number, priority: Priority, listed: ListedCount | null = null): Promise<Result<RawThread, AppError>> {
  const ticket = await gorgias.tickets.get(ticketId, { priority });
  if (!ticket.ok) return err(fromUpstream(ticket.error));
  const { messages: _embedded, ...header } = ticket.value;
  const whole = wholeThreadOf(ticket.value, null, listed);
  if (whole) return ok({ ticket: header satisfies TicketHeader, messages: whole, partial: false });
  const thread = await readMessages(gorgias, ticketId, priority);
  return thread.ok ? ok({ ticket: header, messages: thread.value.messages, partial: thread.value.partial }) : thread;
}
