import "server-only";
import { claimFeedDelivery, publishSignal, type DbOrTx } from "@/lib/db";
import type { Result } from "@/lib/result";

/** Something changed on a ticket: from a webhook body or the event log. Never trusted for contents. */
export interface FeedHint {
  readonly ticketId: number;
  /** The ticket's `updated_datetime` when the hint carries it: an older or equal one is not re-read. */
  readonly version?: string | null;
  /** Identifies this delivery (webhook body, event id): a repeat anywhere is handled once. */
  readonly dedupeKey?: string;
}

export type HintOutcome = "duplicate" | "unchanged" | "published" | "failed";

export interface FeedDeps {
  readonly account: string;
  readonly db: DbOrTx;
  /** Re-reads the ticket with a Gorgias key (the `refresh` lane): what Gorgias says now is the truth. */
  readonly readTicket: (ticketId: number) => Promise<Result<{ readonly updatedAt: string | null }, unknown>>;
  readonly now?: () => Date;
}

/**
 * The account's change feed in this process: each hint becomes at most one re-read of the ticket,
 * and a new version becomes one live signal for every instance's browsers. Re-reads of one ticket
 * never overlap; hints that arrive meanwhile are folded into the next read.
 */
export function createFeed(deps: FeedDeps) {
  const published = new Map<number, string>();
  const reading = new Map<number, Promise<HintOutcome>>();
  const now = deps.now ?? (() => new Date());

  async function reread(ticketId: number): Promise<HintOutcome> {
    const read = await deps.readTicket(ticketId);
    if (!read.ok) return "failed";
    const version = read.value.updatedAt ?? now().toISOString();
    if (published.get(ticketId) === version) return "unchanged";
    published.set(ticketId, version);
    await publishSignal(deps.db, deps.account, { kind: "ticket", ticketId, version });
    return "published";
  }

  async function hint(h: FeedHint): Promise<HintOutcome> {
    if (h.dedupeKey && !(await claimFeedDelivery(deps.db, deps.account, h.dedupeKey))) return "duplicate";
    const known = published.get(h.ticketId);
    if (h.version && known && h.version <= known) return "unchanged";
    const running = reading.get(h.ticketId);
    if (running) {
      // A read already in flight may predate this change: read once more after it, not once per hint.
      await running.catch(() => undefined);
      const after = published.get(h.ticketId);
      if (h.version && after && h.version <= after) return "unchanged";
      if (reading.has(h.ticketId)) return reading.get(h.ticketId)!;
    }
    const run = reread(h.ticketId).finally(() => reading.delete(h.ticketId));
    reading.set(h.ticketId, run);
    return run;
  }

  return { hint };
}

export type Feed = ReturnType<typeof createFeed>;
