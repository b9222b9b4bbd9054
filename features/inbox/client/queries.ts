import { infiniteQueryOptions, queryOptions, type Query } from "@tanstack/react-query";
import { inboxParams, type InboxQuery } from "@/lib/domain/inbox-query";
import { pollUnlessLive } from "@/features/live";
import { getRoute, outageBackoffMs, rateLimitWait, unreachable } from "@/lib/client/route-fetch";
import { mergeFirstPage, type InboxPage, type InboxPages } from "./merge-first-page";
import { referenceKeys, ticketKeys, type TicketListFilters } from "@/lib/client/query-keys";

export { RouteError, outageBackoffMs, rateLimitWait, unreachable } from "@/lib/client/route-fetch";

/**
 * How long a first page counts as fresh. The live stream says when to re-read it; without one the
 * fallback polling is slower still (docs/safety.md#shared-budget).
 */
export const INBOX_REFRESH_MS = 15_000;

const filtersOf = (q: InboxQuery): TicketListFilters => ({ viewId: q.view, search: q.q, customerId: q.customer, order: q.order });

export const inboxListKey = (account: string, q: InboxQuery) => ticketKeys.list(account, filtersOf(q));
// Under the list's key, so invalidating `ticketKeys.lists` also reaches the refresher; its data is
// a plain page, which the shared list patchers skip (they look for `pages`).
export const inboxHeadKey = (account: string, q: InboxQuery) => [...inboxListKey(account, q), "head"] as const;

const readPage = (account: string, q: InboxQuery, cursor: string | null, refresh: boolean, signal: AbortSignal) =>
  getRoute("tickets", { params: { account }, query: { ...inboxParams(q), cursor: cursor ?? undefined, refresh: refresh ? "1" : undefined }, signal });

/**
 * The list as the agent scrolls: one request per new page, never a re-read of loaded pages (they
 * stay until the refresher folds the new first page in). Stale-forever on purpose: freshness is
 * the refresher's job, and a whole-list refetch would cost one request per loaded page.
 */
export const inboxListQuery = (account: string, q: InboxQuery) =>
  infiniteQueryOptions<InboxPage, Error, InboxPages, ReturnType<typeof inboxListKey>, string | null>({
    queryKey: inboxListKey(account, q),
    queryFn: ({ pageParam, signal }) => readPage(account, q, pageParam, false, signal),
    initialPageParam: null,
    getNextPageParam: (last: InboxPage) => last.nextCursor,
    staleTime: Infinity,
    // An invalidation (after a send or a status change) marks it stale; the refresher, which sits
    // under the same key, re-reads the first page on return instead of every loaded page.
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

// Per query: its error count when it last read successfully.
const errorsAtSuccess = new WeakMap<object, { readonly data: number; readonly errors: number }>();

/**
 * Failed reads in a row since the last good one. react-query's `fetchFailureCount` starts again
 * with every fetch, so with no retries it is always 1 and an outage's backoff would never grow.
 */
export function failuresSinceSuccess(query: Pick<Query, "state">): number {
  const { dataUpdateCount, dataUpdatedAt, errorUpdateCount, errorUpdatedAt } = query.state;
  let mark = errorsAtSuccess.get(query);
  if (!mark || mark.data !== dataUpdateCount) {
    // First seen, or a read succeeded since: count from that success (an error after it counts).
    mark = { data: dataUpdateCount, errors: errorUpdateCount - (errorUpdatedAt > dataUpdatedAt ? 1 : 0) };
    errorsAtSuccess.set(query, mark);
  }
  return errorUpdateCount - mark.errors;
}

/**
 * No polling while the live stream pushes changes; a slow fallback when it cannot; after a 429 the
 * next try waits as long as Gorgias asked, not one interval. While Gorgias cannot be reached it asks
 * again with a backoff even when the stream is live, since the stream has nothing to say then.
 */
export function refreshDelay(query: Query<InboxPage, Error, InboxPage, readonly unknown[]>): number | false {
  const { error } = query.state;
  if (unreachable(error)) return outageBackoffMs(failuresSinceSuccess(query));
  const wait = (rateLimitWait(error) ?? 0) * 1000;
  return wait || pollUnlessLive();
}

/**
 * The background refresher: the first page only, at `refresh` priority upstream, while the tab
 * is visible (react-query pauses intervals for a hidden document).
 */
export const inboxHeadQuery = (account: string, q: InboxQuery) =>
  queryOptions({
    queryKey: inboxHeadKey(account, q),
    queryFn: async ({ signal, client }) => {
      const page = await readPage(account, q, null, true, signal);
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
    queryFn: ({ signal }) => getRoute("views", { params: { account }, signal }),
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
    select: (d) => d.items,
  });

export type { InboxPage, InboxPages };

/**
 * Unread and open tickets per view for the sidebar, computed by our server from the shared cache's
 * first pages: no Gorgias call however many agents and views (docs/safety.md#shared-budget). So it
 * is simply asked again every 15 s, live stream or not (a ticket signal re-reads lists, not this);
 * under the account's ticket key, a stream reset refreshes it too.
 */
export const viewCountsQuery = (account: string) =>
  queryOptions({
    queryKey: [...ticketKeys.all(account), "view-counts"] as const,
    queryFn: ({ signal }) => getRoute("viewCounts", { params: { account }, signal }),
    staleTime: 10_000,
    refetchInterval: 15_000,
    refetchOnWindowFocus: false,
    select: (d) => d.items,
  });
