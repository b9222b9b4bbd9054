"use client";

import { useQuery } from "@tanstack/react-query";
import { Zap } from "lucide-react";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { macrosQuery, type MacroItem } from "@/features/composer/client/reads";

/** A "Macros" button opening a searchable list; picking one hands its template to the composer. */
export function MacroPicker({ account, onPick, disabled }: { account: string; onPick: (macro: MacroItem) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const root = useRef<HTMLDivElement>(null);
  const macros = useQuery({ ...macrosQuery(account, deferred), enabled: open });

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  function close() {
    setOpen(false);
    root.current?.querySelector<HTMLButtonElement>("button[aria-haspopup]")?.focus();
  }

  return (
    <div ref={root} className="relative" onKeyDown={(e) => e.key === "Escape" && open && (e.stopPropagation(), close())}>
      <Button size="sm" variant="ghost" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((o) => !o)} disabled={disabled}>
        <Zap aria-hidden size={14} /> Macros
      </Button>
      {open && (
        <div
          role="dialog"
          aria-label="Insert a macro"
          className="absolute bottom-full left-0 z-20 mb-1 flex max-h-80 w-[min(22rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <label className="sr-only" htmlFor="macro-search">Search macros</label>
          <input
            id="macro-search"
            autoFocus
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search macros…"
            className="h-9 border-b border-zinc-200 bg-transparent px-3 text-sm focus:outline-none dark:border-zinc-700"
          />
          <ul className="min-h-0 flex-1 overflow-y-auto py-1" aria-label="Macros" aria-busy={macros.isFetching}>
            {macros.isPending && <li className="px-3 py-2 text-xs text-zinc-500">Loading macros…</li>}
            {macros.isError && <li role="alert" className="px-3 py-2 text-xs text-red-700 dark:text-red-300">Macros could not be loaded: {macros.error.message}</li>}
            {macros.data?.length === 0 && <li className="px-3 py-2 text-xs text-zinc-500">No macro matches “{deferred}”.</li>}
            {macros.data?.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="block w-full px-3 py-1.5 text-left hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
                  onClick={() => {
                    onPick(m);
                    setOpen(false);
                  }}
                >
                  <span className="block truncate text-sm font-medium">{m.name}</span>
                  <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{m.bodyText ?? "(no text)"}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
