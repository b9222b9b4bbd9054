"use client";

import { useEffect, useState } from "react";

/**
 * The value once it has stopped changing for `ms`: searches that cost a Gorgias request (the
 * budget is shared by every agent) wait for a pause in typing.
 */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
