"use client";

import { useEffect, useRef } from "react";

/** True when a key press belongs to what the agent is typing, not to the app. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["button", "checkbox", "radio", "submit", "reset", "range", "color"].includes(type);
  }
  return false;
}

export interface ShortcutOptions {
  /** Fire even while typing (only for Escape and modified keys such as Ctrl+Enter). */
  readonly whileTyping?: boolean;
  readonly enabled?: boolean;
}

/**
 * Binds one key (e.g. "j", "?", "Escape", "mod+Enter") for as long as the component is mounted.
 * Single-key shortcuts never fire while typing or with a modifier held, so they cannot eat text.
 */
export function useShortcut(key: string, handler: (event: KeyboardEvent) => void, options: ShortcutOptions = {}): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  const { whileTyping = false, enabled = true } = options;
  useEffect(() => {
    if (!enabled) return;
    const wantsMod = key.startsWith("mod+");
    const bare = wantsMod ? key.slice(4) : key;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const mod = event.metaKey || event.ctrlKey;
      if (wantsMod !== mod || event.altKey) return;
      if (event.key !== bare) return;
      if (!whileTyping && isTypingTarget(event.target)) return;
      event.preventDefault();
      handlerRef.current(event);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [key, whileTyping, enabled]);
}
