"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { sameInboxQuery, type InboxQuery } from "@/lib/domain/inbox-query";
import { inboxHeadQuery, inboxListQuery, outageBackoffMs, rateLimitWait, unreachable, type InboxPage } from "@/features/inbox/client/queries";
import { flattenPages } from "@/features/inbox/client/merge-first-page";

export interface InboxInitial {
  readonly query: InboxQuery;
  readonly page: InboxPage | null;
  /** When the server read it (ms), so react-query knows how fresh the prefetch is. */
  readonly at: number;
}

/**
 * A 429 is waited out with Gorgias's own Retry-After, a few times; an unreachable Gorgias is asked
 * twice more quickly, then the outage panel takes over (and keeps asking); anything else fails at once.
 */
const retryWhenBusy = (count: number, error: Error) => (rateLimitWait(error) !== null && count < 4) || (unreachable(error) && count < 2);
const busyDelay = (count: number, error: Error) => (unreachable(error) ? outageBackoffMs(count + 1) : (rateLimitWait(error) ?? 1) * 1000);

export function useInboxList(account: string, query: InboxQuery, initial: InboxInitial) {
  const prefetched = initial.page !== null && sameInboxQuery(query, initial.query);
  const list = useInfiniteQuery({
    ...inboxListQuery(account, query),
    initialData: prefetched && initial.page ? { pages: [initial.page], pageParams: [null] } : undefined,
    initialDataUpdatedAt: initial.at,
    retry: retryWhenBusy,
    retryDelay: busyDelay,
  });
  const tickets = useMemo(() => flattenPages(list.data), [list.data]);
  return { list, tickets };
}

/**
 * Mounted only once the list has data, so its first run is a timer, not a duplicate of the read
 * that just happened (its initial data is that first page, dated like it). The list beside a ticket
 * passes `refetchOnMount: false`: it mounts as the agent opens a ticket from the same list, and a
 * read per opened ticket would spend the team's budget on rows the live feed keeps current.
 */
export function useInboxRefresh(account: string, query: InboxQuery, first: InboxPage, at: number, refetchOnMount = true) {
  return useQuery({ ...inboxHeadQuery(account, query), initialData: first, initialDataUpdatedAt: at, refetchOnMount });
}
