"use client";

import { useEffect, useState } from "react";

/** The clock the list's ages are measured against; ticks each half minute so "now" becomes "1m". */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}
