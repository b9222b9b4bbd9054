/**
 * Snooze presets as instants, worked out on the agent's own wall clock (their browser's time zone),
 * so "tomorrow 9:00" is nine in the morning where the agent sits, across DST changes too.
 *
 * Decisions (docs/architecture.md, "Snooze"):
 * - Later today is three hours from now, rounded up to the next quarter hour. It is offered only
 *   while that still lands on the same day by 21:00; late in the evening "tomorrow" is the answer.
 * - Tomorrow is 9:00 on the next calendar day.
 * - Next week is Monday 9:00 after today (a Monday gives the Monday a week on).
 * - A chosen time must lie in the future.
 */

export type SnoozePresetId = "later-today" | "tomorrow" | "next-week";

export interface SnoozePreset {
  readonly id: SnoozePresetId;
  readonly label: string;
  /** ISO instant (UTC). */
  readonly until: string;
}

interface WallClock {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 0 Sunday … 6 Saturday. */
  readonly weekday: number;
}

const LATER_TODAY_HOURS = 3;
const LATEST_LATER_TODAY = 21 * 60;
const MORNING = 9;
const QUARTER_MS = 15 * 60_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
  };
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time in `timeZone` names. A time skipped by a spring-forward change
 * lands just after the gap (02:30 becomes 03:30); a repeated one takes its first occurrence.
 */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  const second = asUtc - offsetMinutes(first, timeZone) * 60_000;
  // Ambiguous (autumn): both readings name the wall time; the earlier is its first occurrence.
  const candidates = [first, second].filter((t) => {
    const w = wallClock(new Date(t), timeZone);
    return w.hour === hour && w.minute === minute;
  });
  return new Date(candidates.length > 0 ? Math.min(...candidates) : Math.max(first, second));
}

/** The calendar day `days` after the wall clock's day (month and year roll over). */
function addDays(w: WallClock, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function laterToday(now: Date, timeZone: string): Date | null {
  const target = new Date(Math.ceil((now.getTime() + LATER_TODAY_HOURS * 3_600_000) / QUARTER_MS) * QUARTER_MS);
  const today = wallClock(now, timeZone);
  const then = wallClock(target, timeZone);
  const sameDay = then.year === today.year && then.month === today.month && then.day === today.day;
  return sameDay && then.hour * 60 + then.minute <= LATEST_LATER_TODAY ? target : null;
}

function morningAfter(now: Date, timeZone: string, days: number): Date {
  const { year, month, day } = addDays(wallClock(now, timeZone), days);
  return zonedInstant(timeZone, year, month, day, MORNING, 0);
}

/** The presets on offer at `now` for an agent in `timeZone`, soonest first. */
export function snoozePresets(now: Date, timeZone: string): SnoozePreset[] {
  const presets: SnoozePreset[] = [];
  const later = laterToday(now, timeZone);
  if (later) presets.push({ id: "later-today", label: "Later today", until: later.toISOString() });
  presets.push({ id: "tomorrow", label: "Tomorrow", until: morningAfter(now, timeZone, 1).toISOString() });
  const weekday = wallClock(now, timeZone).weekday;
  const toMonday = ((8 - weekday) % 7) || 7;
  presets.push({ id: "next-week", label: "Next week", until: morningAfter(now, timeZone, toMonday).toISOString() });
  return presets;
}

/**
 * A `<input type="datetime-local">` value ("2026-12-01T14:30") read on the agent's wall clock;
 * null when it is not a valid time or not in the future.
 */
export function chosenSnooze(value: string, now: Date, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  const instant = zonedInstant(timeZone, year, month, day, hour, minute);
  return instant.getTime() > now.getTime() ? instant.toISOString() : null;
}

/** The `datetime-local` value for an instant on the agent's wall clock (the picker's minimum). */
export function localInputValue(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

/**
 * When a snoozed ticket wakes, as an agent reads it: "Tue 09:00" within the coming week (today's
 * weekday means today), "3 Dec 09:00" further out, with the year when it is not this one.
 */
export function wakeLabel(until: string, now: Date, timeZone: string): string {
  const at = new Date(until);
  const w = wallClock(at, timeZone);
  const today = wallClock(now, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  const time = `${p(w.hour)}:${p(w.minute)}`;
  const daysAhead = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000;
  if (daysAhead >= 0 && daysAhead < 7) return `${WEEKDAYS[w.weekday]} ${time}`;
  const month = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(w.year, w.month - 1, 1)));
  return `${w.day} ${month}${w.year === today.year ? "" : ` ${w.year}`} ${time}`;
}

/** The browser's time zone (the agent's); UTC when the runtime cannot tell. */
export function agentTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
