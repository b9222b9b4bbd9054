import { PRIORITIES, type Priority } from "./lanes";

interface Shared {
  readonly run: Promise<unknown>;
  readonly controller: AbortController;
  /** Callers still waiting for it; one without a signal never leaves. */
  callers: number;
}

/**
 * Identical concurrent calls (the same GET with the same credentials) made once. A caller joins a
 * call already running in its own lane or a more urgent one, never a less urgent one: a send's
 * fresh read must not wait in the read lane's queue or through a read's retries. The call is
 * cancelled (its place in the budget queue given up) once every caller has gone.
 */
export class SharedCalls {
  private readonly inflight = new Map<string, Shared>();

  run<T>(key: string, priority: Priority, signal: AbortSignal | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const shared = this.find(key, priority) ?? this.start(`${priority} ${key}`, fn);
    this.join(shared, signal);
    return shared.run as Promise<T>;
  }

  private find(key: string, priority: Priority): Shared | undefined {
    for (const lane of PRIORITIES.slice(0, PRIORITIES.indexOf(priority) + 1)) {
      const shared = this.inflight.get(`${lane} ${key}`);
      if (shared) return shared;
    }
    return undefined;
  }

  private start<T>(laneKey: string, fn: (signal: AbortSignal) => Promise<T>): Shared {
    const controller = new AbortController();
    const shared: Shared = {
      run: fn(controller.signal).finally(() => {
        if (this.inflight.get(laneKey) === shared) this.inflight.delete(laneKey);
      }),
      controller,
      callers: 0,
    };
    this.inflight.set(laneKey, shared);
    return shared;
  }

  private join(shared: Shared, signal: AbortSignal | undefined): void {
    shared.callers++;
    if (!signal) return;
    const leave = () => {
      shared.callers--;
      if (shared.callers > 0) return;
      // Nobody waits for it any more: later callers start afresh rather than join a cancelled call.
      for (const [key, value] of this.inflight) if (value === shared) this.inflight.delete(key);
      shared.controller.abort(signal.reason);
    };
    if (signal.aborted) return leave();
    signal.addEventListener("abort", leave, { once: true });
    const forget = () => signal.removeEventListener("abort", leave);
    shared.run.then(forget, forget);
  }
}
