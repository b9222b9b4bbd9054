import type { GorgiasError } from "./errors";

export interface RetryPolicy {
  /** Retries after the first attempt (GETs only). */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 3_000 };

/** Full jitter (uniform in [0, capped exponential]): concurrent retries spread out instead of colliding. */
export function backoffMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before retrying a GET after `error` (0: at once, the budget decides when), or
 * null when it must not be retried.
 * Only idempotent reads reach this: writes are never retried here (docs/safety.md#no-blind-retry).
 */
export function retryDelayMs(error: GorgiasError, retryIndex: number, policy: RetryPolicy, random: () => number): number | null {
  if (retryIndex >= policy.maxRetries) return null;
  switch (error.kind) {
    case "rate_limited":
      // No wait of its own: the 429 paused the account's scheduler, where the retry waits in its
      // lane behind more urgent work and gives up when the pause outlasts the lane's deadline. A
      // request the scheduler itself turned away has already waited all its lane allows.
      return error.shed ? null : 0;
    case "unavailable":
    case "timeout":
      return backoffMs(retryIndex, policy, random);
    case "network":
      return error.reason === "aborted" ? null : backoffMs(retryIndex, policy, random);
    default:
      return null;
  }
}
