"use client";

import { useSyncExternalStore } from "react";
import { FALLBACK_POLL_MS, liveStatus, subscribeLiveStatus } from "./live-status";

/** `refetchInterval` for a query on screen: re-evaluated as the stream comes and goes. */
export function usePollInterval(fallbackMs = FALLBACK_POLL_MS): number | false {
  const status = useSyncExternalStore(subscribeLiveStatus, liveStatus, () => "off" as const);
  return status === "live" ? false : fallbackMs;
}
