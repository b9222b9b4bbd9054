"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useSyncExternalStore } from "react";
import { useShortcut } from "@/features/shell";
import { customerLabel } from "@/lib/domain/customer";
import { inboxQueryOrDefaults } from "@/lib/domain/inbox-query";
import type { View } from "@/lib/domain/view";
import { rateLimitWait, viewsQuery } from "@/features/inbox/client/queries";
import { CustomerFilter } from "./customer-filter";
import { InboxBody } from "./inbox-body";
import { OrderSelects, SearchBox } from "./inbox-toolbar";
import { useInboxList, type InboxInitial } from "@/features/inbox/client/use-inbox-list";
import { ViewSelect, ViewSidebar } from "./view-nav";

const noop = () => () => {};

export interface InboxScreenProps {
  readonly account: string;
  readonly canWrite: boolean;
  readonly initial: InboxInitial;
  readonly initialViews: readonly View[] | null;
}

/** The inbox: views, the selected list, search, order and customer filter, all from the URL. */
export function InboxScreen({ account, canWrite, initial, initialViews }: InboxScreenProps) {
  const router = useRouter();
  const params = useSearchParams();
  const { query, ignored } = useMemo(() => inboxQueryOrDefaults(params), [params]);
  const views = useQuery({
    ...viewsQuery(account),
    initialData: initialViews ? { items: [...initialViews] } : undefined,
    initialDataUpdatedAt: initial.at,
  });
  const { list, tickets } = useInboxList(account, query, initial);
  useShortcut("newTicket", () => router.push(`/${account}/tickets/new`));
  // False in the server's HTML, true once shortcuts are live (tests and styles can wait on it).
  const hydrated = useSyncExternalStore(noop, () => true, () => false);

  const viewList = views.data ?? [];
  const viewName = query.view === undefined ? "All tickets" : (viewList.find((v) => v.id === query.view)?.name ?? "View");
  const title = query.q !== undefined ? `Search: ${query.q}` : viewName;
  const customer = query.customer === undefined ? null : (tickets.find((t) => t.customer?.id === query.customer)?.customer ?? null);

  return (
    <div className="flex h-full min-h-0" data-testid="inbox" data-hydrated={hydrated}>
      <ViewSidebar account={account} views={viewList} query={query} />
      <section aria-labelledby="inbox-title" className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 sm:px-4 dark:border-zinc-800">
          <h1 id="inbox-title" className="sr-only truncate text-base font-semibold md:not-sr-only md:mr-2 md:max-w-64">
            {title}
          </h1>
          <ViewSelect account={account} views={viewList} query={query} />
          {/* On a phone: view and customer, then search, then order, each on its own line. */}
          <div className="order-2 flex w-full min-w-0 items-center sm:order-none sm:w-auto sm:flex-1">
            <SearchBox account={account} query={query} />
          </div>
          <CustomerFilter account={account} query={query} knownLabel={customer ? customerLabel(customer) : null} />
          <div className="order-3 sm:order-none">
            <OrderSelects account={account} query={query} />
          </div>
        </header>
        {ignored.length > 0 && (
          <p role="status" className="border-b border-zinc-200 px-4 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            Part of this link was not understood ({ignored.join(", ")}) and was ignored.
          </p>
        )}
        <InboxBody
          account={account}
          query={query}
          title={title}
          list={list}
          tickets={tickets}
          canWrite={canWrite}
          listWait={rateLimitWait(list.failureReason)}
        />
      </section>
    </div>
  );
}
