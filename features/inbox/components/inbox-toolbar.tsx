"use client";

import { useRef } from "react";
import { useShortcut } from "@/features/shell";
import { inboxSearch, type InboxOrder, type InboxQuery } from "@/lib/domain/inbox-query";
import { pushInboxUrl } from "./inbox-link";

const SELECT = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200";

export function SearchBox({ account, query }: { account: string; query: InboxQuery }) {
  const input = useRef<HTMLInputElement>(null);
  useShortcut("searchTickets", () => {
    input.current?.focus();
    input.current?.select();
  });
  return (
    <form
      role="search"
      className="min-w-0 flex-1"
      onSubmit={(e) => {
        e.preventDefault();
        const q = input.current?.value.trim() || undefined;
        pushInboxUrl(`/${account}${inboxSearch({ ...query, q })}`);
      }}
    >
      <label htmlFor="inbox-search" className="sr-only">
        Search tickets
      </label>
      <input
        ref={input}
        id="inbox-search"
        key={query.q ?? ""}
        type="search"
        name="q"
        defaultValue={query.q ?? ""}
        maxLength={200}
        placeholder="Search tickets   /"
        autoComplete="off"
        onKeyDown={(e) => {
          if (e.key === "Escape") e.currentTarget.blur();
        }}
        className="h-8 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm placeholder:text-zinc-400 focus:border-brand focus:ring-2 focus:ring-brand/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900"
      />
    </form>
  );
}

export function OrderSelects({ account, query }: { account: string; query: InboxQuery }) {
  const [field, dir] = query.order.split(":") as ["updated" | "created", "asc" | "desc"];
  const go = (order: InboxOrder) => pushInboxUrl(`/${account}${inboxSearch({ ...query, order })}`);
  return (
    <div className="flex items-center gap-1.5">
      <select aria-label="Sort by" value={field} onChange={(e) => go(`${e.target.value as "updated" | "created"}:${dir}`)} className={SELECT} data-testid="order-field">
        <option value="updated">Last updated</option>
        <option value="created">Created</option>
      </select>
      <select aria-label="Sort direction" value={dir} onChange={(e) => go(`${field}:${e.target.value as "asc" | "desc"}`)} className={SELECT} data-testid="order-dir">
        <option value="desc">Newest first</option>
        <option value="asc">Oldest first</option>
      </select>
    </div>
  );
}
