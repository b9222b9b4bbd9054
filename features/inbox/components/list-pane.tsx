"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useShortcut } from "@/features/shell";
import { gorgiasIdFrom } from "@/lib/domain/ids";
import { inboxQueryOrDefaults } from "@/lib/domain/inbox-query";
import { viewsQuery, rateLimitWait } from "@/features/inbox/client/queries";
import { updatePlace, usePlace } from "@/features/inbox/client/list-place";
import { listNeighbours, openFromList } from "@/features/inbox/client/use-move-on";
import { useInboxList } from "@/features/inbox/client/use-inbox-list";
import { InboxBody } from "./inbox-body";

/** The width from which the list stays beside an open ticket (Tailwind's `lg`). */
const WIDE = "(min-width: 1024px)";

function subscribeWide(onChange: () => void): () => void {
  const media = window.matchMedia(WIDE);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}
const useWide = () => useSyncExternalStore(subscribeWide, () => window.matchMedia(WIDE).matches, () => false);

const useOpenTicketId = (): number | null => {
  const { ticketId } = useParams<{ ticketId?: string }>();
  return ticketId === undefined ? null : gorgiasIdFrom(ticketId);
};

/**
 * Beside an open ticket: the list the agent came from, on wide screens (the ticket alone on a
 * phone), and on every screen j/k to the list's next and previous ticket. It lives in the tickets'
 * layout, so moving from ticket to ticket keeps it mounted: its scroll and rows stay put.
 */
export function ListPane({ account }: { account: string }) {
  const wide = useWide();
  const ticketId = useOpenTicketId();
  useListKeys(account, ticketId);
  useEffect(() => {
    if (ticketId !== null) updatePlace(account, { selectedId: ticketId });
  }, [account, ticketId]);
  return (
    <aside aria-label="Ticket list" className="hidden w-[22rem] shrink-0 flex-col border-r border-zinc-200 lg:flex 2xl:w-[26rem] dark:border-zinc-800" data-testid="list-pane">
      {wide && <PaneList account={account} />}
    </aside>
  );
}

function PaneList({ account }: { account: string }) {
  const { search } = usePlace(account);
  const query = useMemo(() => inboxQueryOrDefaults(new URLSearchParams(search)).query, [search]);
  const { list, tickets } = useInboxList(account, query, { query, page: null, at: 0 });
  const views = useQuery(viewsQuery(account));
  const viewName = query.view === undefined ? "All tickets" : (views.data?.find((v) => v.id === query.view)?.name ?? "View");
  const title = query.q !== undefined ? `Search: ${query.q}` : viewName;
  return (
    <>
      <header className="flex h-10 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
        <Link href={`/${account}${search}`} className="flex min-w-0 items-center gap-1.5 rounded text-sm font-medium text-zinc-800 hover:underline dark:text-zinc-200" data-testid="pane-back">
          <ArrowLeft aria-hidden size={14} className="shrink-0" />
          <span className="truncate">{title}</span>
        </Link>
      </header>
      <InboxBody account={account} query={query} title={title} list={list} tickets={tickets} canWrite={false} listWait={rateLimitWait(list.failureReason)} mode="pane" />
    </>
  );
}

/** j/k open the next and previous ticket of the agent's list, as far as it is loaded. */
function useListKeys(account: string, ticketId: number | null) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const go = (step: "next" | "previous") => {
    if (ticketId === null) return;
    const target = listNeighbours(queryClient, account, ticketId)[step];
    if (target !== null) openFromList(router, account, target);
  };
  useShortcut("nextInList", () => go("next"), { enabled: ticketId !== null });
  useShortcut("previousInList", () => go("previous"), { enabled: ticketId !== null });
}
