"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { customerLabel } from "@/lib/domain/customer";
import { inboxSearch, type InboxQuery } from "@/lib/domain/inbox-query";
import { customerLookupQuery } from "@/features/inbox/client/queries";
import { pushInboxUrl } from "./inbox-link";

export interface CustomerFilterProps {
  readonly account: string;
  readonly query: InboxQuery;
  /** The filtered customer's name when the list already shows it. */
  readonly knownLabel: string | null;
}

/** Find a customer by e-mail or name, then list their tickets (`?customer=ID`). */
export function CustomerFilter({ account, query, knownLabel }: CustomerFilterProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<{ id: number; label: string } | null>(null);
  const matches = useQuery({ ...customerLookupQuery(account, text), enabled: open && text.trim().length >= 2 });

  if (query.customer !== undefined) {
    const label = knownLabel ?? (picked?.id === query.customer ? picked.label : `Customer #${query.customer}`);
    return (
      <span className="flex h-8 max-w-full items-center gap-1 rounded-md bg-brand/10 pr-1 pl-2.5 text-sm text-brand dark:bg-brand/25 dark:text-indigo-200" data-testid="customer-chip">
        <span className="truncate">Customer: {label}</span>
        <button
          type="button"
          aria-label={`Remove the customer filter (${label})`}
          onClick={() => pushInboxUrl(`/${account}${inboxSearch({ ...query, customer: undefined })}`)}
          className="flex size-6 items-center justify-center rounded hover:bg-brand/15"
        >
          <X aria-hidden size={14} />
        </button>
      </span>
    );
  }

  return (
    <div className="relative">
      <Button size="sm" variant="secondary" className="h-8" aria-expanded={open} aria-controls="customer-finder" onClick={() => setOpen((o) => !o)}>
        Customer
      </Button>
      {open && (
        <div id="customer-finder" className="absolute right-0 z-20 mt-1 w-72 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <label htmlFor="customer-find" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Find a customer by e-mail or name
          </label>
          <input
            id="customer-find"
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
            className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          <ul className="mt-1 max-h-64 overflow-y-auto" aria-label="Matching customers">
            {matches.isFetching && <li className="px-2 py-1.5 text-xs text-zinc-500">Searching…</li>}
            {matches.isError && <li className="px-2 py-1.5 text-xs text-red-700 dark:text-red-400">{matches.error.message}</li>}
            {matches.data?.length === 0 && !matches.isFetching && <li className="px-2 py-1.5 text-xs text-zinc-500">No customer found.</li>}
            {matches.data?.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => {
                    setPicked({ id: c.id, label: customerLabel(c) });
                    setOpen(false);
                    pushInboxUrl(`/${account}${inboxSearch({ order: query.order, customer: c.id })}`);
                  }}
                  className="flex w-full flex-col rounded px-2 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
                >
                  <span className="truncate font-medium">{customerLabel(c)}</span>
                  {c.email && <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">{c.email}</span>}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
