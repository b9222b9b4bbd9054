"use client";

import { useQuery } from "@tanstack/react-query";
import { Zap } from "lucide-react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Picker, type PickerOption } from "@/components/ui/picker";
import { queryStatus } from "@/lib/client/query-status";
import { macroSuggestionsQuery, macrosQuery, type MacroChoice } from "@/features/composer/client/reads";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

const SUGGESTED = "Suggested for this ticket";
const ALL = "All macros";
const option = (m: MacroChoice, value: string, group?: string): PickerOption => ({ value, label: m.name, detail: m.bodyText ?? "(no reply text: actions only)", ...(group ? { group } : {}) });

/**
 * A "Macros" button opening a searchable list, with the macros Gorgias finds most relevant to the
 * ticket first (read when the list first opens). Picking one hands it to the composer's preview.
 */
export function MacroPicker({ account, ticketId, onPick, disabled }: { account: string; ticketId: number; onPick: (macro: MacroChoice) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim(), 250);
  const macros = useQuery({ ...macrosQuery(account, query), enabled: open });
  // Suggestions are extra: when Gorgias cannot rank, the full list is still there.
  const suggested = useQuery({ ...macroSuggestionsQuery(account, ticketId), enabled: open && !query });
  const top = query ? [] : (suggested.data ?? []);
  // A suggested macro is listed once, under the suggestions.
  const all = (macros.data ?? []).filter((m) => !top.some((t) => t.id === m.id));
  const options = [...top.map((m) => option(m, String(m.id), SUGGESTED)), ...all.map((m) => option(m, String(m.id), top.length > 0 ? ALL : undefined))];

  return (
    <Picker
      title="Insert a macro"
      searchLabel="Search macros"
      searchPlaceholder="Search macros…"
      listLabel="Macros"
      options={options}
      onPick={(value) => {
        const macro = [...top, ...all].find((m) => String(m.id) === value);
        if (macro) onPick(macro);
      }}
      onSearchChange={setSearch}
      {...queryStatus(macros, { loading: "Loading macros…", failed: "Macros could not be loaded" })}
      emptyText={query ? `No macro matches “${query}”.` : "No macros yet."}
      stacked
      side="top"
      popupClassName="w-[min(22rem,calc(100vw-2rem))]"
      open={open}
      onOpenChange={setOpen}
      className={buttonClass({ variant: "ghost", size: "sm" })}
      disabled={disabled}
    >
      <Zap aria-hidden size={14} /> Macros
    </Picker>
  );
}
