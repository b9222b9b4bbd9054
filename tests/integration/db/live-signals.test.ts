/**
 * Live signals on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set: recorded in order,
 * resumable after a sequence, and announced to every listener on the database — on PostgreSQL to
 * another instance's connection too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_CHANNEL, latestSignalSeq, pruneLiveSignals, publishSignal, signalsSince, type Store } from "@/lib/db";
import { pgliteTarget, postgresTarget, testDatabaseUrl, type TestTarget } from "./harness";

const targets: Array<[string, () => Promise<TestTarget>]> = [["pglite", pgliteTarget]];
if (testDatabaseUrl) {
  const url = testDatabaseUrl;
  targets.push(["postgres", () => postgresTarget(url)]);
}

function nextPayload(received: string[], count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`only ${received.length} of ${count} notifications`)), 5000);
    const poll = setInterval(() => {
      if (received.length >= count) {
        clearInterval(poll);
        clearTimeout(deadline);
        resolve();
      }
    }, 10);
  });
}

describe.each(targets)("live signals on %s", (label, makeTarget) => {
  let target: TestTarget;
  let store: Store;
  let other: Store;
  beforeAll(async () => {
    target = await makeTarget();
    store = await target.open();
    // PGlite is one process with one handle; PostgreSQL gets a second instance's handle.
    other = label === "postgres" ? await target.open() : store;
  });
  afterAll(async () => {
    if (other !== store) await other?.close();
    await store?.close();
    await target?.cleanup();
  });

  it("records signals in order and resumes after a sequence, per account", async () => {
    const start = await latestSignalSeq(store.db, "alpha");
    const a = await publishSignal(store.db, "alpha", { kind: "ticket", ticketId: 1, version: "2026-11-29T10:00:00.000Z" });
    await publishSignal(store.db, "beta", { kind: "ticket", ticketId: 9, version: null });
    const b = await publishSignal(store.db, "alpha", { kind: "ticket", ticketId: 2, version: null });
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(await latestSignalSeq(store.db, "alpha")).toBe(b.seq);
    expect(await signalsSince(store.db, "alpha", start)).toEqual([
      { seq: a.seq, kind: "ticket", ticketId: 1, version: "2026-11-29T10:00:00.000Z" },
      { seq: b.seq, kind: "ticket", ticketId: 2, version: null },
    ]);
    expect(await signalsSince(store.db, "alpha", a.seq)).toEqual([{ seq: b.seq, kind: "ticket", ticketId: 2, version: null }]);
  });

  it("announces each signal to listeners on the database, another instance's included", async () => {
    const received: string[] = [];
    const stop = await other.listen(LIVE_CHANNEL, (payload) => received.push(payload));
    try {
      const s = await publishSignal(store.db, "gamma", { kind: "ticket", ticketId: 7, version: "v1" });
      await nextPayload(received, 1);
      expect(JSON.parse(received[0]!)).toEqual({ account: "gamma", seq: s.seq, kind: "ticket", ticketId: 7, version: "v1" });
    } finally {
      await stop();
    }
    await publishSignal(store.db, "gamma", { kind: "ticket", ticketId: 8, version: "v2" });
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(1);
  });

  it("prunes signals older than the cut-off", async () => {
    await publishSignal(store.db, "delta", { kind: "ticket", ticketId: 3, version: null });
    expect(await pruneLiveSignals(store.db, new Date(Date.now() - 60_000))).toBe(0);
    expect(await pruneLiveSignals(store.db, new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    expect(await signalsSince(store.db, "delta", 0)).toEqual([]);
  });
});
