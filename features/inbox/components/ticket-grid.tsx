"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { useShortcut } from "@/features/shell";
import { Button } from "@/components/ui/button";
import type { RowProgress } from "@/lib/domain/bulk";
import type { TicketSummary } from "@/lib/domain/ticket";
import { whenIdle } from "@/lib/client/when-idle";
import { readPlace, updatePlace, usePlace } from "@/features/inbox/client/list-place";
import { preloadRowStatusToggle } from "./row-status-toggle";
import { ROW_HEIGHT, TicketRow } from "./ticket-row";
import { useNow } from "@/features/inbox/client/use-now";

// Rows rendered beyond the visible ones, so j/k and a quick scroll rarely show a blank band.
const OVERSCAN = 8;
const noop = () => () => {};

export interface TicketGridProps {
  readonly account: string;
  /** The list's canonical URL search (`inboxSearch`): the place's scroll belongs to one list. */
  readonly search: string;
  readonly label: string;
  readonly tickets: readonly TicketSummary[];
  readonly canWrite: boolean;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  /** False while Gorgias is busy: the sentinel must not keep asking. */
  readonly autoLoad: boolean;
  readonly loadMore: () => void;
  /**
   * "inbox": the list is the page and owns j/k/Enter. "pane": the list beside an open ticket, whose
   * row is the selection; the ticket's own keys move through it.
   */
  readonly mode?: "inbox" | "pane";
  /** The inbox's bulk selection: a checkbox per row and each row's progress (use-bulk.ts). */
  readonly selection?: {
    readonly selected: ReadonlySet<number>;
    readonly progress: ReadonlyMap<number, RowProgress>;
    readonly onToggle: (id: number, range: boolean) => void;
  };
}

/**
 * The ticket list as an ARIA grid, virtualized: only the rows on screen (and a few either side)
 * are in the DOM, so the list stays light however deep the agent scrolls; `aria-rowindex` and
 * `aria-rowcount` keep screen readers' row positions. Selection and scroll live in the agent's
 * place (list-place.ts), so they follow the ticket id through refreshes and survive opening a
 * ticket and coming back.
 */
export function TicketGrid({ account, search, label, tickets, canWrite, hasMore, loadingMore, autoLoad, loadMore, mode = "inbox", selection }: TicketGridProps) {
  const router = useRouter();
  const now = useNow();
  const { selectedId } = usePlace(account);
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const focusNext = useRef<number | null>(null);
  // During hydration the server's rows (from the top) must be what renders first; the saved scroll
  // is applied right after. A list mounted on the client (back from a ticket) starts there at once.
  const hydrating = !useSyncExternalStore(noop, () => true, () => false);

  // The virtualizer's methods change with every scroll: this component re-renders with it by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tickets.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (i) => tickets[i]?.id ?? i,
    initialOffset: () => (hydrating || readPlace(account).search !== search ? 0 : readPlace(account).scrollTop),
    // The server has no window: it renders the first screenful so first paint has tickets.
    initialRect: { width: 1280, height: 900 },
  });

  // The inbox says which list the place is about (a new list starts at its top). After a reload
  // the saved scroll is applied once the server's rows have hydrated.
  useEffect(() => {
    if (mode === "inbox") updatePlace(account, { search });
    const place = readPlace(account);
    if (place.search === search && place.scrollTop > 0 && scroller.current?.scrollTop === 0) virtualizer.scrollToOffset(place.scrollTop);
  }, [account, mode, search, virtualizer]);

  // The open ticket's row stays in view in the pane, whichever way it was reached.
  // Memoized: the virtualizer re-renders this grid on every scroll frame.
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : tickets.findIndex((t) => t.id === selectedId)), [tickets, selectedId]);
  useEffect(() => {
    if (mode === "pane" && selectedIndex !== -1) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [mode, selectedIndex, virtualizer]);

  // When the selected row leaves the list (a change took it out of the view), the row that took its
  // place is selected, so the agent goes on from where they were rather than from the top.
  const lastIndex = useRef(-1);
  useEffect(() => {
    if (mode !== "inbox") return;
    if (selectedIndex !== -1) {
      lastIndex.current = selectedIndex;
      return;
    }
    const next = tickets[Math.min(lastIndex.current, tickets.length - 1)];
    if (selectedId !== null && lastIndex.current !== -1 && next) updatePlace(account, { selectedId: next.id });
  }, [account, mode, selectedId, selectedIndex, tickets]);

  // A row moved to by j/k is focused once it is rendered (it may have been outside the window).
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    const link = scroller.current?.querySelector<HTMLElement>(`[data-ticket-id="${id}"] a`);
    if (link) {
      focusNext.current = null;
      link.focus({ preventScroll: true });
    }
  });

  function move(step: 1 | -1) {
    if (tickets.length === 0) return;
    const at = tickets.findIndex((t) => t.id === readPlace(account).selectedId);
    const next = at === -1 ? 0 : Math.min(tickets.length - 1, Math.max(0, at + step));
    const id = tickets[next]?.id;
    if (id === undefined) return;
    focusNext.current = id;
    updatePlace(account, { selectedId: id });
    virtualizer.scrollToIndex(next, { align: "auto" });
    if (next >= tickets.length - 3 && hasMore && !loadingMore) loadMore();
  }
  const inbox = mode === "inbox";
  useShortcut("nextTicket", () => move(1), { enabled: inbox });
  useShortcut("previousTicket", () => move(-1), { enabled: inbox });
  const openSelected = () => {
    const id = readPlace(account).selectedId;
    if (id === null) return;
    updatePlace(account, { openedFromList: id });
    router.push(`/${account}/tickets/${id}`);
  };
  useShortcut("openTicket", openSelected, { enabled: inbox });

  // The rows' close/reopen is fetched once the list is up, so a click does not wait for it.
  useEffect(() => (canWrite ? whenIdle(preloadRowStatusToggle) : undefined), [canWrite]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || !autoLoad) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    }, { root: scroller.current, rootMargin: "0px 0px 600px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, autoLoad, loadMore, tickets.length]);

  const opened = useCallback((id: number) => updatePlace(account, { selectedId: id, openedFromList: id }), [account]);
  const selected = useCallback((id: number) => updatePlace(account, { selectedId: id }), [account]);

  return (
    <div
      ref={scroller}
      className="@container relative min-h-0 flex-1 overflow-y-auto"
      data-testid="ticket-scroller"
      onScroll={(e) => updatePlace(account, { scrollTop: e.currentTarget.scrollTop })}
    >
      <div
        role="grid"
        aria-label={label}
        aria-rowcount={hasMore ? -1 : tickets.length}
        data-testid="ticket-list"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const t = tickets[item.index];
          if (!t) return null;
          return (
            <TicketRow
              key={t.id}
              index={item.index}
              start={item.start}
              account={account}
              ticket={t}
              selected={t.id === selectedId}
              canWrite={canWrite && inbox}
              now={now}
              onSelect={selected}
              onOpen={opened}
              bulk={selection && { checked: selection.selected.has(t.id), progress: selection.progress.get(t.id), onToggle: selection.onToggle }}
            />
          );
        })}
      </div>
      <div ref={sentinel} className="flex h-14 items-center justify-center">
        {hasMore ? (
          <Button size="sm" variant="ghost" onClick={loadMore} disabled={loadingMore} data-testid="load-more">
            {loadingMore ? "Loading…" : "Load more"}
          </Button>
        ) : (
          tickets.length > 0 && <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="list-end">{`${tickets.length} ticket${tickets.length === 1 ? "" : "s"} · end of list`}</p>
        )}
      </div>
    </div>
  );
}
