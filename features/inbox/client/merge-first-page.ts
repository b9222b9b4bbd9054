import type { InfiniteData } from "@tanstack/react-query";
import type { InboxPage } from "@/lib/domain/contract/responses";
import type { InboxOrder } from "@/lib/domain/inbox-query";
import type { TicketSummary } from "@/lib/domain/ticket";

export type { InboxPage };

export type InboxPages = InfiniteData<InboxPage, string | null>;

const sortKey = (order: InboxOrder) => (t: TicketSummary): string => (order.startsWith("created") ? t.createdAt : t.updatedAt) ?? "";

/**
 * Folds a freshly read FIRST page into the pages already on screen, so the background refresh
 * costs one request however far the agent has scrolled (docs/safety.md#shared-budget):
 * - tickets in the fresh page take their fresh place at the top, and leave any later page (an
 *   updated ticket moves up instead of showing twice);
 * - a loaded ticket that sorts inside the fresh page's range but is missing from it has left the
 *   view (closed, reassigned…) and is dropped;
 * - everything past that range keeps its place and its cursor, so no loaded page is re-read.
 * Ids are unique across the result whatever the inputs.
 */
export function mergeFirstPage(data: InboxPages | undefined, fresh: InboxPage, order: InboxOrder): InboxPages {
  const freshItems = dedupe(fresh.items, new Set());
  if (!data || data.pages.length === 0 || fresh.nextCursor === null) {
    // The fresh page is the whole list (or nothing was loaded): it replaces everything.
    return { pages: [{ items: freshItems, nextCursor: fresh.nextCursor }], pageParams: [null] };
  }
  const key = sortKey(order);
  const last = freshItems.at(-1);
  const boundary = last ? key(last) : null;
  const desc = order.endsWith(":desc");
  const insideFreshRange = (t: TicketSummary) => boundary !== null && (desc ? key(t) > boundary : key(t) < boundary);

  const seen = new Set(freshItems.map((t) => t.id));
  const keep = (items: readonly TicketSummary[]) => dedupe(items.filter((t) => !insideFreshRange(t)), seen);
  const [first, ...rest] = data.pages;
  const pages: InboxPage[] = [
    { items: [...freshItems, ...keep(first?.items ?? [])], nextCursor: first?.nextCursor ?? fresh.nextCursor },
    ...rest.map((page) => ({ ...page, items: keep(page.items) })),
  ];
  return { pages, pageParams: data.pageParams };
}

function dedupe(items: readonly TicketSummary[], seen: Set<number>): TicketSummary[] {
  const out: TicketSummary[] = [];
  for (const t of items) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    out.push(t);
  }
  return out;
}

/** Every ticket loaded so far, in list order. */
export const flattenPages = (data: InboxPages | undefined): TicketSummary[] => data?.pages.flatMap((p) => p.items) ?? [];
