"use client";

import Link from "next/link";
import type { Clock } from "@/lib/domain/clock";
import type { TicketSummary } from "@/lib/domain/ticket";
import { cx } from "@/lib/utils";
import { dayOf } from "./customer-orders";

const STATUS_DOT: Readonly<Record<string, string>> = { open: "bg-emerald-500", closed: "bg-zinc-400" };

// The list comes as Gorgias ordered it (last updated first); a timeline reads by when each began.
const newestFirst = (a: TicketSummary, b: TicketSummary) => (b.createdAt ?? "").localeCompare(a.createdAt ?? "") || b.id - a.id;

/** The customer's other tickets, newest first, as a timeline: when, in what state, about what. */
export function CustomerTimeline({ account, tickets, clock }: { account: string; tickets: readonly TicketSummary[]; clock: Clock | null }) {
  return (
    <ol className="relative flex flex-col gap-1 border-l border-zinc-200 pl-3 dark:border-zinc-800" data-testid="customer-tickets">
      {[...tickets].sort(newestFirst).map((t) => {
        const day = dayOf(t.createdAt, clock);
        return (
          <li key={t.id} className="relative" data-testid="customer-ticket">
            <span aria-hidden className={cx("absolute top-2.5 -left-[17px] size-2 rounded-full ring-2 ring-white dark:ring-zinc-950", STATUS_DOT[t.status] ?? "bg-zinc-400")} />
            <Link href={`/${account}/tickets/${t.id}`} className="group flex flex-col rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
              <span className="truncate text-zinc-800 group-hover:underline dark:text-zinc-200">{t.subject?.trim() || "(no subject)"}</span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                <span className="capitalize">{t.status}</span>
                {day && <> · {day}</>}
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
