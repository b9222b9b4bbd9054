"use client";

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { useHeldKeys } from "./held-keys";
import { lazyPart } from "./lazy-part";

export interface PickerOption {
  readonly value: string;
  readonly label: string;
  /** A second line or column: an e-mail, a macro's text. */
  readonly detail?: string;
  /** A heading the option is listed under ("Suggested"); options of one group are consecutive. */
  readonly group?: string;
}

export interface PickerListProps {
  /** The popup's accessible name (it is a dialog holding a search box and a list). */
  readonly title: string;
  readonly searchLabel: string;
  readonly searchPlaceholder?: string;
  readonly listLabel: string;
  readonly options: readonly PickerOption[];
  /** The value in effect now, marked in the list and highlighted when it opens. */
  readonly current?: string | null;
  readonly onPick: (value: string) => void;
  /**
   * Given, the options are the server's answer to this search (debounced by the caller) and are
   * not filtered again here; otherwise typing filters them by label and detail.
   */
  readonly onSearchChange?: (search: string) => void;
  /** Shown instead of the list while options load, e.g. "Loading macros…". */
  readonly loading?: string | null;
  readonly error?: string | null;
  readonly emptyText?: string;
  /** Label and detail on two lines (long texts) rather than side by side. */
  readonly stacked?: boolean;
  readonly side?: "top" | "bottom";
  readonly align?: "start" | "end";
  readonly popupClassName?: string;
}

export interface PickerProps extends PickerListProps {
  /** Controlled by the caller (e.g. a shortcut opens it); uncontrolled without. */
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  /** The trigger button's content and classes. */
  readonly children: ReactNode;
  readonly className: string;
  readonly disabled?: boolean;
  readonly "aria-keyshortcuts"?: string;
  readonly "data-testid"?: string;
}

export interface PickerPopupProps extends PickerListProps {
  readonly id: string;
  readonly anchor: RefObject<HTMLButtonElement | null>;
  /** What the agent typed while the popup was still loading. */
  readonly initialSearch: string;
  readonly onClose: (returnFocus: boolean) => void;
}

const popup = lazyPart<PickerPopupProps>(() => import("./picker-popup"));
const PickerPopup = popup.Part;
const preload = () => void popup.preload().catch(() => {});

/**
 * A button that opens a searchable list (Radix Popover + cmdk): arrows move, Enter picks, Escape
 * closes and gives focus back to the button, a click outside closes. The popup's code is fetched
 * when the pointer or focus reaches the button, not with the page.
 */
export function Picker({ open: controlledOpen, onOpenChange, children, className, disabled, "aria-keyshortcuts": keyShortcuts, "data-testid": testId, ...list }: PickerProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const ready = popup.useReady(open);
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const id = useId();
  const typeAhead = useTypeAhead(open && !ready, () => close(true));

  function setOpen(next: boolean) {
    if (controlledOpen === undefined) setOwnOpen(next);
    onOpenChange?.(next);
    if (!next) {
      list.onSearchChange?.("");
      typeAhead.clear();
    }
  }
  function close(returnFocus: boolean) {
    refocus.current = returnFocus;
    setOpen(false);
  }
  // Once the popup is gone, so that its own focus handling cannot take focus back.
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [open]);

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open && ready ? id : undefined}
        aria-keyshortcuts={keyShortcuts}
        data-testid={testId}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {children}
      </button>
      {open && <PickerPopup {...list} id={id} anchor={trigger} initialSearch={typeAhead.typed} onClose={close} />}
    </>
  );
}

/**
 * While the popup's code is still on its way, keys typed for its search box are kept for it
 * (and kept from the page's shortcuts: "e" typed after "a" must not close the ticket).
 */
function useTypeAhead(active: boolean, onEscape: () => void): { typed: string; clear: () => void } {
  const [typed, setTyped] = useState("");
  useHeldKeys(active, (key) => setTyped((t) => t + key), onEscape);
  return { typed, clear: () => setTyped("") };
}
