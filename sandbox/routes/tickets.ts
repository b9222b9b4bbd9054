import { z } from "zod";
import { compileFilter } from "../filters.js";
import { parseBody } from "../http/body.js";
import { ApiError, badRequest, notFound, type FieldErrors } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { noteTicket, ticketCreated, ticketDeleted } from "../events.js";
import { createMessage, messageInput, resolveCustomer } from "../messages.js";
import { ticketCompact, ticketFull } from "../serialize.js";
import type { AccountStore } from "../store/account-store.js";
import { PRIORITIES, VIA_INPUT, type TicketRec } from "../store/types.js";
import { nowIso, parseIsoInput } from "../util/time.js";
import { getOr404, listReply, pageIndex } from "./shared.js";

const ORDER = orderValues(["created_datetime", "updated_datetime"]);
// Nested references are read like Gorgias reads them: the object as a client got it back (extra
// fields ignored), by id, or a user by e-mail.
const ref = z.looseObject({ id: z.int().positive().nullable().optional() });
const userRef = z.looseObject({ id: z.int().positive().nullable().optional(), email: z.string().max(320).optional() });
const iso = z.string().nullable().optional();
const tagRef = z.looseObject({ id: z.int().positive().optional(), name: z.string().min(1).max(256).optional(), decoration: z.unknown().optional() });
const customerRef = z.looseObject({ id: z.int().positive().optional(), email: z.string().max(320).optional(), name: z.string().nullable().optional() });

const createTicket = z.strictObject({
  messages: z.array(z.unknown()).min(1).max(500),
  via: z.enum(VIA_INPUT).optional(),
  channel: z.string().optional(),
  customer: customerRef.optional(),
  subject: z.string().max(998).nullable().optional(),
  status: z.enum(["open", "closed"]).optional(),
  priority: z.enum(PRIORITIES).optional(),
  assignee_user: userRef.nullable().optional(),
  assignee_team: ref.nullable().optional(),
  tags: z.array(tagRef).optional(),
  custom_fields: z.array(z.unknown()).optional(),
  external_id: z.string().max(255).nullable().optional(),
  from_agent: z.boolean().optional(),
  language: z.string().nullable().optional(),
  spam: z.boolean().optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  imported: z.boolean().optional(),
  split_from: z.unknown().optional(),
  created_datetime: iso,
  opened_datetime: iso,
  closed_datetime: iso,
  last_message_datetime: iso,
  last_received_message_datetime: iso,
  snooze_datetime: iso,
  trashed_datetime: iso,
  updated_datetime: iso,
});

/** The body of `PUT /api/tickets/{id}`, also the `updates` of an `updateTicket` job. */
export const updateTicket = z.strictObject({
  status: z.enum(["open", "closed"]).optional(),
  priority: z.enum(PRIORITIES).optional(),
  assignee_user: userRef.nullable().optional(),
  assignee_team: ref.nullable().optional(),
  subject: z.string().max(998).nullable().optional(),
  tags: z.array(tagRef).optional(),
  snooze_datetime: iso,
  spam: z.boolean().optional(),
  is_unread: z.boolean().optional(),
  trashed_datetime: iso,
  closed_datetime: iso,
  opened_datetime: iso,
  last_message_datetime: iso,
  last_received_message_datetime: iso,
  updated_datetime: iso,
  customer: customerRef.optional(),
  channel: z.string().optional(),
  via: z.enum(VIA_INPUT).optional(),
  external_id: z.string().max(255).nullable().optional(),
  from_agent: z.boolean().optional(),
  language: z.string().nullable().optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  custom_fields: z.array(z.unknown()).optional(),
});

/** Implicit view rule: spam and trash only show up where the filter asks for them. */
export function viewPredicate(ctx: RequestContext, filters: string): (t: TicketRec) => boolean {
  let compiled;
  try {
    compiled = compileFilter(filters, { currentUserId: ctx.user.id });
  } catch (e) {
    throw badRequest("Invalid view filters.", { filters: [(e as Error).message] });
  }
  const keepSpam = compiled.mentions("ticket.spam");
  const keepTrash = compiled.mentions("ticket.trashed_datetime");
  return (t) => (keepSpam || !t.spam) && (keepTrash || t.trashed_datetime === null) && compiled.test(t, ctx.store);
}

