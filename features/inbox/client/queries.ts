import { infiniteQueryOptions, queryOptions, type Query } from "@tanstack/react-query";
import type { Customer, CustomerRef } from "@/lib/domain/customer";
import { inboxSearch, type InboxQuery } from "@/lib/domain/inbox-query";
import type { View } from "@/lib/domain/view";
import { getRoute, rateLimitWait } from "@/lib/client/route-fetch";
import { mergeFirstPage, type InboxPage, type InboxPages } from "./merge-first-page";
import { customerKeys, referenceKeys, ticketKeys, type TicketListFilters } from "@/lib/client/query-keys";

export { RouteError, rateLimitWait } from "@/lib/client/route-fetch";

/**
 * How often a visible inbox re-reads its first page. One request per agent per 15 s leaves most
 * of the account's 40-per-20-s budget for opening tickets and sending (docs/safety.md#shared-budget).
 */
export const INBOX_REFRESH_MS = 15_000;

const filtersOf = (q: InboxQuery): TicketListFilters => ({ viewId: q.view, search: q.q, customerId: q.customer, order: q.order });

export const inboxListKey = (account: string, q: InboxQuery) => ticketKeys.list(account, filtersOf(q));
// Under the list's key, so invalidating `ticketKeys.lists` also reaches the refresher; its data is
// a plain page, which the shared list patchers skip (they look for `pages`).
export const inboxHeadKey = (account: string, q: InboxQuery) => [...inboxListKey(account, q), "head"] as const;

function pageUrl(account: string, q: InboxQuery, cursor: string | null, refresh: boolean): string {
  const params = new URLSearchParams(inboxSearch(q));
  if (q.order) params.set("order", q.order);
  if (cursor) params.set("cursor", cursor);
  if (refresh) params.set("refresh", "1");
  return `/api/${encodeURIComponent(account)}/tickets?${params}`;
}

/**
 * The list as the agent scrolls: one request per new page, never a re-read of loaded pages (they
 * stay until the refresher folds the new first page in). Stale-forever on purpose: freshness is
 * the refresher's job, and a whole-list refetch would cost one request per loaded page.
 */
export const inboxListQuery = (account: string, q: InboxQuery) =>
  infiniteQueryOptions<InboxPage, Error, InboxPages, ReturnType<typeof inboxListKey>, string | null>({
    queryKey: inboxListKey(account, q),
    queryFn: ({ pageParam, signal }) => getRoute<InboxPage>(pageUrl(account, q, pageParam, false), signal),
    initialPageParam: null,
    getNextPageParam: (last: InboxPage) => last.nextCursor,
    staleTime: Infinity,
    // An invalidation (after a send or a status change) marks it stale; the refresher, which sits
    // under the same key, re-reads the first page on return instead of every loaded page.
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** After a 429 the next try waits as long as Gorgias asked, not one interval. */
export function refreshDelay(query: Query<InboxPage, Error, InboxPage, readonly unknown[]>): number {
  return (rateLimitWait(query.state.error) ?? 0) * 1000 || INBOX_REFRESH_MS;
}

/**
 * The background refresher: the first page only, at `refresh` priority upstream, while the tab
 * is visible (react-query pauses intervals for a hidden document).
 */
export const inboxHeadQuery = (account: string, q: InboxQuery) =>
  queryOptions({
    queryKey: inboxHeadKey(account, q),
    queryFn: async ({ signal, client }) => {
      const page = await getRoute<InboxPage>(pageUrl(account, q, null, true), signal);
      client.setQueryData<InboxPages>(inboxListKey(account, q), (old) => mergeFirstPage(old, page, q.order));
      return page;
    },
    staleTime: INBOX_REFRESH_MS,
    refetchInterval: refreshDelay,
    refetchIntervalInBackground: false,
  });

export const viewsQuery = (account: string) =>
  queryOptions({
    queryKey: referenceKeys.views(account),
    queryFn: ({ signal }) => getRoute<{ items: View[] }>(`/api/${encodeURIComponent(account)}/views`, signal),
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
    select: (d) => d.items,
  });

/** What `GET /api/[account]/customers` answers; the composer's recipient lookup reads the same key. */
export type CustomerMatch = CustomerRef & Pick<Customer, "firstname">;

export const customerLookupQuery = (account: string, text: string) =>
  queryOptions({
    queryKey: customerKeys.search(account, text.trim()),
    queryFn: ({ signal }) =>
      getRoute<{ items: CustomerMatch[] }>(`/api/${encodeURIComponent(account)}/customers?${new URLSearchParams({ q: text.trim() })}`, signal),
    staleTime: 60_000,
    enabled: text.trim().length >= 2,
    select: (d) => d.items,
  });

export type { InboxPage, InboxPages };
