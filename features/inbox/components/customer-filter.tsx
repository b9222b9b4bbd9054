"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Picker } from "@/components/ui/picker";
import { customerLabel } from "@/lib/domain/customer";
import { inboxSearch, type InboxQuery } from "@/lib/domain/inbox-query";
import { customerSearchQuery } from "@/features/customers";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { cx } from "@/lib/utils";
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
  // Each search costs a helpdesk request against the shared budget: wait for a pause in typing.
  const wanted = text.trim();
  const search = useDebouncedValue(wanted, 300);
  const matches = useQuery({ ...customerSearchQuery(account, search), enabled: open && search.length >= 2 });
  const asking = wanted.length >= 2;
  // Matches for an older text are not offered: picking one would filter by a customer not asked for.
  const current = asking && search === wanted;

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
    <Picker
      title="Find a customer"
      searchLabel="Find a customer by e-mail or name"
      searchPlaceholder="E-mail or name…"
      listLabel="Matching customers"
      options={current ? (matches.data ?? []).map((c) => ({ value: String(c.id), label: customerLabel(c), detail: c.email ?? undefined })) : []}
      onPick={(value) => {
        const customer = matches.data?.find((c) => String(c.id) === value);
        if (!customer) return;
        setPicked({ id: customer.id, label: customerLabel(customer) });
        pushInboxUrl(`/${account}${inboxSearch({ order: query.order, customer: customer.id })}`);
      }}
      onSearchChange={setText}
      loading={asking && (!current || (matches.isFetching && !matches.data)) ? "Searching…" : null}
      error={matches.isError ? matches.error.message : null}
      emptyText={asking ? "No customer found." : "Type two or more letters of an e-mail or name."}
      stacked
      align="end"
      open={open}
      onOpenChange={setOpen}
      className={cx(buttonClass({ variant: "secondary", size: "sm" }), "h-8")}
    >
      Customer
    </Picker>
  );
}
