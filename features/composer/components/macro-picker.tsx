"use client";

import { useQuery } from "@tanstack/react-query";
import { Zap } from "lucide-react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Picker } from "@/components/ui/picker";
import { queryStatus } from "@/lib/client/query-status";
import { macrosQuery, type MacroChoice } from "@/features/composer/client/reads";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

/** A "Macros" button opening a searchable list; picking one hands its template to the composer. */
export function MacroPicker({ account, onPick, disabled }: { account: string; onPick: (macro: MacroChoice) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim(), 250);
  const macros = useQuery({ ...macrosQuery(account, query), enabled: open });

  return (
    <Picker
      title="Insert a macro"
      searchLabel="Search macros"
      searchPlaceholder="Search macros…"
      listLabel="Macros"
      options={(macros.data ?? []).map((m) => ({ value: String(m.id), label: m.name, detail: m.bodyText ?? "(no text)" }))}
      onPick={(value) => {
        const macro = macros.data?.find((m) => String(m.id) === value);
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
