import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import type { TeamRef } from "@/lib/domain/team";
import type { TicketPriority, TicketStatus, TicketSummary } from "@/lib/domain/ticket";
import type { TicketHeader, TicketThread } from "@/lib/domain/ticket-thread";
import type { UserRef } from "@/lib/domain/user";
import type { View } from "@/lib/domain/view";
import { excludedFromList } from "@/lib/domain/view-membership";
import { referenceKeys, ticketKeys, type TicketListFilters } from "@/lib/client/query-keys";

/**
 * The one place optimistic ticket changes touch the cache (docs/architecture.md, "Reads and writes"): the
 * open ticket's detail and every cached inbox page get the same absolute values, and the returned
 * rollback puts back exactly what was there for the fields it changed.
 */
export interface TicketChange {
  readonly status?: TicketStatus;
  readonly assigneeUser?: UserRef | null;
  readonly assigneeTeam?: TeamRef | null;
  readonly priority?: TicketPriority;
  readonly spam?: boolean;
  /** A time trashes (the server stamps its own), null restores. */
  readonly trashedAt?: string | null;
  /** A snooze comes with `status: closed`, an unsnooze with `open` (docs/architecture.md, "Snooze"). */
  readonly snoozedUntil?: string | null;
}

export interface ListPage {
  readonly items: readonly TicketSummary[];
  readonly nextCursor: string | null;
}

const who = (u: { name: string | null; email: string | null }) => u.name?.trim() || u.email || "that agent";

/** Words for the toast: what the agent tried, so "why" has something to attach to. */
export function describeChange(change: TicketChange): string {
  if (change.snoozedUntil !== undefined) return change.snoozedUntil ? "snooze the ticket" : "unsnooze the ticket";
  if (change.spam !== undefined) return change.spam ? "mark the ticket as spam" : "mark the ticket as not spam";
  if (change.trashedAt !== undefined) return change.trashedAt ? "move the ticket to the trash" : "restore the ticket";
  if (change.priority) return `set the priority to ${change.priority}`;
  if (change.status) return change.status === "closed" ? "close the ticket" : "reopen the ticket";
  if (change.assigneeUser !== undefined) return change.assigneeUser ? `assign the ticket to ${who(change.assigneeUser)}` : "unassign the ticket";
  if (change.assigneeTeam !== undefined) return change.assigneeTeam ? `move the ticket to ${change.assigneeTeam.name}` : "remove the team";
  return "change the ticket";
}

/** Words for the undo toast: what was done. */
export function describeDone(change: TicketChange): string {
  if (change.snoozedUntil !== undefined) return change.snoozedUntil ? "Snoozed" : "Unsnoozed";
  if (change.spam !== undefined) return change.spam ? "Marked as spam" : "Marked as not spam";
  if (change.trashedAt !== undefined) return change.trashedAt ? "Moved to the trash" : "Restored";
  if (change.priority) return `Priority ${change.priority}`;
  if (change.status) return change.status === "closed" ? "Closed" : "Reopened";
  if (change.assigneeUser !== undefined) return change.assigneeUser ? `Assigned to ${who(change.assigneeUser)}` : "Unassigned";
  if (change.assigneeTeam !== undefined) return change.assigneeTeam ? `Moved to ${change.assigneeTeam.name}` : "Team removed";
  return "Changed";
}

type Patchable = Pick<TicketSummary, "id" | "status" | "assigneeUser" | "assigneeTeam" | "priority" | "spam" | "trashedAt" | "snoozedUntil">;
const FIELDS = ["status", "assigneeUser", "assigneeTeam", "priority", "spam", "trashedAt", "snoozedUntil"] as const;
export type ChangeField = (typeof FIELDS)[number];

/** The fields a change sets. */
export const changedFields = (change: TicketChange): ChangeField[] => FIELDS.filter((f) => change[f] !== undefined);

