import type { CallLimit } from "@/lib/domain/account";

/**
 * The account's request budget (docs/safety.md#shared-budget). Gorgias meters API-key traffic per account
 * with a leaky bucket (40 requests / 20 s), shared by every agent, so all clients of one
 * account share one scheduler: higher lanes go first, lower lanes keep a reserve free for
 * them, and a 429 pauses everyone for `Retry-After`.
 *
 * The registry is per process; several server instances each keep their own estimate and
 * correct it from `X-Gorgias-Account-Api-Call-Limit`, which counts everyone's calls.
 */

/** Lanes in order: sends and notes, status/assign writes, the ticket on screen, list refresh, prefetch. */
export const PRIORITIES = ["send", "write", "read", "refresh", "prefetch"] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Looked up at call time so test fake timers apply.
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Free slots a lane needs before it may start; lower lanes leave room for higher ones. */
export const DEFAULT_MIN_FREE: Readonly<Record<Priority, number>> = { send: 1, write: 2, read: 4, refresh: 8, prefetch: 12 };

export interface BudgetOptions {
  readonly capacity?: number;
  readonly windowMs?: number;
  readonly minFree?: Partial<Record<Priority, number>>;
  readonly clock?: Clock;
  /** How long to hold everything after a 429 without `Retry-After`. */
  readonly defaultPauseSeconds?: number;
}

/** Thrown by `acquire` for a prefetch that would have to wait: prefetching is only worth it when it is free. */
export class BudgetShedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("prefetch shed: the account budget is low");
    this.name = "BudgetShedError";
  }
}

interface Waiter {
  readonly priority: Priority;
  readonly seq: number;
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly cleanup: () => void;
}

export interface BudgetSnapshot {
  readonly capacity: number;
  /** Estimated requests currently in the bucket. */
  readonly level: number;
  readonly pausedForMs: number;
  readonly waiting: Readonly<Record<Priority, number>>;
  readonly lastCallLimit: CallLimit | null;
}

export class BudgetScheduler {
  private capacity: number;
  private readonly windowMs: number;
  private readonly minFree: Record<Priority, number>;
  private readonly clock: Clock;
  private readonly defaultPauseSeconds: number;
  private level = 0;
  private levelAt: number;
  private pausedUntil = 0;
  private queue: Waiter[] = [];
  private timer: unknown = null;
  private seq = 0;
  private lastLimit: CallLimit | null = null;
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(options: BudgetOptions = {}) {
    this.capacity = options.capacity ?? 40;
    this.windowMs = options.windowMs ?? 20_000;
    this.minFree = { ...DEFAULT_MIN_FREE, ...options.minFree };
    this.clock = options.clock ?? systemClock;
    this.defaultPauseSeconds = options.defaultPauseSeconds ?? 5;
    this.levelAt = this.clock.now();
  }

  /** Resolves when the lane may send one request, counting it against the budget. */
  acquire(priority: Priority, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.queue.length === 0 && this.canStart(priority)) {
      this.take();
      return Promise.resolve();
    }
    if (priority === "prefetch") return Promise.reject(new BudgetShedError(Math.ceil(this.waitMs(priority) / 1000)));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.queue = this.queue.filter((w) => w !== waiter);
        reject(signal?.reason);
        this.schedule();
      };
      const waiter: Waiter = {
        priority,
        seq: this.seq++,
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener("abort", onAbort),
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
      this.queue.sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || a.seq - b.seq);
      this.pump();
    });
  }

  /** Folds in the account-wide count Gorgias reports: other agents' calls are only visible here. */
  observe(limit: CallLimit): void {
    this.drain();
    this.lastLimit = limit;
    this.capacity = limit.limit;
    this.level = Math.max(this.level, Math.min(limit.used, limit.limit));
    this.pump();
  }

  /** After a 429 every lane waits; an unknown wait falls back to a short default. */
  pause(retryAfterSeconds: number | null): void {
    this.drain();
    const until = this.clock.now() + (retryAfterSeconds ?? this.defaultPauseSeconds) * 1000;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.level = this.capacity;
    this.pump();
  }

  /** Runs `fn` once for all concurrent callers with the same key (identical GETs, same credentials). */
  coalesce<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const existing = this.inflight.get(key);
    if (existing) return existing as Promise<T>;
    const run = fn().finally(() => this.inflight.delete(key));
    this.inflight.set(key, run);
    return run;
  }

  lastCallLimit(): CallLimit | null {
    return this.lastLimit;
  }

  snapshot(): BudgetSnapshot {
    this.drain();
    const waiting = Object.fromEntries(PRIORITIES.map((p) => [p, this.queue.filter((w) => w.priority === p).length])) as Record<Priority, number>;
    return {
      capacity: this.capacity,
      level: this.level,
      pausedForMs: Math.max(0, this.pausedUntil - this.clock.now()),
      waiting,
      lastCallLimit: this.lastLimit,
    };
  }

  private drain(): void {
    const now = this.clock.now();
    const leaked = ((now - this.levelAt) * this.capacity) / this.windowMs;
    this.level = Math.max(0, this.level - leaked);
    this.levelAt = now;
  }

  private canStart(priority: Priority): boolean {
    this.drain();
    if (this.clock.now() < this.pausedUntil) return false;
    return this.capacity - this.level >= Math.min(this.minFree[priority], this.capacity);
  }

  private waitMs(priority: Priority): number {
    this.drain();
    const pause = Math.max(0, this.pausedUntil - this.clock.now());
    const needed = this.level - (this.capacity - Math.min(this.minFree[priority], this.capacity));
    const leak = needed > 0 ? (needed * this.windowMs) / this.capacity : 0;
    return Math.max(pause, leak);
  }

  private take(): void {
    this.level += 1;
  }

  // Strict priority: lanes' reserves are monotonic, so if the head cannot start, nobody behind it can.
  private pump(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      if (!head || !this.canStart(head.priority)) break;
      this.queue.shift();
      this.take();
      head.cleanup();
      head.resolve();
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    const head = this.queue[0];
    if (!head) return;
    const wait = Math.max(1, Math.ceil(this.waitMs(head.priority)));
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.pump();
    }, wait);
  }
}

const registry = new Map<string, BudgetScheduler>();

/** The one scheduler for an account, keyed by its resolved base URL. */
export function budgetFor(accountKey: string, options?: BudgetOptions): BudgetScheduler {
  let budget = registry.get(accountKey);
  if (!budget) {
    budget = new BudgetScheduler(options);
    registry.set(accountKey, budget);
  }
  return budget;
}

/** Tests only: forget every account's scheduler. */
export function resetBudgets(): void {
  registry.clear();
}
