"use client";

import { Lock, Mail } from "lucide-react";
import type { KeyboardEvent } from "react";
import type { ComposerMode } from "@/features/composer/client/drafts";
import { shortcutLabel } from "@/features/shell";
import { cx } from "@/lib/utils";

// The keys come from the shortcut registry, so the hint cannot drift from the binding.
const TABS: ReadonlyArray<{ mode: ComposerMode; label: string; key: string }> = [
  { mode: "reply", label: "Reply to customer", key: shortcutLabel("reply").toUpperCase() },
  { mode: "note", label: "Internal note", key: shortcutLabel("note").toUpperCase() },
];

/** The two modes as tabs; arrow keys move between them (WAI-ARIA tabs pattern). */
export function ModeTabs({ mode, onChange, idPrefix, flagged, labels, showKeys = true }: {
  mode: ComposerMode;
  onChange: (mode: ComposerMode) => void;
  idPrefix: string;
  /** Modes with an unsent problem, so a failure in the other tab is not forgotten. */
  flagged: readonly ComposerMode[];
  labels?: Readonly<Record<ComposerMode, string>>;
  /** Only where `r` / `n` are bound (the ticket page). */
  showKeys?: boolean;
}) {
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const next = mode === "reply" ? "note" : "reply";
    onChange(next);
    document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Message type" className="flex gap-1" onKeyDown={onKeyDown}>
      {TABS.map((t) => {
        const selected = t.mode === mode;
        return (
          <button
            key={t.mode}
            id={`${idPrefix}-tab-${t.mode}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(t.mode)}
            className={cx(
              "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium transition-colors",
              selected && t.mode === "reply" && "bg-brand/10 text-brand dark:bg-brand/20 dark:text-indigo-300",
              selected && t.mode === "note" && "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
              !selected && "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
            )}
          >
            {t.mode === "reply" ? <Mail aria-hidden size={14} /> : <Lock aria-hidden size={14} />}
            {labels?.[t.mode] ?? t.label}
            {flagged.includes(t.mode) && <span className="size-1.5 rounded-full bg-red-500" aria-label="(not sent)" />}
            {showKeys && <kbd className="ml-0.5 hidden rounded border border-current/20 px-1 text-[10px] font-normal opacity-60 sm:inline">{t.key}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
