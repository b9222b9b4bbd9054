"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { cx } from "@/lib/utils";

export interface ComboboxOption {
  readonly value: string;
  readonly label: string;
  readonly detail?: string;
}

export interface ComboboxProps {
  /** Accessible name of the search field. */
  label: string;
  options: readonly ComboboxOption[];
  onSelect: (value: string) => void;
  /** Escape, or Tab out: the opener puts focus back where it belongs. */
  onDismiss: () => void;
  selected?: string | null;
  placeholder?: string;
  emptyText?: string;
  loading?: boolean;
}

const matches = (o: ComboboxOption, q: string) => !q || o.label.toLowerCase().includes(q) || (o.detail?.toLowerCase().includes(q) ?? false);

/**
 * A filterable list in the WAI-ARIA combobox pattern: focus stays in the input, arrows move the
 * active option (announced through aria-activedescendant), Enter picks it, Escape dismisses.
 */
export function Combobox({ label, options, onSelect, onDismiss, selected, placeholder, emptyText = "No matches", loading }: ComboboxProps) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const visible = useMemo(() => options.filter((o) => matches(o, query.trim().toLowerCase())), [options, query]);
  const current = Math.min(active, Math.max(visible.length - 1, 0));
  const optionId = (i: number) => `${id}-opt-${i}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(visible.length === 0 ? 0 : (current + step + visible.length) % visible.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = visible[current];
      if (option) onSelect(option.value);
    } else if (event.key === "Escape") {
      // Handled here so page-level Escape (back to the inbox) does not also fire.
      event.preventDefault();
      event.stopPropagation();
      onDismiss();
    } else if (event.key === "Tab") {
      onDismiss();
    }
  }

  return (
    <div className="flex flex-col">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={visible.length > 0 ? optionId(current) : undefined}
        autoFocus
        value={query}
        placeholder={placeholder}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="h-9 w-full border-b border-zinc-200 bg-transparent px-3 text-sm text-zinc-900 placeholder:text-zinc-500 focus:outline-none dark:border-zinc-700 dark:text-zinc-100 dark:placeholder:text-zinc-400"
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="max-h-64 overflow-y-auto py-1">
        {loading && <li className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">Loading…</li>}
        {!loading && visible.length === 0 && <li className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">{emptyText}</li>}
        {visible.map((option, i) => (
          <li
            key={option.value}
            id={optionId(i)}
            role="option"
            aria-selected={option.value === selected}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => onSelect(option.value)}
            className={cx(
              "flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5 text-sm",
              i === current ? "bg-zinc-100 dark:bg-zinc-800" : "",
              option.value === selected ? "font-medium text-brand dark:text-indigo-300" : "text-zinc-800 dark:text-zinc-200",
            )}
          >
            <span className="truncate">{option.label}</span>
            {option.detail && <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">{option.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
