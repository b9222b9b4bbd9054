const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * The compact age a dense list shows ("now", "4m", "3h", "2d", "Mar 4", "Mar 4, 2024"). Dates are
 * in UTC so the server's first paint and the browser agree; a time in the future (clock skew
 * between Gorgias and us) reads as "now" rather than a negative age.
 */
export function relativeTime(iso: string | null, now: Date): string {
  if (iso === null) return "";
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "";
  const age = now.getTime() - at;
  if (age < MINUTE) return "now";
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`;
  if (age < DAY) return `${Math.floor(age / HOUR)}h`;
  if (age < 7 * DAY) return `${Math.floor(age / DAY)}d`;
  const date = new Date(at);
  const label = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return date.getUTCFullYear() === now.getUTCFullYear() ? label : `${label}, ${date.getUTCFullYear()}`;
}

/** The long form for a tooltip or screen reader, e.g. "2025-03-04 14:05 UTC". */
export function absoluteTime(iso: string | null): string {
  if (iso === null) return "";
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "";
  return `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
