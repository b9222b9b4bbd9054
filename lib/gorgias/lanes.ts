/**
 * The budget's lanes, most urgent first: sends and notes, status/assign writes, the ticket on
 * screen, list refresh, prefetch, then sign-in checks for visitors who are not agents yet, and last
 * assistants (MCP clients acting for an agent: docs/safety.md#assistant-budget).
 */
export const PRIORITIES = ["send", "write", "read", "refresh", "prefetch", "signin", "assistant"] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Free slots a lane needs before it may start; lower lanes leave room for higher ones. Monotonic,
 * which the scheduler relies on. Sign-in checks never take the last 12 of 40: a flood of anonymous
 * visitors can only use what the team leaves. Assistants never take the last 16, so together they
 * cannot fill what an agent's click needs.
 */
export const DEFAULT_MIN_FREE: Readonly<Record<Priority, number>> = { send: 1, write: 2, read: 4, refresh: 8, prefetch: 12, signin: 12, assistant: 16 };

/**
 * How long a request may wait for the budget before it gives up as "busy" with the time to try
 * again (fails at once when the wait is known to be longer). An agent's send or write may wait
 * out a typical pause; a read gives the screen its calm busy state rather than hang; a prefetch
 * goes now or never; a visitor's sign-in check fails fast; an assistant's tool call may wait out a
 * window (its client waits longer than that for an answer).
 */
export const DEFAULT_MAX_WAIT_MS: Readonly<Record<Priority, number>> = {
  send: 15_000,
  write: 15_000,
  read: 10_000,
  refresh: 10_000,
  prefetch: 0,
  signin: 5_000,
  assistant: 20_000,
};

/** Waiters a lane may hold per process; more are turned away at once. Only visitors' sign-ins are capped. */
export const DEFAULT_MAX_QUEUED: Readonly<Record<Priority, number>> = {
  send: Infinity,
  write: Infinity,
  read: Infinity,
  refresh: Infinity,
  prefetch: Infinity,
  signin: 4,
  assistant: Infinity,
};

/**
 * The longest `Retry-After` honoured. Gorgias's bucket (40 requests / 20 s, 10 s on Enterprise)
 * drains completely within its window, so a longer wait is more than the bucket itself can
 * require (a proxy's value, a misreported date); after 30 s the next request simply asks again,
 * and a fresh 429 costs one request.
 */
export const MAX_PAUSE_SECONDS = 30;
