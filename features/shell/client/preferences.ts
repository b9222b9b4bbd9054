"use client";

import { useSyncExternalStore } from "react";
import { DEFAULT_UNDO_SEND_SECONDS, UNDO_SEND_SECONDS, type UndoSendSeconds } from "@/lib/domain/undo-send";

/**
 * The agent's own desk preferences on this device (localStorage), read field by field so a stale
 * or hand-edited value falls back to the default rather than breaking the desk.
 */
export const AFTER_DONE = ["next", "stay", "list"] as const;
/** Where the desk goes after Send, Send & Close or Close: the list's next ticket, nowhere, or the list. */
export type AfterDone = (typeof AFTER_DONE)[number];

export interface Preferences {
  readonly afterDone: AfterDone;
  /** A reply to an unassigned ticket makes it the agent's, as in Gorgias (the server decides if it applies). */
  readonly autoAssign: boolean;
  /** How long a send waits, undoable, before it goes to Gorgias (0: off; docs/safety.md#undo-send). */
  readonly undoSendSeconds: UndoSendSeconds;
}

export const DEFAULT_PREFERENCES: Preferences = { afterDone: "next", autoAssign: true, undoSendSeconds: DEFAULT_UNDO_SEND_SECONDS };
const KEY = "gorgias-desk.preferences";
const listeners = new Set<() => void>();
let cache: { raw: string | null; value: Preferences } | null = null;

export function parsePreferences(raw: string | null): Preferences {
  if (raw === null) return DEFAULT_PREFERENCES;
  try {
    const v: unknown = JSON.parse(raw);
    const r = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
    const afterDone = AFTER_DONE.find((a) => a === r.afterDone) ?? DEFAULT_PREFERENCES.afterDone;
    const autoAssign = typeof r.autoAssign === "boolean" ? r.autoAssign : DEFAULT_PREFERENCES.autoAssign;
    const undoSendSeconds = UNDO_SEND_SECONDS.find((n) => n === r.undoSendSeconds) ?? DEFAULT_PREFERENCES.undoSendSeconds;
    return { afterDone, autoAssign, undoSendSeconds };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readPreferences(): Preferences {
  const raw = storage()?.getItem(KEY) ?? null;
  if (cache?.raw !== raw) cache = { raw, value: parsePreferences(raw) };
  return cache.value;
}

export function setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
  const next = { ...readPreferences(), [key]: value };
  try {
    storage()?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Blocked storage: the choice holds until the page reloads.
    cache = { raw: cache?.raw ?? null, value: next };
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's choice applies here too.
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribe, readPreferences, () => DEFAULT_PREFERENCES);
}
