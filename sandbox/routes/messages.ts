import { parseBody } from "../http/body.js";
import { notFound } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { createMessage, messageInput } from "../messages.js";
import { fromEntries } from "../paging.js";
import { messageWire } from "../serialize.js";
import { getOr404, listReply, pageIndex } from "./shared.js";

const ORDER = orderValues(["created_datetime"]);

function respondPage(ctx: RequestContext, source: Parameters<typeof pageIndex>[0], dir: "asc" | "desc", match: ((id: number) => boolean) | null, q: ReturnType<typeof parseQuery>) {
  const page = pageIndex(source, dir, match, q);
  const wire = { store: ctx.store, origin: ctx.origin };
  return listReply(ctx, page.ids.flatMap((id) => { const m = ctx.store.data.messages.get(id); return m ? [messageWire(wire, m)] : []; }), page);
}

function threadOf(ctx: RequestContext, ticketId: number) {
  const ticket = ctx.store.ticket(ticketId);
  if (!ticket) return null;
  return fromEntries(ticket.message_ids.map((id) => ({ id, key: ctx.store.data.messages.get(id)?.created_datetime ?? "" })));
}

/** GET /api/messages: across tickets, newest first unless asked otherwise. */
function listMessages(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { ...PAGE, order_by: ORDER, ticket_id: "int", external_id: "string" });
  const { dir } = splitOrder(q.str("order_by") ?? "created_datetime:desc");
  const externalId = q.str("external_id");
  const match = externalId === undefined ? null : (id: number) => ctx.store.data.messages.get(id)?.external_id === externalId;
  const ticketId = q.int("ticket_id");
  if (ticketId !== undefined) {
    const thread = threadOf(ctx, ticketId);
    // An unknown ticket simply has no messages in this listing.
    return respondPage(ctx, thread ?? fromEntries([]), dir, match, q);
  }
  return respondPage(ctx, ctx.store.messagesByCreated, dir, match, q);
}

/** Deprecated per-ticket listing: oldest first, paginated the same way. */
function listTicketMessages(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { ...PAGE, order_by: ORDER });
  const thread = threadOf(ctx, ctx.params[0] ?? -1);
  if (!thread) throw notFound();
  const { dir } = splitOrder(q.str("order_by") ?? "created_datetime:asc");
  return respondPage(ctx, thread, dir, null, q);
}

function getMessage(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const msg = getOr404(ctx.store.data.messages, ctx.params[1]);
  if (msg.ticket_id !== ctx.params[0]) throw notFound();
  return { status: 200, body: messageWire({ store: ctx.store, origin: ctx.origin }, msg) };
}

function postMessage(ctx: RequestContext) {
  parseQuery(ctx.query, { action: ["force", "retry", "cancel"] });
  const ticket = getOr404(ctx.store.data.tickets, ctx.params[0]);
  const MSG = "Failed to create message";
  const parsed = parseBody(messageInput, ctx.body, MSG);
  // Files this sandbox serves are kept by path, so they still resolve if its port changes.
  const local = (url: string) => (url.startsWith(`${ctx.origin}/`) ? url.slice(ctx.origin.length) : url);
  const input = parsed.attachments ? { ...parsed, attachments: parsed.attachments.map((a) => ({ ...a, url: local(a.url) })) } : parsed;
  const msg = createMessage({ store: ctx.store, caller: ctx.user, mailer: ctx.state.mailer }, ticket, input, MSG);
  return { status: 201, body: messageWire({ store: ctx.store, origin: ctx.origin }, msg) };
}

export function messageRoutes(router: Router): void {
  router
    .add("GET", "/api/messages", listMessages)
    .add("GET", "/api/tickets/:id/messages", listTicketMessages)
    .add("POST", "/api/tickets/:id/messages", postMessage)
    .add("GET", "/api/tickets/:id/messages/:mid", getMessage);
}
