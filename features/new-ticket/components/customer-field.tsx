"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ComboboxField } from "@/components/ui/combobox-field";
import { customerSearchQuery, type CustomerMatch } from "@/features/customers";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

/** Customer email with matches from Gorgias as the agent types; a new address is fine too. */
export function CustomerField({ account, email, errors, onEmail, onPick, picked }: {
  account: string;
  email: string;
  errors?: readonly string[];
  onEmail: (email: string) => void;
  onPick: (customer: CustomerMatch) => void;
  /** The customer already picked: no need to offer it again. */
  picked?: string;
}) {
  const [focused, setFocused] = useState(false);
  // Name searches cost a helpdesk search against the shared budget: wait for a pause in typing.
  const query = useDebouncedValue(email.trim(), 300);
  const matches = useQuery({ ...customerSearchQuery(account, query), enabled: focused && query.length >= 2 });
  const items = (matches.data ?? []).filter((c) => c.email).slice(0, 6);
  const offered = items.length === 1 && items[0]?.email === picked ? [] : items;
  return (
    <ComboboxField
      label="Customer email"
      name="customerEmail"
      type="email"
      autoComplete="off"
      inputMode="email"
      value={email}
      onValueChange={onEmail}
      errors={errors}
      hint="Find an existing customer by email or name, or type a new address."
      placeholder="jane@example.com"
      required
      listLabel="Matching customers"
      suggestions={offered.map((c) => ({ value: String(c.id), label: c.name ?? c.email ?? "", detail: c.email ?? undefined }))}
      onPick={(value) => {
        const customer = offered.find((c) => String(c.id) === value);
        if (customer) onPick(customer);
      }}
      onFocusChange={setFocused}
    />
  );
}
