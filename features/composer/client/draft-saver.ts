import type { DraftRecord } from "./drafts";

/**
 * What the composer tells the agent about the server copy of a draft. `conflict`: another tab or
 * device saved a newer revision, which stays until the agent chooses.
 */
export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "device-only" | "conflict";

/** How a server write went: `failed` keeps it for `resume()`, `conflict` leaves it to the agent. */
export type WriteOutcome = "done" | "failed" | "conflict";

export interface DraftSaverOptions {
  readonly delayMs: number;
  /** Saves to the server (the local copy has it either way). */
  readonly persist: (draft: DraftRecord) => Promise<WriteOutcome>;
  readonly remove: () => Promise<WriteOutcome>;
  readonly onStatus: (status: SaveStatus) => void;
}

export interface DraftSaver {
  /** The agent typed: save this after a pause. */
  schedule(draft: DraftRecord): void;
  /** Save now (tab hidden, composer closing). */
  flush(): Promise<void>;
  /** Emptied or sent: drop anything unsaved and delete the server copy, after any save in flight. */
  discard(): Promise<void>;
  /** The connection is back: push what failed to reach the server. */
  resume(): Promise<void>;
  dispose(): void;
}

/**
 * Debounced, strictly serial server saves. Serial matters: two saves racing could land out of
 * order and leave the older text on the server, and a save landing after the discard would bring
 * a sent reply back as a draft on the agent's other devices.
 */
export function createDraftSaver(opts: DraftSaverOptions): DraftSaver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: DraftRecord | null = null;
  let chain: Promise<void> = Promise.resolve();
  let disposed = false;
  // The last write that failed, to push again on `resume()`; a newer write replaces it.
  let failed: (() => Promise<void>) | null = null;

  const enqueue = (job: () => Promise<void>): Promise<void> => {
    chain = chain.then(job, job);
    return chain;
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const saveLatest = async () => {
    const draft = latest;
    if (!draft) return;
    latest = null;
    failed = null;
    opts.onStatus("saving");
    const outcome = await opts.persist(draft).catch((): WriteOutcome => "failed");
    if (outcome === "failed" && latest === null) {
      failed = () => {
        latest ??= draft;
        return saveLatest();
      };
    }
    // A newer keystroke arrived while saving: that one's status is what matters.
    if (!disposed && latest === null) opts.onStatus(outcome === "done" ? "saved" : outcome === "conflict" ? "conflict" : "device-only");
  };

  const removeNow = async () => {
    failed = null;
    const outcome = await opts.remove().catch((): WriteOutcome => "failed");
    if (outcome === "failed") failed = removeNow;
    if (!disposed) opts.onStatus(outcome === "conflict" ? "conflict" : outcome === "failed" ? "device-only" : "idle");
  };

  return {
    schedule(draft) {
      latest = draft;
      opts.onStatus("pending");
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        void enqueue(saveLatest);
      }, opts.delayMs);
    },
    flush() {
      clearTimer();
      return latest ? enqueue(saveLatest) : chain;
    },
    discard() {
      clearTimer();
      latest = null;
      return enqueue(removeNow);
    },
    resume() {
      const retry = failed;
      return retry && latest === null && timer === null ? enqueue(retry) : chain;
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