/** The part of a change that touches only `fields`. */
export function pickChange(change: TicketChange, fields: readonly ChangeField[]): TicketChange {
  const picked: Record<string, unknown> = {};
  for (const f of fields) if (change[f] !== undefined) picked[f] = change[f];
  return picked as TicketChange;
}

/** A new object with the change applied; the same object when nothing differs (keeps renders cheap). */
export function patchTicketFields<T extends Patchable>(ticket: T, change: TicketChange): T {
  let next: T = ticket;
  for (const field of FIELDS) {
    const value = change[field];
    if (value !== undefined && next[field] !== value) next = { ...next, [field]: value };
  }
  return next;
}

/** The values the change will overwrite, as a change that puts them back. */
export function inverseChange(ticket: Patchable, change: TicketChange): TicketChange {
  const inverse: Record<string, unknown> = {};
  for (const field of FIELDS) if (change[field] !== undefined) inverse[field] = ticket[field];
  return inverse as TicketChange;
}

export function isTicketThread(data: unknown): data is TicketThread {
  return typeof data === "object" && data !== null && "ticket" in data && "messages" in data;
}

export function isInfiniteListData(data: unknown): data is InfiniteData<ListPage> {
  return typeof data === "object" && data !== null && Array.isArray((data as { pages?: unknown }).pages);
}

export function patchThread(data: TicketThread, ticketId: number, change: TicketChange): TicketThread {
  if (data.ticket.id !== ticketId) return data;
  const ticket = patchTicketFields<TicketHeader>(data.ticket, change);
  return ticket === data.ticket ? data : { ...data, ticket };
}

export function patchListData(data: InfiniteData<ListPage>, ticketId: number, change: TicketChange): InfiniteData<ListPage> {
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page || !Array.isArray(page.items) || !page.items.some((t) => t.id === ticketId)) return page;
    const items = page.items.map((t) => (t.id === ticketId ? patchTicketFields(t, change) : t));
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

function findTicket(data: unknown, ticketId: number): Patchable | null {
  if (isTicketThread(data)) return data.ticket.id === ticketId ? data.ticket : null;
  if (isInfiniteListData(data)) {
    for (const page of data.pages) {
      const found = page?.items?.find((t) => t.id === ticketId);
      if (found) return found;
    }
  }
  return null;
}

/** The ticket's fields as the cache holds them now (its detail first, else a list row). */
export function cachedTicket(queryClient: QueryClient, account: string, ticketId: number): Patchable | null {
  for (const prefix of [ticketKeys.detail(account, ticketId), ticketKeys.lists(account)]) {
    for (const [, data] of queryClient.getQueriesData({ queryKey: prefix })) {
      const found = findTicket(data, ticketId);
      if (found) return found;
    }
  }
  return null;
}

function patchAny(data: unknown, ticketId: number, change: TicketChange): unknown {
  if (isTicketThread(data)) return patchThread(data, ticketId, change);
  if (isInfiniteListData(data)) return patchListData(data, ticketId, change);
  return data;
}

/**
 * Applies `change` to ticket `ticketId` in the detail (every theme variant) and in every cached
 * list of the account. Returns a rollback that restores, per cache entry, the previous values of
 * the changed fields only (or of `fields` among them), so a later change to another field survives
 * an earlier one's rollback.
 */
export function applyTicketChange(queryClient: QueryClient, account: string, ticketId: number, change: TicketChange): (fields?: readonly ChangeField[]) => void {
  const undo: Array<{ key: QueryKey; inverse: TicketChange }> = [];
  for (const prefix of [ticketKeys.detail(account, ticketId), ticketKeys.lists(account)]) {
    for (const [key, data] of queryClient.getQueriesData({ queryKey: prefix })) {
      const before = findTicket(data, ticketId);
      if (!before) continue;
      undo.push({ key, inverse: inverseChange(before, change) });
      queryClient.setQueryData(key, patchAny(data, ticketId, change));
    }
  }
  return (fields = FIELDS) => {
    for (const { key, inverse } of undo) queryClient.setQueryData(key, (data: unknown) => patchAny(data, ticketId, pickChange(inverse, fields)));
  };
}

