"use client";

import { useEffect, useRef } from "react";
import { matchesShortcut, type ShortcutId } from "./shortcuts";

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

/** Keys pressed in a dialog or popup (the `?` help, a picker) are that dialog's, not the page's. */
function insideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}

/**
 * Binds one shortcut of the registry on the window for as long as the component is mounted.
 * It never fires while the agent types in a field, so a shortcut cannot eat text, inside a dialog,
 * nor after something else (a popup's Escape, a list's Enter) has handled the key. A chord with
 * Ctrl/⌘ types nothing, so one may ask to work in fields too (`whileTyping`: Mod+K).
 */
export function useShortcut(
  id: ShortcutId,
  handler: (event: KeyboardEvent) => void,
  { enabled = true, whileTyping = false }: { enabled?: boolean; whileTyping?: boolean } = {},
): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if (!matchesShortcut(id, event) || (!whileTyping && isTypingTarget(event.target)) || insideDialog(event.target)) return;
      event.preventDefault();
      handlerRef.current(event);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [id, enabled, whileTyping]);
}
