/**
 * The event-log poller against the sandbox (PGlite store): one instance reads the log at a time,
 * changes become one signal per changed ticket, and changes made while nobody polled (downtime,
 * a lost webhook) are recovered from the log on the next read.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { feedHealth, latestSignalSeq, signalsSince, type Store } from "@/lib/db";
import type { GorgiasClient } from "@/lib/gorgias";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, type TestTarget } from "../db/harness";
import { clientFor, must } from "../gorgias/setup";

vi.mock("server-only", () => ({}));
const { createFeed } = await import("@/features/live/server/feed");
const { pollEventsOnce } = await import("@/features/live/server/poller");
const { SharedCache } = await import("@/features/live/server/shared-cache");

describe("event-log poller", () => {
  let sb: TestSandbox;
  let target: TestTarget;
  let store: Store;
  let admin: GorgiasClient;
  let agent: GorgiasClient;
  let account: string;
  let run = 0;

  beforeAll(async () => {
    sb = await startTestSandbox();
    target = await pgliteTarget();
    store = await target.open();
    admin = await clientFor(sb, "admin");
    agent = await clientFor(sb, "agent");
  });
  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
    await sb?.close();
  });
  beforeEach(async () => {
    await sb.control.reset();
    // A fresh feed record per test: the cursor and lease live in the store under the account name.
    account = `poll-${++run}`;
  });

  const deps = () => {
    const cache = new SharedCache({ account, db: async () => store.db, feedLive: async () => true });
    const feed = createFeed({ account, db: store.db, cache, readTicket: (id) => admin.tickets.get(id, { priority: "refresh" }) });
    // Interval 0: each test's polls follow each other at once.
    return { account, db: store.db, gorgias: admin, feed, cache, intervalMs: 0 };
  };
  const openTickets = async () => must(await agent.tickets.list({ limit: 5 })).items.filter((t) => t.status === "open");

  it("starts at the newest event, then turns each change into one signal with the ticket's new version", async () => {
    const d = deps();
    expect((await pollEventsOnce(d)).kind).toBe("started");
    const from = await latestSignalSeq(store.db, account);
    const [t] = await openTickets();
    const closed = must(await agent.tickets.update(t!.id, { status: "closed" }));
    const outcome = await pollEventsOnce(d);
    expect(outcome).toMatchObject({ kind: "polled", tickets: 1 });
    expect((await signalsSince(store.db, account, from)).map((s) => [s.ticketId, s.version])).toEqual([[t!.id, closed.updatedAt]]);
    // Nothing new: nothing read, nothing published.
    expect(await pollEventsOnce(d)).toEqual({ kind: "polled", events: 0, tickets: 0 });
    expect(await signalsSince(store.db, account, from)).toHaveLength(1);
  });

  it("recovers every change made while nobody polled, one signal per ticket", async () => {
    const d = deps();
    await pollEventsOnce(d);
    const from = await latestSignalSeq(store.db, account);
    const [a, b] = await openTickets();
    must(await agent.tickets.update(a!.id, { status: "closed" }));
    must(await agent.tickets.update(a!.id, { status: "open" }));
    must(await agent.tickets.update(b!.id, { priority: "high" }));
    await sb.control.clearRequests();
    const outcome = await pollEventsOnce(d);
    expect(outcome).toMatchObject({ kind: "polled", tickets: 2 });
    const signalled = (await signalsSince(store.db, account, from)).map((s) => s.ticketId);
    expect(signalled.sort()).toEqual([a!.id, b!.id].sort());
    // One read of the log and one re-read per changed ticket, however many changes each had.
    const log = await sb.control.requests();
    expect(log.filter((r) => r.path === "/api/events")).toHaveLength(1);
    expect(log.filter((r) => r.path.startsWith("/api/tickets/"))).toHaveLength(2);
  });

  it("a fresh start of the log forgets what the shared cache read before the log's newest event, and keeps what it read after", async () => {
    const d = deps();
    const [t, u] = await openTickets();
    await d.cache.applyTicket(must(await agent.tickets.get(t!.id)));
    // The newest event of the log (this change), then a read after it.
    must(await agent.tickets.update(u!.id, { priority: "high" }));
    await new Promise((r) => setTimeout(r, 20));
    // Later than the clock-skew margin the poller allows for.
    const clock = Date.now() + 10_000;
    const late = new SharedCache({ account, db: async () => store.db, feedLive: async () => true, now: () => clock });
    await late.applyTicket(must(await agent.tickets.get(u!.id)));
    expect((await pollEventsOnce(d)).kind).toBe("started");
    expect(await d.cache.knownVersion(t!.id)).toBeNull();
    expect(await d.cache.knownVersion(u!.id)).not.toBeNull();
  });

  it("is read once per interval however many instances tick", async () => {
    const slow = { ...deps(), intervalMs: 60_000 };
    expect((await pollEventsOnce(slow)).kind).toBe("started");
    expect((await pollEventsOnce(slow)).kind).toBe("skipped");
    const later = new Date(Date.now() + 60_000);
    expect((await pollEventsOnce({ ...slow, now: () => later })).kind).toBe("polled");
    // Read to its end: the feed is known current from then (what lets the shared cache be trusted).
    expect((await feedHealth(store.db, account))?.polledAt).toEqual(later);
  });

  it("lets one instance read the log at a time", async () => {
    await pollEventsOnce(deps());
    const outcomes = await Promise.all([pollEventsOnce(deps()), pollEventsOnce(deps())]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["polled", "skipped"]);
  });
});
