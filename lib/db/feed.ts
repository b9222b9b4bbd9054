import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { feedAccounts, feedDeliveries } from "./schema";
import type { DbOrTx } from "./store";

const sha256 = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** Stores only the hash of the account's webhook secret (set by `npm run setup:webhooks`). */
export async function setWebhookSecret(db: DbOrTx, accountDomain: string, secret: string): Promise<void> {
  await db
    .insert(feedAccounts)
    .values({ accountDomain, webhookSecretHash: sha256(secret) })
    .onConflictDoUpdate({ target: feedAccounts.accountDomain, set: { webhookSecretHash: sha256(secret) } });
}

/** Constant-time check of a presented secret; false when the account has none. */
export async function webhookSecretMatches(db: DbOrTx, accountDomain: string, presented: string): Promise<boolean> {
  const [row] = await db.select({ hash: feedAccounts.webhookSecretHash }).from(feedAccounts).where(eq(feedAccounts.accountDomain, accountDomain));
  // Hash both sides so the comparison is over equal lengths whatever was presented.
  const expected = Buffer.from(row?.hash ?? sha256(`no secret for ${accountDomain}`), "hex");
  const given = Buffer.from(sha256(presented), "hex");
  return timingSafeEqual(expected, given) && !!row?.hash;
}

/** True the first time a hint's key is seen for the account, on any instance; false for a repeat. */
export async function claimFeedDelivery(db: DbOrTx, accountDomain: string, key: string): Promise<boolean> {
  const rows = await db.insert(feedDeliveries).values({ accountDomain, key }).onConflictDoNothing().returning({ key: feedDeliveries.key });
  return rows.length > 0;
}

/** Gives a claim back (its work failed), so the next hint with that key is handled. */
export async function releaseFeedDelivery(db: DbOrTx, accountDomain: string, key: string): Promise<void> {
  await db.delete(feedDeliveries).where(and(eq(feedDeliveries.accountDomain, accountDomain), eq(feedDeliveries.key, key)));
}

export async function recordWebhookArrival(db: DbOrTx, accountDomain: string, at: Date): Promise<void> {
  await db
    .insert(feedAccounts)
    .values({ accountDomain, lastWebhookAt: at })
    .onConflictDoUpdate({ target: feedAccounts.accountDomain, set: { lastWebhookAt: at } });
}

export interface EventsCursor {
  readonly after: Date | null;
  readonly lastEventId: number | null;
}

/**
 * Takes the right to poll the account's event log until `until`, if nobody holds it: one poller per
 * account however many instances run. Returns where reading should resume, or null if another has it.
 */
export async function takePollLease(db: DbOrTx, accountDomain: string, now: Date, until: Date, notPolledSince: Date = now): Promise<EventsCursor | null> {
  await db.insert(feedAccounts).values({ accountDomain }).onConflictDoNothing();
  const [row] = await db
    .update(feedAccounts)
    .set({ pollLeaseUntil: until })
    .where(
      and(
        eq(feedAccounts.accountDomain, accountDomain),
        sql`(${feedAccounts.pollLeaseUntil} is null or ${feedAccounts.pollLeaseUntil} <= ${now.toISOString()}::timestamptz)`,
        // Every instance ticks; the account is polled once per interval, not once per instance.
        sql`(${feedAccounts.polledAt} is null or ${feedAccounts.polledAt} <= ${notPolledSince.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ after: feedAccounts.eventsAfter, lastEventId: feedAccounts.lastEventId });
  return row ? { after: row.after, lastEventId: row.lastEventId } : null;
}

/**
 * Moves the cursor forward after the events up to it were handled, and lets the lease go.
 * `polledAt` when the log was read to its end: the feed is then known to be current.
 */
export async function advanceEventsCursor(db: DbOrTx, accountDomain: string, cursor: EventsCursor, lastEventAt: Date | null, polledAt: Date | null = null): Promise<void> {
  await db
    .update(feedAccounts)
    .set({ eventsAfter: cursor.after, lastEventId: cursor.lastEventId, pollLeaseUntil: null, ...(lastEventAt ? { lastEventAt } : {}), ...(polledAt ? { polledAt } : {}) })
    .where(eq(feedAccounts.accountDomain, accountDomain));
}

export type FeedAccount = typeof feedAccounts.$inferSelect;

export async function feedHealth(db: DbOrTx, accountDomain: string): Promise<FeedAccount | null> {
  const [row] = await db.select().from(feedAccounts).where(eq(feedAccounts.accountDomain, accountDomain));
  return row ?? null;
}

export async function pruneFeedDeliveries(db: DbOrTx, olderThan: Date): Promise<number> {
  const rows = await db.delete(feedDeliveries).where(lt(feedDeliveries.at, olderThan)).returning({ key: feedDeliveries.key });
  return rows.length;
}