function listTickets(ctx: RequestContext) {
  const q = parseQuery(ctx.query, {
    ...PAGE,
    order_by: ORDER,
    customer_id: "int",
    external_id: "string",
    view_id: "int",
    rule_id: "int",
    ticket_ids: "int[]",
    trashed: "bool",
  });
  const { store } = ctx;
  const { field, dir } = splitOrder(q.str("order_by") ?? "created_datetime:desc");
  const tests: ((t: TicketRec) => boolean)[] = [];
  const customerId = q.int("customer_id");
  if (customerId !== undefined) {
    const own = store.ticketIdsOfCustomer(customerId);
    tests.push((t) => own.has(t.id));
  }
  const externalId = q.str("external_id");
  if (externalId !== undefined) tests.push((t) => t.external_id === externalId);
  const ids = q.ints("ticket_ids");
  if (ids) {
    const set = new Set(ids);
    tests.push((t) => set.has(t.id));
  }
  if (q.bool("trashed") === false) tests.push((t) => t.trashed_datetime === null);
  const viewId = q.int("view_id");
  if (viewId !== undefined) tests.push(viewPredicate(ctx, getOr404(store.data.views, viewId).filters));
  // There are no rules in the sandbox account, so any rule id is unknown.
  if (q.int("rule_id") !== undefined) throw notFound();
  const match =
    tests.length === 0
      ? null
      : (id: number) => {
          const t = store.ticket(id);
          return t !== undefined && tests.every((test) => test(t));
        };
  const index = field === "updated_datetime" ? store.ticketsByUpdated : store.ticketsByCreated;
  const page = pageIndex(index, dir, match, q);
  const wire = { store, origin: ctx.origin };
  return listReply(ctx, page.ids.flatMap((id) => { const t = store.ticket(id); return t ? [ticketCompact(wire, t)] : []; }), page);
}

function resolveTags(store: AccountStore, tags: z.infer<typeof tagRef>[], errors: FieldErrors): number[] {
  const ids: number[] = [];
  for (const tag of tags) {
    if (tag.id !== undefined) {
      if (!store.data.tags.has(tag.id)) (errors.tags ??= []).push(`Tag ${tag.id} does not exist.`);
      else ids.push(tag.id);
    } else if (tag.name !== undefined) ids.push(tagByName(store, tag.name).id);
    else (errors.tags ??= []).push("Each tag needs an id or a name.");
  }
  return [...new Set(ids)];
}

export function tagByName(store: AccountStore, name: string) {
  for (const t of store.data.tags.values()) if (t.name === name) return t;
  const tag = { id: store.allocate("tags"), name, description: null, color: null, created_datetime: nowIso() };
  store.put("tags", tag);
  return tag;
}

type UserRefInput = { id?: number | null | undefined; email?: string | undefined };

function assignees(store: AccountStore, body: { assignee_user?: UserRefInput | null; assignee_team?: { id?: number | null | undefined } | null }, errors: FieldErrors) {
  const out: { user?: number | null; team?: number | null } = {};
  if (body.assignee_user !== undefined) {
    const given = body.assignee_user;
    if (given?.id == null && given?.email !== undefined) {
      const user = store.findUserByEmail(given.email);
      if (!user) (errors["assignee_user"] ??= []).push(`No user has the e-mail ${given.email}.`);
      out.user = user?.id ?? null;
    } else {
      const id = given?.id ?? null;
      if (id !== null && !store.data.users.has(id)) (errors["assignee_user"] ??= []).push(`User ${id} does not exist.`);
      out.user = id;
    }
  }
  if (body.assignee_team !== undefined) {
    const id = body.assignee_team?.id ?? null;
    if (id !== null && !store.data.teams.has(id)) (errors["assignee_team"] ??= []).push(`Team ${id} does not exist.`);
    out.team = id;
  }
  return out;
}

