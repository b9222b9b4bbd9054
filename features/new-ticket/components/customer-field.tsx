"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { customerSearchQuery, type CustomerMatch } from "@/features/customers";

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
  const [query, setQuery] = useState(email.trim());
  useEffect(() => {
    const t = setTimeout(() => setQuery(email.trim()), 300);
    return () => clearTimeout(t);
  }, [email]);
  const matches = useQuery({ ...customerSearchQuery(account, query), enabled: focused && query.length >= 2 });
  const items = (matches.data ?? []).filter((c) => c.email).slice(0, 6);
  return (
    <div className="relative" onFocus={() => setFocused(true)} onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setFocused(false)}>
      <TextField
        label="Customer email"
        name="customerEmail"
        type="email"
        autoComplete="off"
        inputMode="email"
        value={email}
        onChange={(e) => onEmail(e.target.value)}
        errors={errors}
        hint="Find an existing customer by email or name, or type a new address."
        placeholder="jane@example.com"
        required
      />
      {focused && items.length > 0 && !(items.length === 1 && items[0]?.email === picked) && (
        <ul aria-label="Matching customers" className="absolute top-16 right-0 left-0 z-20 overflow-hidden rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {items.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(c);
                  setFocused(false);
                }}
                className="flex w-full items-baseline gap-2 px-3 py-1.5 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
              >
                <span className="truncate font-medium">{c.name ?? c.email}</span>
                <span className="truncate text-xs text-zinc-500">{c.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
