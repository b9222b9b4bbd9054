import { CONFIRMATION_RETENTION_MS, pruneConfirmations } from "./assistant-confirmations";
import { pruneFeedDeliveries } from "./feed";
import { pruneLiveSignals } from "./live-signals";
import { deleteDeadSessions } from "./sessions";
import { pruneSendOperations } from "./send-operations";
import { pruneSnapshots } from "./shared-snapshots";
import { pruneSignInAttempts } from "./sign-in-throttle";
import type { Db, DbOrTx } from "./store";

/**
 * How long a settled send record is kept. A composer's operation id lives as long as its draft and
 * the tab that holds it; a month covers any reload, retry or read-back of a real send many times over.
 */
export const SEND_RECORD_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** A browser that was away longer than this reloads everything instead of resuming its stream. */
export const LIVE_SIGNAL_RETENTION_MS = 15 * 60 * 1000;
/** Gorgias retries a webhook for hours at most; a day covers every repeat of a delivery. */
export const FEED_DELIVERY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Shared cache entries nobody refreshed for an hour are read from Gorgias again when next needed. */
export const SNAPSHOT_RETENTION_MS = 60 * 60 * 1000;
export const PRUNE_EVERY_MS = 10 * 60 * 1000;

export interface PruneCounts {
  readonly sessions: number;
  readonly sendOperations: number;
  readonly signInAttempts: number;
  readonly liveSignals: number;
  readonly feedDeliveries: number;
  readonly sharedSnapshots: number;
  readonly assistantConfirmations: number;
}

/**
 * Deletes what can no longer matter: dead sessions, old send records, sign-in attempts outside the
 * window, stale live signals and feed deliveries, shared cache entries nobody refreshed, assistants'
 * confirmations a day past their expiry.
 */
export async function pruneStore(db: DbOrTx, now: Date = new Date()): Promise<PruneCounts> {
  return {
    sessions: await deleteDeadSessions(db, now),
    sendOperations: await pruneSendOperations(db, new Date(now.getTime() - SEND_RECORD_RETENTION_MS)),
    signInAttempts: await pruneSignInAttempts(db, now),
    liveSignals: await pruneLiveSignals(db, new Date(now.getTime() - LIVE_SIGNAL_RETENTION_MS)),
    feedDeliveries: await pruneFeedDeliveries(db, new Date(now.getTime() - FEED_DELIVERY_RETENTION_MS)),
    sharedSnapshots: await pruneSnapshots(db, new Date(now.getTime() - SNAPSHOT_RETENTION_MS)),
    assistantConfirmations: await pruneConfirmations(db, new Date(now.getTime() - CONFIRMATION_RETENTION_MS)),
  };
}

export interface PruneSchedule {
  readonly everyMs?: number;
  readonly onPruned?: (counts: PruneCounts) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Prunes now and then every ten minutes for as long as the process lives. Every instance may run it: each
 * delete is idempotent, so overlapping runs only find less to do. The timer never keeps a process up.
 */
export function schedulePruning(open: () => Promise<Db>, { everyMs = PRUNE_EVERY_MS, onPruned, onError }: PruneSchedule): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const counts = await pruneStore(await open());
      onPruned?.(counts);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
