import type { CallLimit } from "@/lib/domain/account";
import { DEFAULT_MAX_QUEUED, DEFAULT_MAX_WAIT_MS, DEFAULT_MIN_FREE, MAX_PAUSE_SECONDS, PRIORITIES, type Priority } from "./lanes";
import { SharedCalls } from "./shared-calls";

export { DEFAULT_MIN_FREE, PRIORITIES, type Priority } from "./lanes";

/**
 * The account's request budget (docs/safety.md#shared-budget). Gorgias meters API-key traffic per account
 * with a leaky bucket (40 requests / 20 s), shared by every agent, so all clients of one
 * account share one scheduler: higher lanes go first, lower lanes keep a reserve free for
 * them, and a 429 pauses everyone for `Retry-After` (at most `MAX_PAUSE_SECONDS`). No request
 * waits longer than its lane allows (lanes.ts): it gives up as "busy" with the time to try again.
 *
 * One scheduler per account per process (on globalThis, so every server bundle of the process —
 * route handlers, pages, actions — shares it). Several instances share the account's bucket through
 * a `BudgetLedger` (kept in PostgreSQL): a request starts only when both this process's queue and the
 * shared ledger allow it. Without one, each process corrects its estimate from
 * `X-Gorgias-Account-Api-Call-Limit`, which counts everyone's calls.
 */

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

/**
 * The account's bucket as every instance sees it. `tryTake` counts one request if, after it,
 * `minFree` slots stay free and no pause is in force; otherwise it takes nothing and says how long
 * to wait before asking again.
 */
export interface BudgetLedger {
  tryTake(accountKey: string, bucket: { capacity: number; windowMs: number; minFree: number }): Promise<{ waitMs: number }>;
  /** A 429: every instance holds for `forMs`, and the bucket counts as full. */
  pause(accountKey: string, bucket: { capacity: number; forMs: number }): Promise<void>;
  /** Gorgias's own count: the shared level is at least this. */
  observe(accountKey: string, limit: CallLimit, windowMs: number): Promise<void>;
}

export interface BudgetOptions {
  readonly capacity?: number;
  readonly windowMs?: number;
  readonly minFree?: Partial<Record<Priority, number>>;
  readonly maxWaitMs?: Partial<Record<Priority, number>>;
  readonly maxQueued?: Partial<Record<Priority, number>>;
  readonly clock?: Clock;
  /** How long to hold everything after a 429 without `Retry-After`. */
  readonly defaultPauseSeconds?: number;
  /** The longest `Retry-After` honoured. */
  readonly maxPauseSeconds?: number;
  /** The bucket shared with other instances; `budgetFor` keeps it under the account's base URL. */
  readonly ledger?: BudgetLedger;
  readonly ledgerKey?: string;
  /** A ledger that fails (its database is down) is skipped: the local estimate still limits this process. */
  readonly onLedgerError?: (error: unknown) => void;
}

/**
 * Thrown by `acquire` when the lane would wait longer than it may, or is full; for a prefetch,
 * whenever it would wait at all (prefetching is only worth it when it is free).
 */
export class BudgetShedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly priority: Priority,
  ) {
    super(`${priority} shed: the account budget would not free up in time`);
    this.name = "BudgetShedError";
  }
}

interface Waiter {
  readonly priority: Priority;
  readonly seq: number;
  /** Clock time after which it gives up rather than wait on. */
  readonly deadline: number;
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
  private readonly maxWaitMs: Record<Priority, number>;
  private readonly maxQueued: Record<Priority, number>;
  private readonly clock: Clock;
  private readonly defaultPauseSeconds: number;
  private readonly maxPauseSeconds: number;
  private level = 0;
  private levelAt: number;
  private pausedUntil = 0;
  private queue: Waiter[] = [];
  private timer: unknown = null;
  private seq = 0;
  private lastLimit: CallLimit | null = null;
  private readonly shared = new SharedCalls();
  private readonly ledger: { readonly store: BudgetLedger; readonly accountKey: string } | undefined;
  private readonly onLedgerError: (error: unknown) => void;
  /** The head of the queue is asking the ledger; nobody else may be granted meanwhile. */
  private asking = false;
  /** The ledger said "not before" to a lane with this reserve: no point asking again sooner for it or a lower lane. */
  private sharedWait = { until: 0, minFree: 0 };

