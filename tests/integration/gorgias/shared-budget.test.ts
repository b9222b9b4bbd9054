/**
 * Several instances of the Desk on one database share an account's Gorgias budget through the
 * ledger (lib/db/budget-ledger.ts). Each instance is a separate BudgetScheduler here, as it would
 * be in a separate process; the sandbox's rate limiter is the judge. On PGlite, and on PostgreSQL
 * when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetLedger } from "@/lib/db";
import { BudgetScheduler } from "@/lib/gorgias/budget";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { storeTargets, useTestStore } from "../db/harness";
import { clientFor, must } from "./setup";

const CAPACITY = 10;
const WINDOW_S = 2;
const targets = storeTargets();

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ rateLimit: { capacity: CAPACITY, windowSeconds: WINDOW_S } });
});
afterAll(async () => {
  await sb?.close();
});

async function burst(schedulers: BudgetScheduler[], perInstance: number): Promise<number[]> {
  const clients = await Promise.all(schedulers.map((budget, i) => clientFor(sb, i % 2 === 0 ? "admin" : "agent", { budget })));
  const ids = must(await clients[0]!.tickets.list({ limit: perInstance })).items.map((t) => t.id);
  // Let the listing leak out of the bucket so every run starts empty.
  await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
  await sb.control.clearRequests();
  await Promise.all(clients.flatMap((client) => ids.map((id) => client.tickets.get(id))));
  return (await sb.control.requests()).map((r) => r.status);
}

describe("without a shared ledger", () => {
  it("two instances each spend the whole budget, and Gorgias answers 429 (what the ledger prevents)", async () => {
    await sb.control.reset();
    const apart = [0, 1].map(() => new BudgetScheduler({ capacity: CAPACITY, windowMs: WINDOW_S * 1000 }));
    const statuses = await burst(apart, 12);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});

describe.each(targets)("instances sharing the budget ledger on %s", (_label, makeTarget) => {
  const opened = useTestStore(makeTarget);

  it("a burst from two instances never draws a 429, and every request is served", async () => {
    await sb.control.reset();
    const ledger = budgetLedger(opened.store.db);
    const ledgerErrors: unknown[] = [];
    const together = [0, 1].map(
      () =>
        new BudgetScheduler({
          capacity: CAPACITY,
          windowMs: WINDOW_S * 1000,
          ledger,
          ledgerKey: `shared-${_label}`,
          onLedgerError: (e) => ledgerErrors.push(e),
        }),
    );
    const statuses = await burst(together, 12);
    expect(ledgerErrors).toEqual([]);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(24);
  });

  it("a 429 seen by one instance holds the other too", async () => {
    const ledger = budgetLedger(opened.store.db);
    const key = `pause-${_label}`;
    await ledger.pause(key, { capacity: CAPACITY, forMs: 1500 });
    const first = await ledger.tryTake(key, { capacity: CAPACITY, windowMs: WINDOW_S * 1000, minFree: 1 });
    expect(first.waitMs).toBeGreaterThan(1000);
    await new Promise((r) => setTimeout(r, first.waitMs));
    // After the pause the bucket still counts as full until a slot leaks out.
    const later = await ledger.tryTake(key, { capacity: CAPACITY, windowMs: WINDOW_S * 1000, minFree: 1 });
    expect(later.waitMs).toBe(0);
  });
});
