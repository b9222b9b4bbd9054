import "server-only";
import { claimFeedDelivery, releaseFeedDelivery, type DbOrTx } from "@/lib/db";
import type { Ticket } from "@/lib/domain/ticket";
import type { Result } from "@/lib/result";
import type { SharedCache } from "./shared-cache";

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
  readonly cache: Pick<SharedCache, "applyTicket" | "knownVersion">;
  /** Re-reads the ticket with a Gorgias key (the `refresh` lane): what Gorgias says now is the truth. */
  readonly readTicket: (ticketId: number) => Promise<Result<Ticket, unknown>>;
}

const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/**
 * The account's change feed in this process: each hint becomes at most one re-read of the ticket,
 * applied to the shared cache, which signals every instance's browsers when the version is new.
 * What is already known — by any instance, through the cache's versions — is not read again.
 * Re-reads of one ticket never overlap; hints that arrive meanwhile are folded into the next read.
 */
export function createFeed(deps: FeedDeps) {
  const reading = new Map<number, Promise<HintOutcome>>();

  async function reread(ticketId: number): Promise<HintOutcome> {
    const read = await deps.readTicket(ticketId);
    if (!read.ok) return "failed";
    return (await deps.cache.applyTicket(read.value)) ? "published" : "unchanged";
  }

  const knownAtLeast = async (h: FeedHint) => {
    if (!h.version) return false;
    const known = await deps.cache.knownVersion(h.ticketId);
    return known !== null && !newer(h.version, known);
  };

  async function hint(h: FeedHint): Promise<HintOutcome> {
    if (h.dedupeKey && !(await claimFeedDelivery(deps.db, deps.account, h.dedupeKey))) return "duplicate";
    if (await knownAtLeast(h)) return "unchanged";
    // One version is read once across instances: Gorgias sends a change as several deliveries
    // (message created, ticket updated), and a load balancer spreads them.
    const versionKey = h.version ? `reread:${h.ticketId}:${h.version}` : null;
    if (versionKey && !(await claimFeedDelivery(deps.db, deps.account, versionKey))) return "duplicate";
    const outcome = await coalesced(h);
    if (outcome === "failed" && versionKey) await releaseFeedDelivery(deps.db, deps.account, versionKey);
    return outcome;
  }

  async function coalesced(h: FeedHint): Promise<HintOutcome> {
    const running = reading.get(h.ticketId);
    if (running) {
      // A read already in flight may predate this change: read once more after it, not once per hint.
      await running.catch(() => undefined);
      if (await knownAtLeast(h)) return "unchanged";
      if (reading.has(h.ticketId)) return reading.get(h.ticketId)!;
    }
    const run = reread(h.ticketId).finally(() => reading.delete(h.ticketId));
    reading.set(h.ticketId, run);
    return run;
  }

  return { hint };
}

export type Feed = ReturnType<typeof createFeed>;
