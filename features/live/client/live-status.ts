/**
 * Whether this tab's live stream is connected. Lists and threads stop polling while it is (pushes
 * tell them when to re-read) and poll slowly when it is not. `stalled`: connected, but the server's
 * change feed cannot read Gorgias, so no push would come.
 */
export type LiveStatus = "off" | "live" | "down" | "stalled";

let status: LiveStatus = "off";
const listeners = new Set<() => void>();

export function setLiveStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const l of listeners) l();
}

export const liveStatus = (): LiveStatus => status;
export const isLive = (): boolean => status === "live";

export function subscribeLiveStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Polling while the stream is down: slower than the old always-on refresh, it is only a fallback. */
export const FALLBACK_POLL_MS = 30_000;

/** An interval for react-query: none while pushes arrive, the fallback otherwise. */
export const pollUnlessLive = (fallbackMs = FALLBACK_POLL_MS): number | false => (isLive() ? false : fallbackMs);
