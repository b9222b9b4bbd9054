"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Customer } from "@/lib/domain/customer";
import { customerLabel } from "@/lib/domain/customer";
import { customerTicketsQuery } from "@/features/ticket/client/queries";
import { cx } from "@/lib/utils";

interface CustomerPanelProps {
  account: string;
  ticketId: number;
  customer: Customer | null;
}

const heading = "text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400";

export function CustomerPanel({ account, ticketId, customer }: CustomerPanelProps) {
  const others = useQuery({
    ...customerTicketsQuery(account, ticketId, customer?.id ?? 0),
    enabled: customer !== null,
  });
  if (!customer) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No customer on this ticket.</p>;
  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="customer-heading" className="flex flex-col gap-1">
        <h2 id="customer-heading" className={heading}>
          Customer
        </h2>
        <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100" data-testid="customer-name">
          {customerLabel(customer)}
        </p>
        {customer.email && <p className="text-sm break-all text-zinc-700 dark:text-zinc-300">{customer.email}</p>}
        {customer.channels
          .filter((c) => c.address !== customer.email)
          .slice(0, 4)
          .map((c) => (
            <p key={`${c.type}-${c.address}`} className="text-xs break-all text-zinc-600 dark:text-zinc-400">
              {c.type}: {c.address}
            </p>
          ))}
      </section>
      <section aria-labelledby="other-tickets-heading" className="flex flex-col gap-2">
        <h2 id="other-tickets-heading" className={heading}>
          Other tickets
        </h2>
        {others.isPending && <p className="text-xs text-zinc-600 dark:text-zinc-400">Loading…</p>}
        {others.isError && <p className="text-xs text-red-700 dark:text-red-300">Couldn&apos;t load: {others.error.message}</p>}
        {others.data?.length === 0 && <p className="text-xs text-zinc-600 dark:text-zinc-400">No other tickets.</p>}
        {others.data && others.data.length > 0 && (
          <ul className="flex flex-col gap-1" data-testid="customer-tickets">
            {others.data.map((t) => (
              <li key={t.id}>
                <Link href={`/${account}/tickets/${t.id}`} className="group flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
                  <span aria-hidden className={cx("size-2 shrink-0 rounded-full", t.status === "open" ? "bg-emerald-500" : "bg-zinc-400")} />
                  <span className="sr-only">{t.status === "open" ? "Open:" : "Closed:"}</span>
                  <span className="truncate text-zinc-800 group-hover:underline dark:text-zinc-200">{t.subject?.trim() || "(no subject)"}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
