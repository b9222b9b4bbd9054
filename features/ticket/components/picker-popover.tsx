"use client";

import { ChevronDown } from "lucide-react";
import { useEffect, useRef } from "react";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { cx } from "@/lib/utils";

export interface PickerPopoverProps {
  /** "Assignee", "Team": the field's name, shown and announced with its value. */
  field: string;
  value: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  options: readonly ComboboxOption[];
  selected: string | null;
  onSelect: (value: string) => void;
  disabled?: boolean;
  loading?: boolean;
  shortcut?: string;
  testId?: string;
}

/** A field-like button that opens a searchable list under it. */
export function PickerPopover({ field, value, open, onOpenChange, options, selected, onSelect, disabled, loading, shortcut, testId }: PickerPopoverProps) {
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener("mousedown", onPointer);
    return () => document.removeEventListener("mousedown", onPointer);
  }, [open, onOpenChange]);

  const close = () => {
    onOpenChange(false);
    trigger.current?.focus();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        disabled={disabled}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-keyshortcuts={shortcut}
        onClick={() => onOpenChange(!open)}
        data-testid={testId}
        className={cx(
          "inline-flex h-8 max-w-64 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
        )}
      >
        <span className="text-zinc-600 dark:text-zinc-400">{field}</span>
        <span className="truncate font-medium">{value}</span>
        {shortcut && (
          <kbd aria-hidden className="hidden rounded border border-zinc-300 px-1 font-mono text-[10px] text-zinc-600 sm:inline dark:border-zinc-600 dark:text-zinc-400">{shortcut.toUpperCase()}</kbd>
        )}
        <ChevronDown aria-hidden size={12} className="shrink-0 text-zinc-500" />
      </button>
      {open && (
        <div className="absolute top-full left-0 z-30 mt-1 w-72 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <Combobox
            label={`Search ${field.toLowerCase()}`}
            placeholder={`${field}…`}
            options={options}
            selected={selected}
            loading={loading}
            onDismiss={close}
            onSelect={(v) => {
              onSelect(v);
              close();
            }}
          />
        </div>
      )}
    </div>
  );
}
