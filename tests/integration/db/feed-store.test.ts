/** The change feed's records on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { describe, expect, it } from "vitest";
import {
  advanceEventsCursor,
  claimFeedDelivery,
  feedHealth,
  setWebhookSecret,
  takePollLease,
  webhookSecretMatches,

} from "@/lib/db";
import { storeTargets, useTestStore } from "./harness";

const targets = storeTargets();

describe.each(targets)("feed store on %s", (_label, makeTarget) => {
  const opened = useTestStore(makeTarget);

  it("checks a webhook secret against its stored hash only, and refuses every secret for an account without one", async () => {
    await setWebhookSecret(opened.store.db, "s-acct", "correct horse battery staple");
    expect(await webhookSecretMatches(opened.store.db, "s-acct", "correct horse battery staple")).toBe(true);
    expect(await webhookSecretMatches(opened.store.db, "s-acct", "correct horse battery stapl")).toBe(false);
    expect(await webhookSecretMatches(opened.store.db, "s-acct", "")).toBe(false);
    expect(await webhookSecretMatches(opened.store.db, "no-secret", "")).toBe(false);
    expect((await feedHealth(opened.store.db, "s-acct"))?.webhookSecretHash).not.toContain("staple");
  });

  it("claims a delivery once per account, even when claims race", async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimFeedDelivery(opened.store.db, "c-acct", "ticket:1:v1")));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimFeedDelivery(opened.store.db, "other-acct", "ticket:1:v1")).toBe(true);
  });

  it("lends the event log to one poller at a time, and resumes from the cursor it left", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const until = new Date(now.getTime() + 10_000);
    const [a, b] = await Promise.all([takePollLease(opened.store.db, "p-acct", now, until), takePollLease(opened.store.db, "p-acct", now, until)]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    expect(a ?? b).toEqual({ after: null, lastEventId: null });
    const cursor = { after: new Date("2026-11-29T11:59:00Z"), lastEventId: 41 };
    await advanceEventsCursor(opened.store.db, "p-acct", cursor, new Date("2026-11-29T11:59:00Z"));
    expect(await takePollLease(opened.store.db, "p-acct", now, until)).toEqual(cursor);
    // A lease that was never given back expires.
    expect(await takePollLease(opened.store.db, "p-acct", now, until)).toBeNull();
    expect(await takePollLease(opened.store.db, "p-acct", until, new Date(until.getTime() + 10_000))).toEqual(cursor);
  });
});
