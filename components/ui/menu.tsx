"use client";

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { useHeldKeys } from "./held-keys";
import { lazyPart } from "./lazy-part";

export interface MenuPopupProps {
  readonly id: string;
  readonly anchor: RefObject<HTMLButtonElement | null>;
  /** The popup's accessible name. */
  readonly title: string;
  readonly align?: "start" | "end";
  readonly popupClassName?: string;
  readonly onClose: (returnFocus: boolean) => void;
  /** The popup's body; `close` ends it after an action (focus goes back to the trigger). */
  readonly content: (close: () => void) => ReactNode;
  readonly "data-testid"?: string;
}

export interface MenuProps extends Omit<MenuPopupProps, "id" | "anchor" | "onClose" | "data-testid"> {
  /** Controlled by the caller (a shortcut opens it); uncontrolled without. */
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  /** The trigger button's content and classes. */
  readonly children: ReactNode;
  readonly className: string;
  readonly disabled?: boolean;
  readonly "aria-keyshortcuts"?: string;
  readonly "aria-label"?: string;
  readonly "data-testid"?: string;
  readonly popupTestId?: string;
}

const popup = lazyPart<MenuPopupProps>(() => import("./menu-popup"));
const MenuPopup = popup.Part;
const preload = () => void popup.preload().catch(() => {});

/**
 * A button that opens a small panel of actions (a Radix Popover): Tab moves through them, Escape
 * closes and gives focus back to the button, a click outside closes. Like `Picker`, the popup's
 * code is fetched when the pointer or focus reaches the button, not with the page, and keys typed
 * before it arrives do not reach the page.
 */
export function Menu({ open: controlledOpen, onOpenChange, children, className, disabled, "aria-keyshortcuts": keyShortcuts, "aria-label": ariaLabel, "data-testid": testId, popupTestId, ...popupProps }: MenuProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const ready = popup.useReady(open);
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const id = useId();
  // The menu has no search box: keys typed before it loads are only kept from the page's
  // shortcuts ("c" after "b" must not close the ticket), and Escape still closes it.
  useHeldKeys(open && !ready, () => {}, () => close(true));

  function setOpen(next: boolean) {
    if (controlledOpen === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  }
  function close(returnFocus: boolean) {
    refocus.current = returnFocus;
    setOpen(false);
  }
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
        aria-label={ariaLabel}
        data-testid={testId}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {children}
      </button>
      {open && <MenuPopup {...popupProps} id={id} anchor={trigger} onClose={close} data-testid={popupTestId} />}
    </>
  );
}
