"use client";

import { useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { lazyPart } from "./lazy-part";
import type { PickerOption } from "./picker";
import { TextField, type TextFieldProps } from "./text-field";

export interface ComboboxFieldProps extends Omit<TextFieldProps, "value" | "onChange" | "role" | "onKeyDown" | "onFocus" | "onBlur" | "ref"> {
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Matches for what is typed, fetched by the caller; none means no list. */
  readonly suggestions: readonly PickerOption[];
  readonly onPick: (value: string) => void;
  readonly listLabel: string;
  /** Suggestions are worth fetching only while the field has focus. */
  readonly onFocusChange?: (focused: boolean) => void;
}

export interface ComboboxPopupProps {
  readonly anchor: RefObject<HTMLInputElement | null>;
  readonly listLabel: string;
  readonly options: readonly PickerOption[];
  readonly active: string | null;
  readonly onActiveChange: (value: string) => void;
  readonly onPick: (value: string) => void;
  readonly onDismiss: () => void;
  /** The listbox's id and its highlighted option's, for the field's ARIA. */
  readonly onIds: (ids: { list: string | null; active: string | null }) => void;
}

const popup = lazyPart<ComboboxPopupProps>(() => import("./combobox-popup"));
const ComboboxPopup = popup.Part;
const preload = () => void popup.preload().catch(() => {});

/**
 * A text field with suggestions under it (WAI-ARIA combobox, list autocomplete): what is typed
 * stays the value until the agent picks a suggestion with the arrows and Enter, or a click; Escape
 * or a click elsewhere hides them. Enter with nothing highlighted is the form's, as in any field.
 * Focus never leaves the field, so the keys are handled here and the list (Radix Popover + cmdk,
 * loaded when the field is first approached) only shows them.
 */
export function ComboboxField({ value, onValueChange, suggestions, onPick, listLabel, onFocusChange, ...field }: ComboboxFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [activeChoice, setActive] = useState<string | null>(null);
  const [ids, setIds] = useState<{ list: string | null; active: string | null }>({ list: null, active: null });
  const active = suggestions.some((s) => s.value === activeChoice) ? activeChoice : null;
  const open = focused && !dismissed && suggestions.length > 0;
  const shown = popup.useReady(focused) && open;

  function focus(next: boolean) {
    setFocused(next);
    onFocusChange?.(next);
    if (!next) setActive(null);
  }
  function dismiss() {
    setDismissed(true);
    setActive(null);
  }
  function pick(next: string) {
    onPick(next);
    dismiss();
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && suggestions.length > 0) {
      event.preventDefault();
      setDismissed(false);
      const at = suggestions.findIndex((s) => s.value === active);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at === -1 ? (step === 1 ? 0 : suggestions.length - 1) : Math.min(Math.max(at + step, 0), suggestions.length - 1);
      setActive(suggestions[next]?.value ?? null);
    } else if (event.key === "Enter" && open && active !== null) {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      dismiss();
    }
  }

  return (
    <div className="relative" onPointerEnter={preload}>
      <TextField
        {...field}
        ref={input}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
          setDismissed(false);
          setActive(null);
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={shown ? (ids.list ?? undefined) : undefined}
        aria-activedescendant={shown ? (ids.active ?? undefined) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => focus(true)}
        onBlur={() => focus(false)}
      />
      {shown && (
        <ComboboxPopup
          anchor={input}
          listLabel={listLabel}
          options={suggestions}
          active={active}
          onActiveChange={setActive}
          onPick={pick}
          onDismiss={dismiss}
          onIds={setIds}
        />
      )}
    </div>
  );
}
