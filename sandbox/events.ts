import { randomUUID } from "node:crypto";
import type { AccountStore } from "./store/account-store.js";
import type { EventRec, TicketRec } from "./store/types.js";
import { nowIso } from "./util/time.js";

// The account's event log. Every change the sandbox makes happens inside an "action" (one API
// request, one live-activity message, one mail-queue result, one snooze wake-up): the action
// gathers what happened and, when it ends, records the events under one shared `context`.
// Ticket changes are compared once, at the end, so an action that touches a ticket several
// times still yields one `ticket-updated` describing the net change.

type Pending =
  | { kind: "ticket-created"; ticketId: number }
  | { kind: "ticket-deleted"; ticketId: number }
  | { kind: "ticket-message-created" | "ticket-message-failed"; messageId: number }
  | { kind: "ticket-self-unsnoozed"; ticketId: number; snooze: string }
  | { kind: "integration"; type: string; integrationId: number; data: Record<string, unknown> | null };

interface Action {
  store: AccountStore;
  context: string;
  userId: number | null;
  items: Pending[];
  before: Map<number, Tracked>;
  created: Set<number>;
}

let current: Action | null = null;

/** Runs `fn` as one action of `userId` (null: a customer or the system), then records its events. */
export function inAction<T>(store: AccountStore, userId: number | null, fn: () => T): T {
  if (current?.store === store) return fn();
  const outer = current;
  const action: Action = { store, context: randomUUID(), userId, items: [], before: new Map(), created: new Set() };
  current = action;
  try {
    return fn();
  } finally {
    current = outer;
    flush(action);
  }
}

function active(store: AccountStore): Action {
  // A change outside an action would silently miss the event log and the webhooks.
  if (current?.store !== store) throw new Error("sandbox: state changed outside inAction()");
  return current;
}

/** Call before changing a ticket, so the action can tell what changed. */
export function noteTicket(store: AccountStore, ticket: TicketRec): void {
  const action = active(store);
  if (!action.before.has(ticket.id)) action.before.set(ticket.id, track(ticket));
}

export function ticketCreated(store: AccountStore, ticket: TicketRec): void {
  const action = active(store);
  action.created.add(ticket.id);
  action.items.push({ kind: "ticket-created", ticketId: ticket.id });
}

/** The ticket is gone: no `ticket-updated` compares it afterwards. */
export function ticketDeleted(store: AccountStore, ticket: TicketRec): void {
  const action = active(store);
  action.before.delete(ticket.id);
  action.items.push({ kind: "ticket-deleted", ticketId: ticket.id });
}

export function messageCreated(store: AccountStore, messageId: number): void {
  active(store).items.push({ kind: "ticket-message-created", messageId });
}

export function messageFailed(store: AccountStore, messageId: number): void {
  active(store).items.push({ kind: "ticket-message-failed", messageId });
}

export function ticketSelfUnsnoozed(store: AccountStore, ticket: TicketRec, snooze: string): void {
  active(store).items.push({ kind: "ticket-self-unsnoozed", ticketId: ticket.id, snooze });
}

export function integrationChanged(store: AccountStore, type: string, integrationId: number, data: Record<string, unknown> | null = null): void {
  active(store).items.push({ kind: "integration", type, integrationId, data });
}

/** The fields whose change is a `ticket-updated` (timestamps that follow other changes are left out). */
interface Tracked {
  status: string;
  priority: string;
  subject: string | null;
  assignee_user_id: number | null;
  assignee_team_id: number | null;
  tags: number[];
  snooze_datetime: string | null;
  spam: boolean;
  trashed_datetime: string | null;
  customer_id: number;
  is_unread: boolean;
  language: string | null;
  external_id: string | null;
  channel: string;
  via: string;
  from_agent: boolean;
  meta: string;
  last_sent_message_not_delivered: boolean;
}

function track(t: TicketRec): Tracked {
  return {
    status: t.status,
    priority: t.priority,
    subject: t.subject,
    assignee_user_id: t.assignee_user_id,
    assignee_team_id: t.assignee_team_id,
    tags: [...t.tag_ids],
    snooze_datetime: t.snooze_datetime,
    spam: t.spam,
    trashed_datetime: t.trashed_datetime,
    customer_id: t.customer_id,
    is_unread: t.is_unread,
    language: t.language,
    external_id: t.external_id,
    channel: t.channel,
    via: t.via,
    from_agent: t.from_agent,
    meta: JSON.stringify(t.meta),
    last_sent_message_not_delivered: t.last_sent_message_not_delivered,
  };
}

