"use client";

import { useSyncExternalStore } from "react";

/**
 * The agent's place in the list, per account and per tab: which list (its URL search), which row,
 * how far it was scrolled, and which ticket was opened from it. The inbox page, the list beside an
 * open ticket and the ticket's own keys all read it, so leaving a ticket lands on the same row at
 * the same scroll, and "next ticket" means the next row of the list the agent was working.
 * Kept in sessionStorage so a reload keeps it; a new tab starts fresh, as a new desk would.
 */
export interface ListPlace {
  readonly search: string;
  readonly selectedId: number | null;
  readonly scrollTop: number;
  /** The ticket opened from this list (click, Enter, j/k), so moving on after a send follows it. */
  readonly openedFromList: number | null;
}

const EMPTY: ListPlace = { search: "", selectedId: null, scrollTop: 0, openedFromList: null };
const places = new Map<string, ListPlace>();
const listeners = new Set<() => void>();
const storageKey = (account: string) => `gorgias-desk.place.${account}`;

const id = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : null);

/** What storage held, field by field: anything unreadable falls back to the empty place's value. */
export function parsePlace(raw: string | null): ListPlace {
  if (raw === null) return EMPTY;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return EMPTY;
    const r = v as Record<string, unknown>;
    return {
      search: typeof r.search === "string" && r.search.length <= 2_000 && (r.search === "" || r.search.startsWith("?")) ? r.search : "",
      selectedId: id(r.selectedId),
      scrollTop: typeof r.scrollTop === "number" && Number.isFinite(r.scrollTop) && r.scrollTop >= 0 ? r.scrollTop : 0,
      openedFromList: id(r.openedFromList),
    };
  } catch {
    return EMPTY;
  }
}

function stored(account: string): ListPlace {
  try {
    return parsePlace(window.sessionStorage.getItem(storageKey(account)));
  } catch {
    // Storage off (private mode, quota) or unreadable: a fresh place, never an error.
    return EMPTY;
  }
}

export function readPlace(account: string): ListPlace {
  if (typeof window === "undefined") return EMPTY;
  let place = places.get(account);
  if (!place) {
    place = stored(account);
    places.set(account, place);
  }
  return place;
}

function persist(account: string): void {
  try {
    window.sessionStorage.setItem(storageKey(account), JSON.stringify(readPlace(account)));
  } catch {
    // Out of quota: the place still holds for this page's life.
  }
}

// Scrolling writes often, so its writes are gathered; a page being left writes what is pending.
const pendingScroll = new Set<string>();
let scrollTimer: ReturnType<typeof setTimeout> | null = null;
function flushScroll(): void {
  if (scrollTimer !== null) clearTimeout(scrollTimer);
  scrollTimer = null;
  for (const account of pendingScroll) persist(account);
  pendingScroll.clear();
}
if (typeof window !== "undefined") window.addEventListener("pagehide", flushScroll);

/**
 * Changes the place. Which list, row or ticket is written at once (a full page load may follow at
 * any moment); the scroll within a short while. Listeners hear of row and list changes, never of
 * scrolling (which is hot).
 */
export function updatePlace(account: string, patch: Partial<ListPlace>): void {
  const before = readPlace(account);
  const next = { ...before, ...patch };
  if (next.search !== before.search && patch.scrollTop === undefined) next.scrollTop = 0;
  places.set(account, next);
  const onlyScroll = next.search === before.search && next.selectedId === before.selectedId && next.openedFromList === before.openedFromList;
  if (onlyScroll) {
    pendingScroll.add(account);
    scrollTimer ??= setTimeout(flushScroll, 150);
    return;
  }
  persist(account);
  for (const l of listeners) l();
}

function subscribePlace(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The place as a render input; the server (and hydration) render the empty place. */
export function usePlace(account: string): ListPlace {
  return useSyncExternalStore(
    subscribePlace,
    () => readPlace(account),
    () => EMPTY,
  );
}

/** The rows either side of `id` in the list, or nulls at its ends and when it is not there. */
export function neighboursOf(ids: readonly number[], id: number): { previous: number | null; next: number | null } {
  const at = ids.indexOf(id);
  if (at === -1) return { previous: null, next: null };
  return { previous: ids[at - 1] ?? null, next: ids[at + 1] ?? null };
}
