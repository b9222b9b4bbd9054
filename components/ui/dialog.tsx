"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { lazyPart } from "./lazy-part";

export interface DialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** The dialog's heading and accessible name. */
  readonly title: string;
  /** Accessible name of the close button. */
  readonly closeLabel: string;
  readonly children: ReactNode;
  readonly className?: string;
  readonly "data-testid"?: string;
}

export type DialogPopupProps = DialogProps;

const DialogPopup = lazyPart<DialogPopupProps>(() => import("./dialog-popup")).Part;

/**
 * A modal dialog (Radix: focus trapped, Esc and the close button dismiss it). Radix is fetched
 * on first open rather than with the page. Closing returns focus to whatever had it before the
 * dialog opened, also when a shortcut rather than a button opened it.
 */
export function Dialog(props: DialogProps) {
  const opener = useRef<Element | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (props.open && !wasOpen.current) opener.current = document.activeElement;
    if (!props.open && wasOpen.current && opener.current instanceof HTMLElement) opener.current.focus();
    wasOpen.current = props.open;
  }, [props.open]);
  return props.open ? <DialogPopup {...props} /> : null;
}
