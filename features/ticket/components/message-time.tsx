"use client";

import { useClock } from "@/features/ticket/client/clock";
import { formatMessageTime } from "@/lib/domain/clock";

// Holds the time's place, unseen, on the one render that knows no time zone (a first visit).
const PLACEHOLDER = "Jan 00, 00:00 AM";

/** In the agent's own time zone and locale from the first paint on (lib/domain/clock.ts). */
export function MessageTime({ at }: { at: string | null }) {
  const clock = useClock();
  if (!at) return null;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  if (clock === null) {
    return (
      <time dateTime={at} aria-hidden className="invisible tabular-nums">
        {PLACEHOLDER}
      </time>
    );
  }
  const { short, long } = formatMessageTime(date, clock);
  return (
    <time dateTime={at} title={long} className="tabular-nums">
      {short}
    </time>
  );
}
