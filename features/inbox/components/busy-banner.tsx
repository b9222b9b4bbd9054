"use client";

import { useEffect, useState } from "react";

/**
 * The calm face of a 429: the list stays as it was, this says when reads resume. Re-key it per
 * 429 so the countdown restarts.
 */
export function BusyBanner({ seconds }: { seconds: number }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    const id = window.setInterval(() => setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000))), 250);
    return () => window.clearInterval(id);
  }, [seconds]);
  return (
    <p
      role="status"
      data-testid="busy-banner"
      className="flex items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-amber-500" />
      {left > 0 ? `Gorgias is busy, resuming in ${left} s. What you see is kept.` : "Gorgias is busy, resuming…"}
    </p>
  );
}
