/**
 * The agent's time zone and locale, so message times render on the server as the browser would
 * show them: no UTC first, local a moment later. The browser stores its own in a cookie
 * (features/ticket/client/clock.tsx); the server only formats with it. Not a secret.
 */
export const CLOCK_COOKIE = "desk-clock";

export interface Clock {
  readonly timeZone: string;
  readonly locale: string;
}

const TIME_ZONE = /^[A-Za-z0-9_+\-/]{1,64}$/;
const LOCALE = /^[A-Za-z0-9-]{2,40}$/;

/** A cookie value as the browser wrote it, or null when absent or not a zone and locale Intl knows. */
export function parseClock(value: string | null | undefined): Clock | null {
  if (!value) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  const [timeZone = "", locale = "", ...rest] = decoded.split("|");
  if (rest.length > 0 || !TIME_ZONE.test(timeZone) || !LOCALE.test(locale)) return null;
  try {
    const canonical = Intl.getCanonicalLocales(locale)[0];
    new Intl.DateTimeFormat(canonical, { timeZone });
    return canonical ? { timeZone, locale: canonical } : null;
  } catch {
    return null;
  }
}

export const serializeClock = (clock: Clock): string => encodeURIComponent(`${clock.timeZone}|${clock.locale}`);

const SHORT: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };
const LONG: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "long" };

/** A message's time as the thread shows it, and in full for its title. */
export function formatMessageTime(date: Date, clock: Clock): { short: string; long: string } {
  return {
    short: new Intl.DateTimeFormat(clock.locale, { ...SHORT, timeZone: clock.timeZone }).format(date),
    long: new Intl.DateTimeFormat(clock.locale, { ...LONG, timeZone: clock.timeZone }).format(date),
  };
}
