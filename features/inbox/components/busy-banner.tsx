"use client";

import { useEffect, useState } from "react";

/** Seconds left until `seconds` from mount; re-key the caller per failure so it restarts. */
function useCountdown(seconds: number): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    const id = window.setInterval(() => setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000))), 250);
    return () => window.clearInterval(id);
  }, [seconds]);
  return left;
}

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/**
 * The calm face of a pause in reads: the list stays as it was, this says why and when reads resume.
 * `busy`: a 429, resumed when Gorgias said. `unreachable`: Gorgias (or the Desk) did not answer,
 * asked again with a backoff; `since` is when the list on screen was read. Re-key it per failure
 * so the countdown restarts.
 */
export function BusyBanner({ seconds, kind = "busy", since }: { seconds: number; kind?: "busy" | "unreachable"; since?: number }) {
  const left = useCountdown(seconds);
  const when = left > 0 ? `in ${left} s` : "now";
  const text =
    kind === "busy"
      ? left > 0
        ? `Gorgias is busy, resuming in ${left} s. What you see is kept.`
        : "Gorgias is busy, resuming…"
      : `Gorgias cannot be reached. ${since ? `The list is as of ${time(since)}; ` : ""}trying again ${when}.`;
  return (
    <p
      role="status"
      data-testid={kind === "busy" ? "busy-banner" : "outage-banner"}
      className="flex items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-amber-500" />
      {text}
    </p>
  );
}

/** Nothing to show yet and Gorgias cannot be reached: says so, and asks again by itself. */
export function OutagePanel({ seconds, onRetry }: { seconds: number; onRetry: () => void }) {
  const left = useCountdown(seconds);
  useEffect(() => {
    const id = window.setTimeout(onRetry, seconds * 1000);
    return () => window.clearTimeout(id);
  }, [seconds, onRetry]);
  return (
    <div role="status" data-testid="outage-panel" className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-16 text-center">
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">Gorgias cannot be reached right now</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Your tickets will show as soon as it answers. {left > 0 ? `Trying again in ${left} s.` : "Trying again…"}
      </p>
      <button type="button" className="text-sm font-medium underline" onClick={onRetry}>
        Try now
      </button>
    </div>
  );
}
