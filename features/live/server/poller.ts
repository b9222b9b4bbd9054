import "server-only";
import { advanceEventsCursor, takePollLease, type DbOrTx, type EventsCursor } from "@/lib/db";
import type { AccountEvent } from "@/lib/domain/event";
import { paginate, type GorgiasClient } from "@/lib/gorgias";
import type { Feed } from "./feed";
import type { SharedCache } from "./shared-cache";

/** Long enough for one poll to finish; a crashed poller's lease lapses after it. */
export const POLL_LEASE_MS = 30_000;
const PAGE = 100;
const CLOCK_SKEW_MS = 5_000;
const MAX_PAGES = 5;

export interface PollDeps {
  readonly account: string;
  readonly db: DbOrTx;
  readonly gorgias: Pick<GorgiasClient, "events">;
  readonly feed: Pick<Feed, "hint">;
  readonly cache: Pick<SharedCache, "forgetBefore">;
  /** The account's poll interval now: no instance polls sooner after the last poll. */
  readonly intervalMs: number;
  readonly now?: () => Date;
}

export type PollOutcome =
  | { readonly kind: "skipped" }
  | { readonly kind: "started"; readonly cursor: EventsCursor }
  | { readonly kind: "polled"; readonly events: number; readonly tickets: number }
  | { readonly kind: "failed"; readonly message: string };

/**
 * One read of the account's event log, by whichever instance holds the lease: every event since the
 * cursor, each changed ticket hinted to the feed once, then the cursor moves past them. The first
 * poll of an account starts at its newest event: history is already on screen, and what the
 * shared cache read before that event cannot be vouched for.
 */
export async function pollEventsOnce(deps: PollDeps): Promise<PollOutcome> {
  const now = deps.now?.() ?? new Date();
  // A little early is still once per interval: instances tick at slightly different moments.
  const notPolledSince = new Date(now.getTime() - deps.intervalMs * 0.9);
  const cursor = await takePollLease(deps.db, deps.account, now, new Date(now.getTime() + POLL_LEASE_MS), notPolledSince);
  if (!cursor) return { kind: "skipped" };
  const release = (to: EventsCursor, lastEventAt: Date | null = null, polled = false) => advanceEventsCursor(deps.db, deps.account, to, lastEventAt, polled ? now : null);

  if (cursor.after === null) {
    const newest = await deps.gorgias.events.list({ limit: 1, orderBy: "created_datetime:desc" }, { priority: "refresh" });
    if (!newest.ok) {
      await release(cursor);
      return { kind: "failed", message: newest.error.message };
    }
    const head = newest.value.items[0];
    const start = head ? { after: new Date(head.createdAt), lastEventId: head.id } : { after: now, lastEventId: null };
    // Gorgias's clock and ours may differ a little: what we read just after its newest event goes too.
    await deps.cache.forgetBefore(new Date(start.after.getTime() + CLOCK_SKEW_MS));
    await release(start, head ? new Date(head.createdAt) : null, true);
    return { kind: "started", cursor: start };
  }

  const events: AccountEvent[] = [];
  let complete = false;
  const fetchPage = (c: string | null) =>
    deps.gorgias.events.list(
      { cursor: c, limit: PAGE, orderBy: "created_datetime:asc", createdAfter: c ? undefined : new Date(cursor.after!.getTime() - 1).toISOString() },
      { priority: "refresh" },
    );
  for await (const page of paginate(fetchPage, { maxPages: MAX_PAGES })) {
    if (!page.ok) {
      // Keep what was read: the cursor only moves past events that were handled.
      if (events.length === 0) {
        await release(cursor);
        return { kind: "failed", message: page.error.message };
      }
      break;
    }
    complete = page.value.nextCursor === null;
    // Events at the cursor's own instant were handled last time unless they are newer by id.
    events.push(...page.value.items.filter((e) => new Date(e.createdAt) > cursor.after! || (cursor.lastEventId !== null && e.id > cursor.lastEventId)));
  }

  // Each changed ticket once, at its latest event: a cached version at least as new already shows it.
  const latest = new Map<number, string>();
  for (const e of events) if (e.ticketId !== null) latest.set(e.ticketId, e.createdAt);
  await Promise.all([...latest].map(([ticketId, version]) => deps.feed.hint({ ticketId, version })));
  const last = events.at(-1);
  await release(last ? { after: new Date(last.createdAt), lastEventId: last.id } : cursor, last ? new Date(last.createdAt) : null, complete);
  return { kind: "polled", events: events.length, tickets: latest.size };
}
