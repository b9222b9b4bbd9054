import { parseLocalDraft, type LocalDraftState } from "./drafts";

/*
 * Drafts on this device, written on every keystroke so nothing typed is lost offline, during a
 * Gorgias outage or across a reload. A documented choice (docs/safety.md#drafts): the text
 * stays in localStorage, keyed per agent, until its send is confirmed; it is the agent's own
 * unsent reply, and losing it is the failure users remember.
 */

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Blocked storage (privacy modes) must not break the composer: the server copy remains.
    return null;
  }
}

export function readLocalDraft(key: string): LocalDraftState {
  return parseLocalDraft(storage()?.getItem(key) ?? null);
}

/** False when the browser refused (quota, privacy mode): the caller says "not saved on this device". */
export function writeLocalDraft(key: string, state: LocalDraftState): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(key, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}
