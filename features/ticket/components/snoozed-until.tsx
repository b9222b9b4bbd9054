"use client";

import { useClock } from "@/features/ticket/client/clock";
import { wakeLabel } from "@/lib/domain/snooze";

/**
 * "Tue 09:00": when a snoozed ticket wakes, on the agent's clock (the server's copy of it while
 * hydrating, so the markup matches).
 */
export function useWakeLabel(until: string, now: Date): string {
  const timeZone = useClock()?.timeZone ?? "UTC";
  return wakeLabel(until, now, timeZone);
}

/** "Snoozed until Tue 09:00", for a list row or the ticket's header. */
export function SnoozedUntil({ until, now, className }: { until: string; now: Date; className?: string }) {
  const label = useWakeLabel(until, now);
  return (
    <span className={className} title={new Date(until).toISOString()} data-testid="snoozed-until" suppressHydrationWarning>
      Snoozed until {label}
    </span>
  );
}