function datetime(value: string | null | undefined, field: string, errors: FieldErrors): string | null | undefined {
  if (value === undefined || value === null) return value;
  const parsed = parseIsoInput(value);
  if (!parsed) (errors[field] ??= []).push("Not a valid datetime.");
  return parsed ?? undefined;
}

function createTicketRoute(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const MSG = "Failed to create ticket";
  const body = parseBody(createTicket, ctx.body, MSG);
  const { store } = ctx;
  const errors: FieldErrors = {};
  const messages = body.messages.map((m, i) => {
    const r = messageInput.safeParse(m, { error: (iss) => (iss.input === undefined ? "Missing data for required field." : undefined) });
    if (!r.success) {
      for (const issue of r.error.issues) {
        const path = ["messages", String(i), ...issue.path.map(String)].join(".");
        if (issue.code === "unrecognized_keys") for (const k of issue.keys) (errors[`${path}.${k}`] ??= []).push("Unknown field.");
        else (errors[path] ??= []).push(issue.message);
      }
      return null;
    }
    return r.data;
  });
  const first = messages[0];
  let customerId: number | null = null;
  const customerSource = body.customer ?? (first && !first.from_agent ? first.sender : first?.receiver ?? undefined);
  if (customerSource) {
    const found = resolveCustomer(store, customerSource);
    if (found === "unknown-id") (errors.customer ??= []).push("Customer does not exist.");
    else if (found === "missing") (errors.customer ??= []).push("Give the customer's id or a valid email.");
    else customerId = found.id;
  } else if (first) (errors.customer ??= []).push("Missing data for required field.");
  const assign = assignees(store, body, errors);
  const tagIds = resolveTags(store, body.tags ?? [], errors);
  const dates: Record<string, string | null | undefined> = {};
  for (const f of ["created_datetime", "opened_datetime", "closed_datetime", "snooze_datetime", "trashed_datetime"] as const) {
    dates[f] = datetime(body[f], f, errors);
  }
  if (Object.keys(errors).length > 0 || customerId === null) throw new ApiError(400, MSG, errors);
  const now = nowIso();
  const emailIntegration = [...store.data.integrations.values()].find((i) => i.type === "email");
  const channel = body.channel ?? first?.channel ?? "api";
  const ticket: TicketRec = {
    id: store.allocate("tickets"),
    external_id: body.external_id ?? null,
    language: body.language ?? "en",
    status: body.status ?? "open",
    priority: body.priority ?? "normal",
    channel,
    via: body.via ?? "api",
    from_agent: body.from_agent ?? first?.from_agent ?? false,
    customer_id: customerId,
    assignee_user_id: assign.user ?? null,
    assignee_team_id: assign.team ?? null,
    subject: body.subject ?? first?.subject ?? null,
    meta: body.meta ?? null,
    tag_ids: tagIds,
    message_ids: [],
    is_unread: false,
    spam: body.spam ?? false,
    integration_id: emailIntegration?.id ?? null,
    last_sent_message_not_delivered: false,
    created_datetime: dates.created_datetime ?? now,
    opened_datetime: dates.opened_datetime ?? null,
    last_received_message_datetime: null,
    last_message_datetime: null,
    updated_datetime: now,
    closed_datetime: body.status === "closed" ? (dates.closed_datetime ?? now) : null,
    snooze_datetime: dates.snooze_datetime ?? null,
    trashed_datetime: dates.trashed_datetime ?? null,
  };
  store.put("tickets", ticket);
  ticketCreated(store, ticket);
  try {
    messages.forEach((m, i) => {
      if (m) createMessage({ store, caller: ctx.user, mailer: ctx.state.mailer }, ticket, m, MSG, `messages.${i}.`);
    });
  } catch (e) {
    // A ticket cannot exist without its messages: undo the half-made ticket.
    store.data.tickets.delete(ticket.id);
    store.ticketsByCreated.remove(ticket.id);
    store.ticketsByUpdated.remove(ticket.id);
    store.ticketsByLastMessage.remove(ticket.id);
    for (const id of ticket.message_ids) {
      store.data.messages.delete(id);
      store.messagesByCreated.remove(id);
    }
    throw e;
  }
  // The creator's own first message does not make the ticket unread; a customer's does.
  ticket.is_unread = !ticket.from_agent;
  if (body.status === "closed") {
    ticket.status = "closed";
    ticket.closed_datetime ??= now;
  }
  store.touch("tickets", ticket.id);
  return { status: 201, body: ticketFull({ store, origin: ctx.origin }, ticket) };
}

