"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { customerSearchQuery } from "@/features/customers";
import { viewsQuery } from "@/features/inbox";
import { matchesShortcut, showShortcutHelp } from "@/features/shell";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { customerLabel } from "@/lib/domain/customer";
import { paletteTicketsQuery } from "@/features/search/client/queries";

export interface SearchPalettePopupProps {
  readonly account: string;
  /** `restoreFocus`: dismissed (Esc, Mod+K, outside), so focus goes back; false when it navigates. */
  readonly onClose: (restoreFocus: boolean) => void;
}

interface Action {
  readonly id: string;
  readonly label: string;
  readonly run: () => void;
}

const itemClass =
  "flex cursor-pointer flex-col gap-0.5 rounded-md px-3 py-2 text-sm data-[selected=true]:bg-zinc-100 dark:data-[selected=true]:bg-zinc-800";
const groupClass =
  "px-1 py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-zinc-600 dark:[&_[cmdk-group-heading]]:text-zinc-400";
const detail = "text-xs text-zinc-600 dark:text-zinc-400";

/** The Radix + cmdk half of the Mod+K palette, loaded on intent. */
export default function SearchPalettePopup({ account, onClose }: SearchPalettePopupProps) {
  const router = useRouter();
  const [text, setText] = useState("");
  // Each search costs a Gorgias request from the shared budget: it waits for a pause in typing.
  const settled = useDebouncedValue(text, 250);
  const searching = settled.trim().length >= 2;
  const tickets = useQuery(paletteTicketsQuery(account, settled));
  const customers = useQuery(customerSearchQuery(account, settled));
  const views = useQuery(viewsQuery(account));

  const go = (href: string) => {
    onClose(false);
    router.push(href);
  };
  const actions: Action[] = [
    { id: "inbox", label: "Go to the inbox", run: () => go(`/${account}`) },
    ...(views.data ?? []).map((v) => ({ id: `view-${v.id}`, label: `Go to view: ${v.name}`, run: () => go(`/${account}?view=${v.id}`) })),
    { id: "new-ticket", label: "New ticket", run: () => go(`/${account}/tickets/new`) },
    {
      id: "shortcuts",
      label: "Keyboard shortcuts",
      run: () => {
        onClose(false);
        showShortcutHelp();
      },
    },
  ];
  const needle = text.trim().toLowerCase();
  const shownActions = needle ? actions.filter((a) => a.label.toLowerCase().includes(needle)) : actions;
  const loading = searching && (tickets.isFetching || customers.isFetching);
  const typingAhead = text.trim() !== settled.trim() && text.trim().length >= 2;

  let status: ReactNode = null;
  if (tickets.isError || customers.isError) status = <p className="px-4 py-2 text-xs text-red-700 dark:text-red-300">Search failed: {(tickets.error ?? customers.error)?.message}</p>;
  else if (loading || typingAhead) status = <p className={`px-4 py-2 ${detail}`}>Searching…</p>;
  else if (!searching) status = <p className={`px-4 py-2 ${detail}`}>Type two or more characters to search tickets and customers.</p>;

  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose(true)}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <RadixDialog.Content
          aria-describedby={undefined}
          data-testid="search-palette"
          // The palette gives focus back itself (or leaves it to the page it opened).
          onCloseAutoFocus={(event) => event.preventDefault()}
          onKeyDown={(event) => {
            if (!matchesShortcut("search", event)) return;
            event.preventDefault();
            onClose(true);
          }}
          className="fixed top-[12vh] left-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-zinc-200 bg-white text-zinc-900 shadow-xl focus:outline-none dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <RadixDialog.Title className="sr-only">Search</RadixDialog.Title>
          <Command label="Search tickets, customers and actions" shouldFilter={false} loop className="flex flex-col">
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
              <Search aria-hidden size={16} className="shrink-0 text-zinc-500 dark:text-zinc-400" />
              <Command.Input
                value={text}
                onValueChange={setText}
                placeholder="Search tickets and customers, or type a command…"
                className="h-11 w-full bg-transparent text-sm placeholder:text-zinc-500 focus:outline-none dark:placeholder:text-zinc-400"
              />
            </div>
            <div role="status">{status}</div>
            <Command.List label="Results" className="max-h-[60vh] overflow-y-auto py-1">
              {!loading && !typingAhead && <Command.Empty className={`px-4 py-3 ${detail}`}>No matches.</Command.Empty>}
              {searching && !typingAhead && (tickets.data?.length ?? 0) > 0 && (
                <Command.Group heading="Tickets" className={groupClass}>
                  {tickets.data?.map((t) => (
                    <Command.Item key={t.id} value={`ticket-${t.id}`} onSelect={() => go(`/${account}/tickets/${t.id}`)} className={itemClass} data-testid="palette-ticket">
                      <span className="truncate">{t.subject?.trim() || "(no subject)"}</span>
                      <span className={detail}>
                        #{t.id} · <span className="capitalize">{t.status}</span>
                        {t.customer && ` · ${customerLabel(t.customer)}`}
                      </span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {searching && !typingAhead && (customers.data?.length ?? 0) > 0 && (
                <Command.Group heading="Customers" className={groupClass}>
                  {customers.data?.map((c) => (
                    <Command.Item key={c.id} value={`customer-${c.id}`} onSelect={() => go(`/${account}?customer=${c.id}`)} className={itemClass} data-testid="palette-customer">
                      <span className="truncate">{customerLabel(c)}</span>
                      {c.email && c.email !== customerLabel(c) && <span className={detail}>{c.email}</span>}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {shownActions.length > 0 && (
                <Command.Group heading="Actions" className={groupClass}>
                  {shownActions.map((a) => (
                    <Command.Item key={a.id} value={a.id} onSelect={a.run} className={itemClass} data-testid="palette-action">
                      {a.label}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
