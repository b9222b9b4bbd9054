import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import { keptAfterSpamOrTrash, type BulkChange } from "@/lib/domain/bulk";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { UserRef } from "@/lib/domain/user";
import type { View } from "@/lib/domain/view";
import { excludedByView } from "@/lib/domain/view-membership";
import { referenceKeys, ticketKeys, type TicketListFilters } from "@/lib/client/query-keys";
import type { InboxPage } from "./merge-first-page";

/**
 * A bulk change in the cached inbox lists: rows show the change as Gorgias confirms it, rows that
 * certainly left a view leave it (the same view-membership rule as a single change, plus spam and
 * trash, which only views asking for them keep; the plain list drops trashed rows only), and an undo
 * puts the rows back where they were.
 */

type Lists = InfiniteData<InboxPage>;
const isLists = (data: unknown): data is Lists => typeof data === "object" && data !== null && Array.isArray((data as { pages?: unknown }).pages);

const listsOf = (queryClient: QueryClient, account: string) =>
  queryClient.getQueriesData<Lists>({ queryKey: ticketKeys.lists(account) }).filter((entry): entry is [QueryKey, Lists] => isLists(entry[1]));

/** The row as the change leaves it; `who` names the assignee picked (null: unassigned). */
export function changedRow(row: TicketSummary, change: BulkChange, who: UserRef | null): TicketSummary {
  switch (change.kind) {
    case "status":
      return { ...row, status: change.status, snoozedUntil: change.status === "open" ? null : row.snoozedUntil };
    case "assign":
      return { ...row, assigneeUser: who };
    case "addTags": {
      const have = new Set(row.tags.map((t) => t.name));
      // Ids of new tags are Gorgias's to give: 0 until the list is read again.
      return { ...row, tags: [...row.tags, ...change.names.filter((n) => !have.has(n)).map((name) => ({ id: 0, name, color: null }))] };
    }
    case "snooze":
      return { ...row, status: "closed", snoozedUntil: change.until };
    case "spam":
      return { ...row, spam: change.spam };
    case "trash":
      return { ...row, trashedAt: change.trashed ? new Date().toISOString() : null };
    case "read":
      return { ...row, isUnread: change.unread };
  }
}

/** Applies `patch` to the rows `ids` in every cached list of the account. */
export function patchRows(queryClient: QueryClient, account: string, ids: ReadonlySet<number>, patch: (row: TicketSummary) => TicketSummary): void {
  for (const [key, data] of listsOf(queryClient, account)) {
    if (!data.pages.some((p) => p.items.some((t) => ids.has(t.id)))) continue;
    queryClient.setQueryData<Lists>(key, { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((t) => (ids.has(t.id) ? patch(t) : t)) })) });
  }
}

const filtersOf = (key: QueryKey): TicketListFilters | null => {
  const f = key[3];
  return typeof f === "object" && f !== null ? (f as TicketListFilters) : null;
};

/** Takes the rows `ids` out of every cached list that certainly no longer holds them. */
export function dropLeavers(queryClient: QueryClient, account: string, ids: ReadonlySet<number>): void {
  const views = queryClient.getQueryData<{ items: readonly View[] }>(referenceKeys.views(account))?.items ?? [];
  for (const [key, data] of listsOf(queryClient, account)) {
    const viewId = filtersOf(key)?.viewId;
    const filters = viewId === undefined ? null : (views.find((v) => v.id === viewId)?.filters ?? null);
    // A view we cannot read the filter of keeps its rows for Gorgias to decide.
    if (viewId !== undefined && filters === null) continue;
    // The plain ticket list is read without trashed tickets but with spam (lib/gorgias/tickets.ts).
    const leaves = (t: TicketSummary) => ids.has(t.id) && (viewId === undefined ? t.trashedAt !== null : excludedByView(filters, t) || !keptAfterSpamOrTrash(filters, t));
    if (!data.pages.some((p) => p.items.some(leaves))) continue;
    queryClient.setQueryData<Lists>(key, { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((t) => !leaves(t)) })) });
  }
}

/** The rows `ids` as every cached list holds them now, with their places; restoring puts them back. */
export function snapshotRows(queryClient: QueryClient, account: string, ids: ReadonlySet<number>): () => void {
  const saved = listsOf(queryClient, account).map(([key, data]) => ({
    key,
    rows: data.pages.flatMap((p, page) => p.items.flatMap((row, index) => (ids.has(row.id) ? [{ page, index, row }] : []))),
  }));
  return () => {
    for (const { key, rows } of saved) {
      if (rows.length === 0) continue;
      queryClient.setQueryData<Lists>(key, (data) => {
        if (!isLists(data)) return data;
        const pages = data.pages.map((p) => ({ ...p, items: [...p.items] }));
        for (const { page, index, row } of rows) {
          const items = pages[page]?.items;
          if (!items) continue;
          const at = items.findIndex((t) => t.id === row.id);
          if (at !== -1) items[at] = row;
          else items.splice(Math.min(index, items.length), 0, row);
        }
        return { ...data, pages };
      });
    }
  };
}
