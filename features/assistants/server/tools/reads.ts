/** The reading tools: the Desk's own reads, answered compactly (docs/safety.md#assistant-untrusted). */
import { findCustomers } from "@/features/customers/server";
import { loadInboxPage } from "@/features/inbox/server";
import { readThread } from "@/features/live/server";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import { collectAll } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import { customerBrief, messageBrief, ticketBrief, ticketHeaderBrief, userBrief } from "./compact";
import type { AssistantContext } from "./context";
import type * as S from "./schemas";
import type { Args } from "./schemas";

/** get_ticket shows this many of the newest messages; list_ticket_messages pages the rest. */
export const TICKET_MESSAGES = 10;

/**
 * The inbox's own list read, never through the shared cache (an agent's read must not join one queued
 * in the assistant lane), and never a search within a view, which would load the agent's views
 * through the reference cache they share.
 */
export async function listTickets(ctx: AssistantContext, input: Args<typeof S.listTicketsInput>): Promise<Result<Args<typeof S.listTicketsOutput>, AppError>> {
  if (input.search !== undefined && input.viewId !== undefined) {
    return err(appError("invalid_input", "Give viewId or search, not both: search looks through the whole account.", { fields: { search: ["not_with_view"] } }));
  }
  const page = await loadInboxPage(
    { agent: ctx.agent, gorgias: ctx.gorgias },
    { view: input.viewId, q: input.search, customer: input.customerId, order: input.order },
    { cursor: input.cursor ?? null, limit: input.limit, priority: "read", shared: false },
  );
  return page.ok ? ok({ tickets: page.value.items.map(ticketBrief), nextCursor: page.value.nextCursor }) : page;
}

export async function getTicket(ctx: AssistantContext, input: Args<typeof S.getTicketInput>): Promise<Result<Args<typeof S.getTicketOutput>, AppError>> {
  const thread = await readThread(ctx.gorgias, input.ticketId, "read");
  if (!thread.ok) return thread;
  const { ticket, messages } = thread.value;
  const newest = messages.slice(-TICKET_MESSAGES);
  return ok({
    ticket: ticketHeaderBrief(ticket, messages.length),
    messages: newest.map(messageBrief),
    newestMessageId: messages.length ? Math.max(...messages.map((m) => m.id)) : null,
    olderMessages: messages.length - newest.length,
  });
}

export async function listTicketMessages(ctx: AssistantContext, input: Args<typeof S.listTicketMessagesInput>): Promise<Result<Args<typeof S.listTicketMessagesOutput>, AppError>> {
  const page = await ctx.gorgias.messages.list(input.ticketId, { cursor: input.cursor ?? null, limit: input.limit, order: "desc" }, { priority: "read" });
  return page.ok ? ok({ messages: page.value.items.map(messageBrief), nextCursor: page.value.nextCursor }) : err(fromUpstream(page.error));
}

export async function listCustomers(ctx: AssistantContext, input: Args<typeof S.listCustomersInput>): Promise<Result<Args<typeof S.listCustomersOutput>, AppError>> {
  if (input.search !== undefined && input.email === undefined) {
    const found = await findCustomers(ctx.gorgias, input.search);
    return found.ok ? ok({ customers: found.value.items.map(customerBrief), nextCursor: null }) : found;
  }
  const page = await ctx.gorgias.customers.list({ email: input.email?.toLowerCase(), cursor: input.cursor ?? null, limit: input.limit }, { priority: "read" });
  return page.ok ? ok({ customers: page.value.items.map(customerBrief), nextCursor: page.value.nextCursor }) : err(fromUpstream(page.error));
}

/** Read in the assistant's own lane, not through the reference cache an agent's picker may be waiting on. */
export async function listUsers(ctx: AssistantContext): Promise<Result<Args<typeof S.listUsersOutput>, AppError>> {
  const users = await collectAll((cursor) => ctx.gorgias.users.list({ cursor, limit: 100 }, { priority: "read" }), { maxPages: 10 });
  return users.ok ? ok({ users: users.value.filter((u) => u.active).map(userBrief) }) : err(fromUpstream(users.error));
}