export function updateTicketRoute(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const MSG = "Failed to update ticket";
  const { store } = ctx;
  const ticket = getOr404(store.data.tickets, ctx.params[0]);
  const body = parseBody(updateTicket, ctx.body, MSG);
  const errors: FieldErrors = {};
  const assign = assignees(store, body, errors);
  const tagIds = body.tags ? resolveTags(store, body.tags, errors) : undefined;
  const snooze = datetime(body.snooze_datetime, "snooze_datetime", errors);
  const trashed = datetime(body.trashed_datetime, "trashed_datetime", errors);
  const closed = datetime(body.closed_datetime, "closed_datetime", errors);
  const opened = datetime(body.opened_datetime, "opened_datetime", errors);
  const lastMessage = datetime(body.last_message_datetime, "last_message_datetime", errors);
  const lastReceived = datetime(body.last_received_message_datetime, "last_received_message_datetime", errors);
  let customerId: number | undefined;
  if (body.customer) {
    const found = resolveCustomer(store, body.customer);
    if (found === "unknown-id" || found === "missing") (errors.customer ??= []).push("Customer does not exist.");
    else customerId = found.id;
  }
  if (Object.keys(errors).length > 0) throw new ApiError(400, MSG, errors);
  noteTicket(store, ticket);
  const now = nowIso();
  if (assign.user !== undefined) ticket.assignee_user_id = assign.user;
  if (assign.team !== undefined) ticket.assignee_team_id = assign.team;
  if (tagIds) ticket.tag_ids = tagIds;
  if (body.priority) ticket.priority = body.priority;
  if (body.subject !== undefined) ticket.subject = body.subject;
  if (body.spam !== undefined) ticket.spam = body.spam;
  if (body.is_unread !== undefined) ticket.is_unread = body.is_unread;
  if (trashed !== undefined) ticket.trashed_datetime = trashed;
  if (opened !== undefined) ticket.opened_datetime = opened;
  if (lastMessage !== undefined) ticket.last_message_datetime = lastMessage;
  if (lastReceived !== undefined) ticket.last_received_message_datetime = lastReceived;
  if (customerId !== undefined) ticket.customer_id = customerId;
  if (body.channel) ticket.channel = body.channel;
  if (body.via) ticket.via = body.via;
  if (body.external_id !== undefined) ticket.external_id = body.external_id;
  if (body.from_agent !== undefined) ticket.from_agent = body.from_agent;
  if (body.language !== undefined) ticket.language = body.language;
  if (body.meta !== undefined) ticket.meta = body.meta;
  if (snooze !== undefined) {
    ticket.snooze_datetime = snooze;
    // Snoozing closes the ticket until the snooze time, when it reopens by itself.
    if (snooze !== null && snooze > now && body.status === undefined) {
      ticket.status = "closed";
      ticket.closed_datetime = now;
    }
  }
  if (body.status === "closed" && ticket.status !== "closed") {
    ticket.status = "closed";
    ticket.closed_datetime = closed ?? now;
  } else if (body.status === "open" && ticket.status !== "open") {
    ticket.status = "open";
    ticket.closed_datetime = null;
    ticket.snooze_datetime = null;
  } else if (closed !== undefined) ticket.closed_datetime = closed;
  ticket.updated_datetime = now;
  store.touch("tickets", ticket.id);
  return { status: 200, body: ticketFull({ store, origin: ctx.origin }, ticket) };
}

