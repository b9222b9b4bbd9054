import type { DraftRecord } from "./drafts";

/** What the composer tells the agent about the server copy of a draft. */
export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "device-only";

export interface DraftSaverOptions {
  readonly delayMs: number;
  /** Saves to the server; false when it could not (the local copy still has it). */
  readonly persist: (draft: DraftRecord) => Promise<boolean>;
  readonly remove: () => Promise<void>;
  readonly onStatus: (status: SaveStatus) => void;
}

export interface DraftSaver {
  /** The agent typed: save this after a pause. */
  schedule(draft: DraftRecord): void;
  /** Save now (tab hidden, composer closing). */
  flush(): Promise<void>;
  /** The send was confirmed: drop anything unsaved and delete the server copy, after any save in flight. */
  discard(): Promise<void>;
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
    opts.onStatus("saving");
    const saved = await opts.persist(draft).catch(() => false);
    // A newer keystroke arrived while saving: that one's status is what matters.
    if (!disposed && latest === null) opts.onStatus(saved ? "saved" : "device-only");
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
      return enqueue(async () => {
        await opts.remove().catch(() => undefined);
        if (!disposed) opts.onStatus("idle");
      });
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