  constructor(options: BudgetOptions = {}) {
    this.capacity = options.capacity ?? 40;
    this.windowMs = options.windowMs ?? 20_000;
    this.minFree = { ...DEFAULT_MIN_FREE, ...options.minFree };
    this.maxWaitMs = { ...DEFAULT_MAX_WAIT_MS, ...options.maxWaitMs };
    this.maxQueued = { ...DEFAULT_MAX_QUEUED, ...options.maxQueued };
    this.clock = options.clock ?? systemClock;
    this.defaultPauseSeconds = options.defaultPauseSeconds ?? 5;
    this.maxPauseSeconds = options.maxPauseSeconds ?? MAX_PAUSE_SECONDS;
    this.levelAt = this.clock.now();
    this.ledger = options.ledger ? { store: options.ledger, accountKey: options.ledgerKey ?? "default" } : undefined;
    this.onLedgerError = options.onLedgerError ?? (() => undefined);
  }

  /**
   * Resolves when the lane may send one request, counting it against the budget; rejects with
   * `BudgetShedError` when it cannot start by `deadline` (at once when that is already known).
   */
  acquire(priority: Priority, signal?: AbortSignal, deadline: number = this.deadlineFor(priority)): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.ledger && this.queue.length === 0 && this.canStart(priority)) {
      this.take();
      return Promise.resolve();
    }
    const queued = this.queue.filter((w) => w.priority === priority).length;
    if (this.maxWaitMs[priority] === 0 || this.clock.now() + this.waitMs(priority) > deadline || queued >= this.maxQueued[priority]) {
      return Promise.reject(this.shed(priority));
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.queue = this.queue.filter((w) => w !== waiter);
        reject(signal?.reason);
        this.schedule();
      };
      const waiter: Waiter = {
        priority,
        seq: this.seq++,
        deadline,
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

  /** When a request of this lane starting now must give up waiting; a retry keeps its first attempt's. */
  deadlineFor(priority: Priority): number {
    return this.clock.now() + this.maxWaitMs[priority];
  }

  /** Folds in the account-wide count Gorgias reports: other agents' calls are only visible here. */
  observe(limit: CallLimit): void {
    this.drain();
    this.lastLimit = limit;
    this.capacity = limit.limit;
    this.level = Math.max(this.level, Math.min(limit.used, limit.limit));
    if (this.ledger) this.ledger.store.observe(this.ledger.accountKey, limit, this.windowMs).catch(this.onLedgerError);
    this.pump();
  }

  /**
   * After a 429 every lane waits: the account's bucket is empty, whoever drew it. An unknown wait
   * falls back to a short default, a long one to the cap. Returns the seconds honoured.
   */
  pause(retryAfterSeconds: number | null): number {
    this.drain();
    const seconds = Math.min(retryAfterSeconds ?? this.defaultPauseSeconds, this.maxPauseSeconds);
    const until = this.clock.now() + seconds * 1000;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.level = this.capacity;
    if (this.ledger) {
      const bucket = { capacity: this.capacity, forMs: this.pausedUntil - this.clock.now() };
      this.ledger.store.pause(this.ledger.accountKey, bucket).catch(this.onLedgerError);
    }
    this.pump();
    return seconds;
  }

  /**
   * Runs `fn` once for concurrent callers with the same key (identical GETs, same credentials),
   * never making a caller wait on a less urgent lane's call (shared-calls.ts).
   */
  coalesce<T>(key: string, caller: { readonly priority: Priority; readonly signal?: AbortSignal }, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.shared.run(key, caller.priority, caller.signal, fn);
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
    if (this.clock.now() < Math.max(this.pausedUntil, this.sharedWaitFor(priority))) return false;
    return this.capacity - this.level >= Math.min(this.minFree[priority], this.capacity);
  }

  // A wait the ledger gave a lower lane (a larger reserve) says nothing about a higher one: an
  // assistant told to wait must not hold back an agent's read.
  private sharedWaitFor(priority: Priority): number {
    return this.minFree[priority] >= this.sharedWait.minFree ? this.sharedWait.until : 0;
  }

  private waitMs(priority: Priority): number {
    this.drain();
    const pause = Math.max(0, Math.max(this.pausedUntil, this.sharedWaitFor(priority)) - this.clock.now());
    const needed = this.level - (this.capacity - Math.min(this.minFree[priority], this.capacity));
    const leak = needed > 0 ? (needed * this.windowMs) / this.capacity : 0;
    return Math.max(pause, leak);
  }

  private take(): void {
    this.level += 1;
  }

  private shed(priority: Priority): BudgetShedError {
    return new BudgetShedError(Math.max(1, Math.ceil(this.waitMs(priority) / 1000)), priority);
  }

  // Strict priority: lanes' reserves are monotonic, so if the head cannot start, nobody behind it can.
  private pump(): void {
    if (this.asking) return;
    while (this.queue.length > 0) {
      const head = this.queue[0];
      if (!head || !this.canStart(head.priority)) break;
      if (this.ledger) {
        this.askLedger(head, this.ledger);
        return;
      }
      this.grant(head);
    }
    this.expire();
    this.schedule();
  }

  /** Waiters past their deadline leave with the time to try again: the calm "busy", not a hang. */
  private expire(): void {
    const now = this.clock.now();
    const expired = this.queue.filter((w) => w.deadline <= now);
    if (expired.length === 0) return;
    this.queue = this.queue.filter((w) => !expired.includes(w));
    for (const waiter of expired) {
      waiter.cleanup();
      waiter.reject(this.shed(waiter.priority));
    }
  }

  private grant(head: Waiter): void {
    this.queue = this.queue.filter((w) => w !== head);
    this.take();
    head.cleanup();
    head.resolve();
  }

  /** One question at a time: the head asks the shared bucket, then the queue moves on. */
  private askLedger(head: Waiter, ledger: { readonly store: BudgetLedger; readonly accountKey: string }): void {
    this.asking = true;
    const bucket = { capacity: this.capacity, windowMs: this.windowMs, minFree: Math.min(this.minFree[head.priority], this.capacity) };
    ledger.store
      .tryTake(ledger.accountKey, bucket)
      .then(
        ({ waitMs }) => waitMs,
        (error: unknown) => {
          this.onLedgerError(error);
          return 0;
        },
      )
      .then((waitMs) => {
        this.asking = false;
        // The waiter may have given up (aborted) while we asked; its slot then goes to the next one.
        const stillWaiting = this.queue.includes(head);
        // Another instance's pause is capped like our own.
        if (waitMs > 0) this.sharedWait = { until: this.clock.now() + Math.min(waitMs, this.maxPauseSeconds * 1000), minFree: this.minFree[head.priority] };
        else if (stillWaiting) this.grant(head);
        this.pump();
      });
  }

  private schedule(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    const head = this.queue[0];
    if (!head) return;
    const firstDeadline = Math.min(...this.queue.map((w) => w.deadline));
    const wait = Math.max(1, Math.ceil(Math.min(this.waitMs(head.priority), firstDeadline - this.clock.now())));
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.pump();
    }, wait);
  }
}

// On globalThis: Next compiles route handlers, pages and actions into separate bundles, each with its
// own copy of this module; a module-level map would give each its own "whole" budget.
const registry: Map<string, BudgetScheduler> = ((globalThis as { __gorgiasDeskBudgets?: Map<string, BudgetScheduler> }).__gorgiasDeskBudgets ??=
  new Map());

/** The one scheduler for an account in this process, keyed by its resolved base URL. */
export function budgetFor(accountKey: string, options?: BudgetOptions): BudgetScheduler {
  let budget = registry.get(accountKey);
  if (!budget) {
    budget = new BudgetScheduler({ ledgerKey: accountKey, ...options });
    registry.set(accountKey, budget);
  }
  return budget;
}

/** Tests only: forget every account's scheduler. */
export function resetBudgets(): void {
  registry.clear();
}
