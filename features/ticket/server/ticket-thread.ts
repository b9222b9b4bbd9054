import "server-only";
import type { Message } from "@/lib/domain/message";
import type { EmailTheme, PreparedMessageBody, TicketThread } from "@/lib/domain/ticket-thread";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import { paginate, type GorgiasClient, type Priority } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import { prepareBody, toThreadMessage } from "./prepare-body";

/** Longer threads are rare; past this the oldest messages are left out and the page says so. */
const MAX_MESSAGE_PAGES = 10;

async function loadMessages(gorgias: GorgiasClient, ticketId: number, priority: Priority): Promise<Result<{ messages: Message[]; partial: boolean }, AppError>> {
  const messages: Message[] = [];
  let complete = false;
  // Newest first, so a thread longer than the cap loses its oldest messages, never its latest.
  for await (const page of paginate((cursor) => gorgias.messages.list(ticketId, { cursor, limit: 100, order: "desc" }, { priority }), { maxPages: MAX_MESSAGE_PAGES })) {
    if (!page.ok) return err(fromUpstream(page.error));
    messages.push(...page.value.items);
    complete = page.value.nextCursor === null;
  }
  return ok({ messages, partial: !complete });
}

/** The ticket and its whole thread, oldest first, every body prepared for the browser. */
export async function loadTicketThread(
  gorgias: GorgiasClient,
  ticketId: number,
  options: { theme: EmailTheme; priority?: Priority },
): Promise<Result<TicketThread, AppError>> {
  const priority = options.priority ?? "read";
  const [ticket, thread] = await Promise.all([gorgias.tickets.get(ticketId, { priority }), loadMessages(gorgias, ticketId, priority)]);
  if (!ticket.ok) return err(fromUpstream(ticket.error));
  if (!thread.ok) return thread;
  const { messages: _embedded, ...header } = ticket.value;
  const sorted = [...thread.value.messages].sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? "") || a.id - b.id);
  return ok({
    ticket: header,
    messages: sorted.map((m) => toThreadMessage(m, { theme: options.theme })),
    theme: options.theme,
    partial: thread.value.partial,
    fetchedAt: Date.now(),
  });
}

export async function loadMessageBody(
  gorgias: GorgiasClient,
  ticketId: number,
  messageId: number,
  options: { theme: EmailTheme; allowRemoteImages: boolean },
): Promise<Result<PreparedMessageBody, AppError>> {
  const message = await gorgias.messages.get(ticketId, messageId, { priority: "read" });
  if (!message.ok) return err(fromUpstream(message.error));
  // The path names the ticket; a message of another ticket is not served through it.
  if (message.value.ticketId !== ticketId) return err(appError("not_found", "No such message on this ticket."));
  const { body } = prepareBody(message.value, options);
  return ok({ messageId, body });
}
