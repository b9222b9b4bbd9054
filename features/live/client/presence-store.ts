import type { PresenceState, PresenceUpdate } from "@/lib/domain/presence";

/** A colleague on a ticket, as this tab shows them (never the tab's own agent: the server leaves them out). */
export interface Colleague {
  readonly userId: number;
  readonly name: string;
  readonly state: PresenceState;
}

const NOBODY: readonly Colleague[] = [];
let byTicket = new Map<number, readonly Colleague[]>();
const listeners = new Set<() => void>();

const byName = (a: Colleague, b: Colleague) => a.name.localeCompare(b.name) || a.userId - b.userId;

/**
 * Who is on which ticket, from the tab's live stream: a `full` update replaces everything, a change
 * replaces its colleague's entry on its ticket. Tickets left untouched keep their list (same
 * reference), so only rows whose presence changed re-render.
 */
export function applyPresence(update: PresenceUpdate): void {
  const next = update.full ? new Map<number, readonly Colleague[]>() : new Map(byTicket);
  for (const e of update.entries) {
    const others = (next.get(e.ticketId) ?? NOBODY).filter((c) => c.userId !== e.userId);
    const list = e.state === null ? others : [...others, { userId: e.userId, name: e.name, state: e.state }].sort(byName);
    if (list.length > 0) next.set(e.ticketId, list);
    else next.delete(e.ticketId);
  }
  byTicket = next;
  for (const l of listeners) l();
}

/** The stream dropped: what it said may no longer be true, and its reconnect brings a full update. */
export function clearPresence(): void {
  if (byTicket.size === 0) return;
  byTicket = new Map();
  for (const l of listeners) l();
}

export const colleaguesOn = (ticketId: number): readonly Colleague[] => byTicket.get(ticketId) ?? NOBODY;
export const nobody = (): readonly Colleague[] => NOBODY;

export function subscribePresence(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