function record(action: Action, fields: Pick<EventRec, "object_id" | "object_type" | "type" | "data">): void {
  const { store } = action;
  const event: EventRec = { id: store.allocate("events"), context: action.context, user_id: action.userId, created_datetime: nowIso(), ...fields };
  store.put("events", event);
  store.onEvent(event);
}

function flush(action: Action): void {
  const { store } = action;
  for (const item of action.items) {
    if (item.kind === "integration") {
      record(action, { object_type: "Integration", object_id: item.integrationId, type: item.type, data: item.data });
    } else if (item.kind === "ticket-created") {
      // A ticket whose creation failed half-way was removed again: nothing happened.
      if (store.ticket(item.ticketId)) record(action, { object_type: "Ticket", object_id: item.ticketId, type: item.kind, data: null });
    } else if (item.kind === "ticket-deleted") {
      record(action, { object_type: "Ticket", object_id: item.ticketId, type: item.kind, data: null });
    } else if (item.kind === "ticket-self-unsnoozed") {
      record(action, { object_type: "Ticket", object_id: item.ticketId, type: item.kind, data: { snooze_datetime: item.snooze } });
    } else {
      const msg = store.data.messages.get(item.messageId);
      if (!msg) continue;
      const data: Record<string, unknown> = { ticket_id: msg.ticket_id, channel: msg.channel, from_agent: msg.from_agent, public: msg.public };
      if (item.kind === "ticket-message-failed") data.error = msg.last_sending_error?.error ?? null;
      record(action, { object_type: "TicketMessage", object_id: msg.id, type: item.kind, data });
    }
  }
  for (const [id, before] of action.before) {
    const ticket = store.ticket(id);
    if (!ticket || action.created.has(id)) continue;
    for (const e of ticketChanges(store, before, track(ticket))) record(action, { object_type: "Ticket", object_id: id, ...e });
  }
}

type Change = { type: string; data: Record<string, unknown> | null };

/** One `ticket-updated` with every changed field, then the audit events Gorgias names. */
function ticketChanges(store: AccountStore, before: Tracked, after: Tracked): Change[] {
  const tagNames = (ids: number[]) => ids.map((id) => store.data.tags.get(id)?.name ?? String(id));
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Tracked)[]) {
    const was = before[key];
    const now = after[key];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    if (key === "tags") changes.tags = { old: tagNames(before.tags), new: tagNames(after.tags) };
    else if (key === "meta") changes.meta = { old: JSON.parse(before.meta) as unknown, new: JSON.parse(after.meta) as unknown };
    else changes[key] = { old: was, new: now };
  }
  if (Object.keys(changes).length === 0) return [];
  const out: Change[] = [{ type: "ticket-updated", data: { changes } }];
  const snoozed = after.snooze_datetime !== null && after.status === "closed";
  if (changes.status || (snoozed && changes.snooze_datetime)) {
    if (after.status === "open") out.push({ type: "ticket-reopened", data: null });
    else if (snoozed) out.push({ type: "ticket-snoozed", data: { snooze_datetime: after.snooze_datetime } });
    else out.push({ type: "ticket-closed", data: null });
  }
  if (changes.assignee_user_id) {
    out.push(after.assignee_user_id === null ? { type: "ticket-unassigned", data: { assignee_user_id: before.assignee_user_id } } : { type: "ticket-assigned", data: { assignee_user_id: after.assignee_user_id } });
  }
  if (changes.assignee_team_id) {
    out.push(after.assignee_team_id === null ? { type: "ticket-team-unassigned", data: { assignee_team_id: before.assignee_team_id } } : { type: "ticket-team-assigned", data: { assignee_team_id: after.assignee_team_id } });
  }
  const added = after.tags.filter((id) => !before.tags.includes(id));
  const removed = before.tags.filter((id) => !after.tags.includes(id));
  if (added.length > 0) out.push({ type: "ticket-tags-added", data: { tags: tagNames(added) } });
  if (removed.length > 0) out.push({ type: "ticket-tags-removed", data: { tags: tagNames(removed) } });
  if (changes.subject) out.push({ type: "ticket-subject-updated", data: { old: before.subject, new: after.subject } });
  if (changes.spam) out.push({ type: after.spam ? "ticket-marked-spam" : "ticket-unmarked-spam", data: null });
  if (changes.trashed_datetime) out.push({ type: after.trashed_datetime === null ? "ticket-untrashed" : "ticket-trashed", data: null });
  if (changes.customer_id) out.push({ type: "ticket-customer-updated", data: { customer_id: after.customer_id } });
  return out;
}
