"use client";

import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useCallback } from "react";
import { inboxSearch, type InboxQuery } from "@/lib/domain/inbox-query";
import type { TicketSummary } from "@/lib/domain/ticket";
import { AppErrorNotice } from "@/features/shell";
import { appErrorOf } from "@/lib/client/route-fetch";
import { outageBackoffMs, rateLimitWait, unreachable, type InboxPage, type InboxPages } from "@/features/inbox/client/queries";
import { BusyBanner, OutagePanel } from "./busy-banner";
import { EmptyState, SkeletonRows } from "./ticket-list-states";
import { BulkList } from "./bulk-list";
import { TicketGrid } from "./ticket-grid";
import { useInboxRefresh } from "@/features/inbox/client/use-inbox-list";

export interface InboxBodyProps {
  readonly account: string;
  readonly query: InboxQuery;
  readonly title: string;
  readonly list: UseInfiniteQueryResult<InboxPages, Error>;
  readonly tickets: readonly TicketSummary[];
  readonly canWrite: boolean;
  /** Seconds Gorgias asked the list's own reads to wait, or null. */
  readonly listWait: number | null;
  /** The inbox page, or the list beside an open ticket (see TicketGrid). */
  readonly mode?: "inbox" | "pane";
}

export function InboxBody({ account, query, title, list, tickets, canWrite, listWait, mode = "inbox" }: InboxBodyProps) {
  const { fetchNextPage, hasNextPage, isFetchingNextPage, refetch } = list;
  const retry = useCallback(() => void refetch(), [refetch]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const first = list.data?.pages[0];
  const search = inboxSearch(query);
  // What the list shows, with or without the bulk selection around it.
  const grid = {
    account,
    search,
    label: title,
    tickets,
    canWrite,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    autoLoad: listWait === null && !list.isFetchNextPageError,
    loadMore,
  };

  return (
    <>
      {first ? (
        // Keyed by the list so a new view starts its own refresher (and its own timer).
        <Refresher key={JSON.stringify(query)} account={account} query={query} first={first} at={list.dataUpdatedAt} listWait={listWait} listFailures={list.failureCount} onMount={mode === "inbox"} />
      ) : (
        listWait !== null && <BusyBanner key={list.failureCount} seconds={listWait} />
      )}
      {list.isPending ? (
        <div className="min-h-0 flex-1 overflow-hidden" role="status" aria-label="Loading tickets">
          <SkeletonRows />
        </div>
      ) : list.isError && tickets.length === 0 && unreachable(list.error) ? (
        <OutagePanel key={list.errorUpdatedAt} seconds={outageBackoffMs(list.failureCount) / 1000} onRetry={retry} />
      ) : list.isError && tickets.length === 0 ? (
        <AppErrorNotice layout="panel" testId="inbox-error" error={appErrorOf(list.error)} retry={{ onClick: retry }} />
      ) : tickets.length === 0 ? (
        <EmptyState searching={query.q} />
      ) : mode === "inbox" && canWrite ? (
        <BulkList
          key={search}
          {...grid}
          viewId={query.view !== undefined && query.q === undefined && query.customer === undefined ? query.view : null}
        />
      ) : (
        <TicketGrid
          key={search}
          {...grid}
          mode={mode}
        />
      )}
    </>
  );
}

interface RefresherProps {
  readonly account: string;
  readonly query: InboxQuery;
  readonly first: InboxPage;
  readonly at: number;
  readonly listWait: number | null;
  readonly listFailures: number;
  /** Whether a stale first page is read again as it mounts (see useInboxRefresh). */
  readonly onMount: boolean;
}

/**
 * Runs the first-page refresher and shows the banner when either it or the list hit a 429, or
 * when the refresher could not reach Gorgias (it keeps asking, with a backoff: `refreshDelay`).
 */
function Refresher({ account, query, first, at, listWait, listFailures, onMount }: RefresherProps) {
  const head = useInboxRefresh(account, query, first, at, onMount);
  const headWait = head.isError ? rateLimitWait(head.error) : null;
  if (headWait !== null) return <BusyBanner key={`h${head.errorUpdatedAt}`} seconds={headWait} />;
  if (listWait !== null) return <BusyBanner key={`l${listFailures}`} seconds={listWait} />;
  if (head.isError && unreachable(head.error)) {
    return <BusyBanner key={`u${head.errorUpdatedAt}`} kind="unreachable" seconds={outageBackoffMs(head.failureCount) / 1000} since={at} />;
  }
  return null;
}
