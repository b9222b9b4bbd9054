import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BudgetScheduler } from "@/lib/gorgias/budget";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { clientFor, must } from "./setup";

// A small bucket (10 requests / 2 s) so the budget's behaviour shows in a few seconds.
const CAPACITY = 10;
const WINDOW_S = 2;

let sb: TestSandbox;

beforeAll(async () => {
  sb = await startTestSandbox({ rateLimit: { capacity: CAPACITY, windowSeconds: WINDOW_S } });
});
afterAll(async () => {
  await sb?.close();
});

describe("the shared budget against a rate-limited sandbox", () => {
  it("two agents' clients share one budget: a burst of reads never draws a 429", async () => {
    await sb.control.reset();
    const budget = new BudgetScheduler({ capacity: CAPACITY, windowMs: WINDOW_S * 1000 });
    const admin = await clientFor(sb, "admin", { budget });
    const agent = await clientFor(sb, "agent", { budget });
    const ids = must(await admin.tickets.list({ limit: 30 })).items.map((t) => t.id);
    await sb.control.clearRequests();
    const started = Date.now();
    const results = await Promise.all(ids.map((id, i) => (i % 2 === 0 ? admin : agent).tickets.get(id)));
    const elapsed = Date.now() - started;
    expect(results.every((r) => r.ok)).toBe(true);
    const statuses = (await sb.control.requests()).map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses).toHaveLength(ids.length);
    // 30 requests through a 10-per-2-s bucket cannot finish much faster than the leak allows.
    expect(elapsed).toBeGreaterThan(((ids.length - CAPACITY) * WINDOW_S * 1000) / CAPACITY / 2);
    console.info(`budget: ${ids.length} reads, 0 × 429, ${elapsed} ms`);
  });

  it("a reply jumps the queue of waiting refreshes", async () => {
    await sb.control.reset();
    const budget = new BudgetScheduler({ capacity: CAPACITY, windowMs: WINDOW_S * 1000 });
    const client = await clientFor(sb, "admin", { budget });
    const me = must(await client.users.current());
    const ids = must(await client.tickets.list({ limit: 20 })).items.map((t) => t.id);
    await sb.control.clearRequests();
    const refreshes = ids.map((id) => client.tickets.get(id, { priority: "refresh" }));
    await new Promise((r) => setTimeout(r, 50));
    const ticketId = ids[0] ?? -1;
    const note = client.messages.createNote(ticketId, { senderUserId: me.id, bodyText: "priority", externalId: crypto.randomUUID() });
    await Promise.all([...refreshes, note]);
    const log = await sb.control.requests();
    const postAt = log.findIndex((r) => r.method === "POST");
    expect(postAt).toBeGreaterThanOrEqual(0);
    // Refreshes keep 8 of 10 slots free, so only a couple ran before the note; most waited behind it.
    expect(log.slice(postAt + 1).filter((r) => r.method === "GET").length).toBeGreaterThan(ids.length / 2);
    expect(log.filter((r) => r.status === 429)).toHaveLength(0);
  });

  it("a 429 with Retry-After: 120 holds the account 30 s at most: the read is answered busy at once with that time", async () => {
    await sb.control.reset();
    const client = await clientFor(sb, "admin", { budget: new BudgetScheduler({ capacity: CAPACITY, windowMs: WINDOW_S * 1000 }) });
    await sb.control.fault({ method: "GET", path: "/api/tickets/*", kind: "status", status: 429, retryAfter: 120, count: 1 });
    const r = await client.tickets.get(1);
    expect(r.ok ? null : r.error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 30 });
    expect(client.budget.snapshot().pausedForMs).toBeGreaterThan(29_000);
    expect((await sb.control.requests()).map((e) => e.status)).toEqual([429]);
  });

  it("after a long Retry-After (capped, here at 2 s) a note goes first, before the reads that waited", async () => {
    await sb.control.reset();
    // A slower leak than the sandbox's (10 per 5 s), so the bucket is not yet empty when the pause ends.
    const budget = new BudgetScheduler({ capacity: CAPACITY, windowMs: 5_000, maxPauseSeconds: 2 });
    const client = await clientFor(sb, "admin", { budget });
    const me = must(await client.users.current());
    const ids = must(await client.tickets.list({ limit: 6 })).items.map((t) => t.id);
    const ticketId = ids[0] ?? -1;
    await new Promise((r) => setTimeout(r, 2_000)); // both buckets drained
    await sb.control.clearRequests();
    await sb.control.fault({ method: "GET", path: "/api/tickets/*", kind: "status", status: 429, retryAfter: 120, count: 1 });
    const started = Date.now();
    const first = client.tickets.get(ticketId);
    await new Promise((r) => setTimeout(r, 100));
    const reads = ids.slice(1).map((id) => client.tickets.get(id));
    const note = client.tickets
      .get(ticketId, { priority: "send" })
      .then(() => client.messages.createNote(ticketId, { senderUserId: me.id, bodyText: "after a pause", externalId: crypto.randomUUID() }));
    const noteSent = note.then(() => Date.now() - started);
    const results = await Promise.all([first, ...reads, note]);
    expect(results.every((r) => r.ok)).toBe(true);
    const log = (await sb.control.requests()).map((e) => `${e.method} ${e.path} ${e.status}`);
    // The 429, then the note's fresh read of the ticket and its POST; the reads (the retry among them) after.
    expect(log.slice(0, 3)).toEqual([`GET /api/tickets/${ticketId} 429`, `GET /api/tickets/${ticketId} 200`, `POST /api/tickets/${ticketId}/messages 201`]);
    expect(log.filter((e) => e.endsWith(" 429"))).toHaveLength(1);
    console.info(`note after a 429 with Retry-After: 120 (honoured 2 s): sent after ${await noteSent} ms`);
  });

  it("a 429 from elsewhere pauses the account; the GET is retried after Retry-After", async () => {
    await sb.control.reset();
    const client = await clientFor(sb, "admin", { budget: new BudgetScheduler({ capacity: CAPACITY, windowMs: WINDOW_S * 1000 }) });
    // Another instance emptied the bucket: the sandbox sees it, our estimate does not.
    await Promise.all(Array.from({ length: CAPACITY + 3 }, () => fetch(`${sb.apiBase()}/account`, { headers: { authorization: "Basic " + Buffer.from("x:y").toString("base64") } })));
    await sb.control.clearRequests();
    const r = await client.account.get();
    expect(must(r).domain).toBe("demo");
    expect((await sb.control.requests()).map((e) => e.status)).toEqual([429, 200]);
  });
});
