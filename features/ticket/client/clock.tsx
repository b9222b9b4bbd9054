"use client";

import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { CLOCK_COOKIE, serializeClock, type Clock } from "@/lib/domain/clock";

const ServerClockContext = createContext<Clock | null>(null);

/** The clock the server rendered with (from the agent's cookie), for hydration to start from. */
export function ServerClock({ clock, children }: { clock: Clock | null; children: ReactNode }) {
  return <ServerClockContext value={clock}>{children}</ServerClockContext>;
}

let browser: Clock | null = null;
// One object for the page's life: useSyncExternalStore compares snapshots by identity.
function browserClock(): Clock {
  browser ??= { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: navigator.language };
  return browser;
}

function remember(clock: Clock): void {
  const entry = `${CLOCK_COOKIE}=${serializeClock(clock)}`;
  if (document.cookie.split("; ").includes(entry)) return;
  document.cookie = `${entry}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
}

const noop = () => () => {};

/**
 * The clock to show times with: while hydrating, the server's (so the markup matches); then the
 * browser's, which is the same unless the agent moved or has no cookie yet (then null on the server).
 */
export function useClock(): Clock | null {
  const server = useContext(ServerClockContext);
  const clock = useSyncExternalStore(noop, browserClock, () => server);
  useEffect(() => remember(browserClock()), []);
  return clock;
}