function getTicket(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { relationships: "string[]" });
  const rel = q.strs("relationships") ?? [];
  const bad = rel.filter((r) => r !== "custom_fields");
  if (bad.length > 0) throw badRequest("Invalid request parameters.", { relationships: [`Must be one of: custom_fields.`] });
  const ticket = getOr404(ctx.store.data.tickets, ctx.params[0]);
  const full = ticketFull({ store: ctx.store, origin: ctx.origin }, ticket);
  return { status: 200, body: rel.includes("custom_fields") ? { ...full, custom_fields: {} } : full };
}

/** DELETE /api/tickets/{id}: gone for good, with its messages and survey (choice 25). */
function deleteTicketRoute(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const { store } = ctx;
  const ticket = getOr404(store.data.tickets, ctx.params[0]);
  for (const id of ticket.message_ids) store.remove("messages", id);
  for (const s of [...store.data.surveys.values()]) if (s.ticket_id === ticket.id) store.remove("surveys", s.id);
  store.remove("tickets", ticket.id);
  ticketDeleted(store, ticket);
  return { status: 204 };
}

const tagBody = z.strictObject({ ids: z.array(z.int().positive()).optional(), names: z.array(z.string().min(1).max(256)).optional() });

function ticketTags(ctx: RequestContext) {
  const { store } = ctx;
  const ticket = getOr404(store.data.tickets, ctx.params[0]);
  if (ctx.method === "GET") {
    parseQuery(ctx.query, {});
    const data = ticket.tag_ids.flatMap((id) => {
      const t = store.data.tags.get(id);
      return t ? [{ id: t.id, name: t.name, uri: `/api/tags/${t.id}/`, decoration: t.color ? { color: t.color } : null, description: t.description, created_datetime: t.created_datetime }] : [];
    });
    return listReply(ctx, data, { prevCursor: null, nextCursor: null });
  }
  parseQuery(ctx.query, {});
  const MSG = "Failed to update ticket tags";
  const body = parseBody(tagBody, ctx.body, MSG);
  if ((body.ids ?? []).length === 0 && (body.names ?? []).length === 0 && ctx.method !== "PUT") {
    throw badRequest(MSG, { ids: ["Give at least one tag id or name."] });
  }
  const errors: FieldErrors = {};
  const ids: number[] = [];
  for (const id of body.ids ?? []) {
    if (!store.data.tags.has(id)) (errors.ids ??= []).push(`Tag ${id} does not exist.`);
    else ids.push(id);
  }
  if (Object.keys(errors).length > 0) throw new ApiError(400, MSG, errors);
  for (const name of body.names ?? []) {
    if (ctx.method === "DELETE") {
      const existing = [...store.data.tags.values()].find((t) => t.name === name);
      if (existing) ids.push(existing.id);
    } else ids.push(tagByName(store, name).id);
  }
  noteTicket(store, ticket);
  if (ctx.method === "POST") ticket.tag_ids = [...new Set([...ticket.tag_ids, ...ids])];
  else if (ctx.method === "DELETE") ticket.tag_ids = ticket.tag_ids.filter((id) => !ids.includes(id));
  else ticket.tag_ids = [...new Set(ids)];
  ticket.updated_datetime = nowIso();
  store.touch("tickets", ticket.id);
  return { status: ctx.method === "POST" ? 201 : ctx.method === "DELETE" ? 204 : 202 };
}

export function ticketRoutes(router: Router): void {
  router
    .add("GET", "/api/tickets", listTickets)
    .add("POST", "/api/tickets", createTicketRoute)
    .add("GET", "/api/tickets/:id", getTicket)
    .add("PUT", "/api/tickets/:id", updateTicketRoute)
    .add("DELETE", "/api/tickets/:id", deleteTicketRoute)
    .add("GET", "/api/tickets/:id/tags", ticketTags)
    .add("POST", "/api/tickets/:id/tags", ticketTags)
    .add("PUT", "/api/tickets/:id/tags", ticketTags)
    .add("DELETE", "/api/tickets/:id/tags", ticketTags);
}

