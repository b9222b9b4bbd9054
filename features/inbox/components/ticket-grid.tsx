"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useShortcut } from "@/features/shell";
import { Button } from "@/components/ui/button";
import type { TicketSummary } from "@/lib/domain/ticket";
import { whenIdle } from "@/lib/client/when-idle";
import { preloadRowStatusToggle } from "./row-status-toggle";
import { TicketRow } from "./ticket-row";
import { useNow } from "@/features/inbox/client/use-now";

export interface TicketGridProps {
  readonly account: string;
  readonly label: string;
  readonly tickets: readonly TicketSummary[];
  readonly canWrite: boolean;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  /** False while Gorgias is busy: the sentinel must not keep asking. */
  readonly autoLoad: boolean;
  readonly loadMore: () => void;
}

/**
 * The ticket list as an ARIA grid: each row holds a link and its action, `aria-selected` marks
 * the j/k selection. Selection follows the ticket id, so a background refresh that moves rows
 * does not move the agent's place.
 */
export function TicketGrid({ account, label, tickets, canWrite, hasMore, loadingMore, autoLoad, loadMore }: TicketGridProps) {
  const router = useRouter();
  const now = useNow();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  function move(step: 1 | -1) {
    if (tickets.length === 0) return;
    const at = tickets.findIndex((t) => t.id === selectedId);
    const next = at === -1 ? 0 : Math.min(tickets.length - 1, Math.max(0, at + step));
    const id = tickets[next]?.id;
    if (id === undefined) return;
    setSelectedId(id);
    const row = scroller.current?.querySelector<HTMLElement>(`[data-ticket-id="${id}"]`);
    row?.scrollIntoView({ block: "nearest" });
    row?.querySelector("a")?.focus({ preventScroll: true });
    if (next >= tickets.length - 3 && hasMore && !loadingMore) loadMore();
  }
  useShortcut("nextTicket", () => move(1));
  useShortcut("previousTicket", () => move(-1));
  useShortcut("openTicket", () => {
    if (selectedId !== null) router.push(`/${account}/tickets/${selectedId}`);
  });

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

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto" data-testid="ticket-scroller">
      <div role="grid" aria-label={label} aria-rowcount={hasMore ? -1 : tickets.length} data-testid="ticket-list">
        {tickets.map((t) => (
          <TicketRow key={t.id} account={account} ticket={t} selected={t.id === selectedId} canWrite={canWrite} now={now} onSelect={setSelectedId} />
        ))}
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
