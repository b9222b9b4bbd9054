"use client";

import { useEffect, useRef, useState } from "react";
import { useShortcut } from "@/features/shell";
import { lazyPart } from "@/components/ui/lazy-part";
import { whenIdle } from "@/lib/client/when-idle";
import type { SearchPalettePopupProps } from "./search-palette-popup";

const Popup = lazyPart<SearchPalettePopupProps>(() => import("./search-palette-popup"));

/**
 * Mod+K anywhere in the account's pages, also while typing in a field (a Ctrl/⌘ chord types
 * nothing): a palette that finds tickets and customers and goes to views, a new ticket or the
 * shortcuts. Its code (cmdk, Radix) arrives on the first Mod+K, or sooner when the page is idle.
 */
export function SearchPalette({ account }: { account: string }) {
  const [open, setOpen] = useState(false);
  // Fetched once the page is idle, so the first Mod+K opens at once (not part of first-load JS).
  useEffect(() => whenIdle(() => void Popup.preload().catch(() => {})), []);
  const opener = useRef<Element | null>(null);
  useShortcut(
    "search",
    () => {
      opener.current = document.activeElement;
      setOpen(true);
    },
    { whileTyping: true },
  );
  const close = (restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus && opener.current instanceof HTMLElement) opener.current.focus();
  };
  return open ? <Popup.Part account={account} onClose={close} /> : null;
}