const listFiltersOf = (key: QueryKey): TicketListFilters | null => {
  const filters = key[3];
  return typeof filters === "object" && filters !== null ? (filters as TicketListFilters) : null;
};

/**
 * Takes ticket `ticketId`, as its cached rows now read, out of every cached list of a view whose
 * filter certainly excludes it (closed in an open-only view, assigned in "Unassigned", spam or
 * trashed in a view that does not ask for them; trashed in the plain ticket list), so it
 * leaves at once rather than with a later refresh. Returns what puts the rows back where they
 * were (an undo, a refused change), or null when it left no list.
 */
export function leaveExcludingViews(queryClient: QueryClient, account: string, ticketId: number): (() => void) | null {
  const views = queryClient.getQueryData<{ items: readonly View[] }>(referenceKeys.views(account))?.items ?? [];
  const removed: Array<{ key: QueryKey; page: number; index: number; row: TicketSummary }> = [];
  for (const [key, data] of queryClient.getQueriesData({ queryKey: ticketKeys.lists(account) })) {
    const list = listFiltersOf(key);
    if (!list || !isInfiniteListData(data)) continue;
    // A view's filter decides (searched in or not); a search over no view is Gorgias's to decide.
    if (list.search !== undefined && list.viewId === undefined) continue;
    const view = list.viewId === undefined ? null : { filters: views.find((v) => v.id === list.viewId)?.filters ?? null };
    const excluded = (row: TicketSummary) => excludedFromList(view, row);
    data.pages.forEach((page, p) => {
      const index = page?.items?.findIndex((t) => t.id === ticketId) ?? -1;
      const row = index >= 0 ? page.items[index] : undefined;
      if (row && excluded(row as TicketSummary)) removed.push({ key, page: p, index, row: row as TicketSummary });
    });
  }
  if (removed.length === 0) return null;
  for (const key of new Set(removed.map((r) => r.key))) {
    queryClient.setQueryData(key, (data: unknown) =>
      isInfiniteListData(data) ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((t) => t.id !== ticketId) })) } : data,
    );
  }
  return () => {
    for (const { key, page, index, row } of removed) {
      queryClient.setQueryData(key, (data: unknown) => {
        if (!isInfiniteListData(data) || data.pages.some((pg) => pg.items.some((t) => t.id === ticketId))) return data;
        const pages = data.pages.map((pg, p) => (p === page ? { ...pg, items: [...pg.items.slice(0, index), row, ...pg.items.slice(index)] } : pg));
        return { ...data, pages };
      });
    }
  };
}

function withReadState<T extends { id: number; isUnread: boolean }>(t: T, ticketId: number, unread: boolean): T {
  return t.id === ticketId && t.isUnread !== unread ? { ...t, isUnread: unread } : t;
}

/** Shows ticket `ticketId` read or unread in its detail and every cached list; returns the rollback. */
export function applyReadState(queryClient: QueryClient, account: string, ticketId: number, unread: boolean): () => void {
  const set = (value: boolean) => (data: unknown) => {
    if (isTicketThread(data)) {
      const ticket = withReadState(data.ticket, ticketId, value);
      return ticket === data.ticket ? data : { ...data, ticket };
    }
    if (isInfiniteListData(data)) return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((t) => withReadState(t, ticketId, value)) })) };
    return data;
  };
  const keys: QueryKey[] = [];
  for (const prefix of [ticketKeys.detail(account, ticketId), ticketKeys.lists(account)]) {
    for (const [key] of queryClient.getQueriesData({ queryKey: prefix })) {
      keys.push(key);
      queryClient.setQueryData(key, set(unread));
    }
  }
  return () => {
    for (const key of keys) queryClient.setQueryData(key, set(!unread));
  };
}
