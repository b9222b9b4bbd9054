"use client";

import { X } from "lucide-react";
import { variableLabel } from "@/lib/domain/macro-template";

/** "Fill or remove: Order number": each chip selects the token to type over, or removes it. */
export function UnfilledChips({ paths, onSelect, onRemove, id }: {
  paths: readonly string[];
  onSelect: (path: string) => void;
  onRemove: (path: string) => void;
  id: string;
}) {
  if (paths.length === 0) return null;
  return (
    <div id={id} className="flex flex-wrap items-center gap-1.5 text-xs" data-testid="unfilled-variables">
      <span className="font-medium text-red-700 dark:text-red-300">Fill or remove before sending:</span>
      {paths.map((p) => {
        const label = variableLabel(p);
        return (
          <span key={p} className="inline-flex items-center rounded-full border border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            <button type="button" className="rounded-l-full py-0.5 pr-1 pl-2 hover:underline" onClick={() => onSelect(p)} title={`{{${p}}}`}>
              {label}
            </button>
            <button type="button" className="inline-flex items-center self-stretch rounded-r-full px-1.5 hover:bg-red-100 dark:hover:bg-red-900" aria-label={`Remove ${label}`} onClick={() => onRemove(p)}>
              <X aria-hidden size={12} />
            </button>
          </span>
        );
      })}
    </div>
  );
}
