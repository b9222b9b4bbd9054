"use client";

import { useHydrated } from "@/features/ticket/client/use-client-env";

const FORMAT: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };

/** Local time once hydrated; the UTC stamp before (server and browser may not share a timezone). */
export function MessageTime({ at }: { at: string | null }) {
  const hydrated = useHydrated();
  if (!at) return null;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <time dateTime={at} title={hydrated ? date.toLocaleString() : at} className="tabular-nums">
      {hydrated ? date.toLocaleString(undefined, FORMAT) : `${at.slice(0, 16).replace("T", " ")} UTC`}
    </time>
  );
}
