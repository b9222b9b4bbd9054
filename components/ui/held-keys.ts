"use client";

import { useEffect, useRef } from "react";

type HeldKey = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "preventDefault" | "stopPropagation">;

/**
 * The keydown listener (capture phase) of a popup whose code is still on its way: a printable key
 * goes to `onKey` and Escape to `onEscape`, and neither reaches the page's shortcuts ("c" typed
 * just after opening a menu must not close the ticket). Other keys (Tab, arrows) pass.
 */
export function heldKeysListener(onKey: (key: string) => void, onEscape: () => void): (event: HeldKey) => void {
  return (event) => {
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (!printable && event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    if (printable) onKey(event.key);
    else onEscape();
  };
}

/** Holds the keys typed while `active` (open, popup not loaded yet): see `heldKeysListener`. */
export function useHeldKeys(active: boolean, onKey: (key: string) => void, onEscape: () => void): void {
  const handlers = useRef({ onKey, onEscape });
  useEffect(() => {
    handlers.current = { onKey, onEscape };
  });
  useEffect(() => {
    if (!active) return;
    const listener = heldKeysListener(
      (key) => handlers.current.onKey(key),
      () => handlers.current.onEscape(),
    );
    window.addEventListener("keydown", listener, true);
    return () => window.removeEventListener("keydown", listener, true);
  }, [active]);
}
