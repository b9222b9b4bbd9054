"use client";

import { useSyncExternalStore } from "react";
import { useLiveDesk } from "../client/use-live-desk";
import { liveStatus, subscribeLiveStatus } from "../client/live-status";

/**
 * Mounted once per signed-in page: keeps the tab's live stream open, and says whether changes
 * arrive live (for screen readers and tests; the lists themselves show the changes).
 */
export function LiveDesk({ account }: { account: string }) {
  useLiveDesk(account);
  const status = useSyncExternalStore(subscribeLiveStatus, liveStatus, () => "off" as const);
  return (
    <span className="sr-only" data-testid="live-status" data-status={status}>
      {status === "live"
        ? "Changes arrive live."
        : status === "down"
          ? "Live updates are paused; checking every 30 seconds."
          : status === "stalled"
            ? "Gorgias's changes cannot be read right now; checking every 30 seconds."
            : ""}
    </span>
  );
}
