import { describe, expect, it } from "vitest";
import { backoffMs, DEFAULT_RETRY, retryDelayMs } from "@/lib/gorgias/retry";
import { message, ticketListItem, envelope } from "./fixtures";
import { BudgetScheduler } from "@/lib/gorgias/budget";
import { empty, hang, json, ManualClock, networkError, scriptedFetch, testClient } from "./helpers";

const reply = { senderUserId: 7, receiverCustomerId: 8, from: { address: "support@acme.test" }, to: [{ address: "john@example.com" }], bodyText: "Hi", externalId: "op-1" };

describe("requests", () => {
  it("sends Basic auth, JSON accept, and the query with repeated array keys", async () => {
    const { fetch, requests } = scriptedFetch(json(envelope([ticketListItem])));
    const { client } = testClient(fetch);
    await client.tickets.list({ limit: 5, ticketIds: [1, 3] });
    const req = requests[0];
    expect(req?.url.origin).toBe("https://acme.gorgias.test");
    expect(req?.url.pathname).toBe("/api/tickets");
    expect(req?.url.searchParams.getAll("ticket_ids")).toEqual(["1", "3"]);
    expect(req?.url.searchParams.get("trashed")).toBe("false");
    expect(req?.headers.get("authorization")).toBe(`Basic ${Buffer.from("agent@acme.test:sk_live_5ecret_key_value").toString("base64")}`);
  });

  it("reports the call-limit header through the callback and the client", async () => {
    const seen: unknown[] = [];
    const { fetch } = scriptedFetch(json(envelope([]), 200, { "x-gorgias-account-api-call-limit": "12/40" }));
    const { client } = testClient(fetch, { onCallLimit: (l) => seen.push(l) });
    await client.tickets.list();
    expect(seen).toEqual([{ used: 12, limit: 40 }]);
    expect(client.callLimit()).toEqual({ used: 12, limit: 40 });
  });

  it("accepts empty 201/204 answers for tag add/remove", async () => {
    const { fetch, requests } = scriptedFetch(empty(201), empty(204));
    const { client } = testClient(fetch);
    expect((await client.tags.addToTicket(5, { names: ["vip"] })).ok).toBe(true);
    expect((await client.tags.removeFromTicket(5, { ids: [2] })).ok).toBe(true);
    expect(requests.map((r) => [r.method, r.url.pathname, r.body])).toEqual([
      ["POST", "/api/tickets/5/tags", { names: ["vip"] }],
      ["DELETE", "/api/tickets/5/tags", { ids: [2] }],
    ]);
  });
});

describe("retries", () => {
  it("a GET is retried on 5xx with jittered backoff and then succeeds", async () => {
    const { fetch, requests } = scriptedFetch(empty(503), empty(502), json(message));
    const { client, slept } = testClient(fetch);
    const r = await client.messages.get(12, 924712);
    expect(r.ok).toBe(true);
    expect(requests).toHaveLength(3);
    // random() = 0.5: half of 300·2^0 and 300·2^1
    expect(slept).toEqual([150, 300]);
  });

  it("a GET is retried at most twice", async () => {
    const { fetch, requests } = scriptedFetch(empty(500));
    const { client } = testClient(fetch);
    const r = await client.tickets.get(1);
    expect(r.ok ? null : r.error).toMatchObject({ kind: "unavailable", status: 500 });
    expect(requests).toHaveLength(3);
  });

  it("a GET is retried after timeout and network errors", async () => {
    const { fetch, requests } = scriptedFetch(hang, networkError("ECONNRESET"), json(message));
    const { client } = testClient(fetch, { timeoutMs: 30 });
    expect((await client.messages.get(12, 1)).ok).toBe(true);
    expect(requests).toHaveLength(3);
  });

  it("a GET honours Retry-After on 429 by waiting in the account's scheduler, not in a sleep of its own", async () => {
    const { fetch, requests } = scriptedFetch(json({}, 429, { "retry-after": "3" }), json(message));
    const { client, slept, budget, clock } = testClient(fetch);
    const start = clock.now();
    const r = await client.messages.get(12, 1);
    expect(r.ok).toBe(true);
    expect(slept).toEqual([]);
    expect(requests).toHaveLength(2);
    expect(clock.now() - start).toBeGreaterThanOrEqual(3_000);
    expect(budget.snapshot().pausedForMs).toBe(0);
  });

  it("a Retry-After beyond the cap pauses the account 30 s; a read that cannot wait that long is answered busy at once", async () => {
    const { fetch, requests } = scriptedFetch(json({}, 429, { "retry-after": "120" }));
    const { client, slept, budget } = testClient(fetch);
    const r = await client.tickets.get(1);
    expect(r.ok ? null : r.error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 30 });
    expect(budget.snapshot().pausedForMs).toBe(30_000);
    expect(requests).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it("a read waits for the budget at most 10 s over all its retries, then ends busy with the time to try again", async () => {
    const { fetch, requests } = scriptedFetch(json({}, 429, { "retry-after": "6" }), json({}, 429, { "retry-after": "6" }), json(message));
    const { client, clock } = testClient(fetch);
    const start = clock.now();
    const r = await client.messages.get(12, 1);
    // 6 s waited after the first 429; the second asks for 6 more, past the 10 s the read may wait.
    expect(r.ok ? null : r.error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 6, shed: true });
    expect(requests).toHaveLength(2);
    expect(clock.now() - start).toBe(6_000);
  });

  it.each([
    ["429", () => json({}, 429, { "retry-after": "1" }), "rate_limited"],
    ["503", () => empty(503), "unavailable"],
    ["reset", () => networkError("ECONNRESET"), "network"],
    ["timeout", () => hang, "timeout"],
  ] as const)("a message POST is never retried (%s)", async (_name, make, kind) => {
    const { fetch, requests } = scriptedFetch(make(), json(message, 201));
    const { client, slept } = testClient(fetch, { timeoutMs: 30 });
    const r = await client.messages.createReply(12, reply);
    expect(r.ok ? null : r.error.kind).toBe(kind);
    expect(requests).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it("ticket create and update (PUT) are not retried either", async () => {
    const { fetch, requests } = scriptedFetch(empty(503));
    const { client } = testClient(fetch);
    await client.tickets.update(1, { status: "closed" });
    await client.tickets.create({ customer: { email: "a@b.test" }, subject: "s", senderUserId: 1, from: { address: "s@acme.test" }, to: { address: "a@b.test" }, bodyText: "x", externalId: "op" });
    expect(requests).toHaveLength(2);
  });

  it("4xx answers are not retried", async () => {
    const { fetch, requests } = scriptedFetch(json({ error: { msg: "nope" } }, 404));
    const { client } = testClient(fetch);
    await client.tickets.get(1);
    expect(requests).toHaveLength(1);
  });

  it("full jitter stays within [0, min(cap, base·2^n))", () => {
    for (let n = 0; n < 10; n++) {
      const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** n);
      expect(backoffMs(n, DEFAULT_RETRY, () => 0)).toBe(0);
      expect(backoffMs(n, DEFAULT_RETRY, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffMs(n, DEFAULT_RETRY, () => 0.999999)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
    }
    const aborted = { kind: "network", reason: "aborted", message: "x", request: "GET /" } as const;
    expect(retryDelayMs(aborted, 0, DEFAULT_RETRY, () => 0.5)).toBeNull();
  });
});

describe("a send after a 429", () => {
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it("a send is never delayed by a pending read's Retry-After: it goes when the account's pause ends, ahead of the waiting reads", async () => {
    const clock = new ManualClock();
    const budget = new BudgetScheduler({ clock });
    const sent: { what: string; at: number }[] = [];
    let answer429: () => void = () => undefined;
    const { fetch } = scriptedFetch((req) => {
      const what = `${req.method} ${req.url.pathname}`;
      const first = !sent.some((r) => r.what === what);
      sent.push({ what, at: clock.now() });
      if (req.method === "POST") return json(message, 201);
      if (what === "GET /api/tickets/12" && first) return new Promise<Response>((resolve) => (answer429 = () => resolve(json({}, 429, { "retry-after": "3" }))));
      return json({ ...ticketListItem, id: Number(req.url.pathname.split("/").pop()), messages: [] });
    });
    const { client } = testClient(fetch, { budget });
    budget.observe({ used: 35, limit: 40 });
    const start = clock.now();
    // The ticket on screen is read while the list's reads queue up behind the read lane's reserve...
    const onScreen = client.tickets.get(12);
    const lists = Array.from({ length: 8 }, (_, i) => client.tickets.get(20 + i));
    await flush();
    // ...and draws a 429: the account's bucket is empty. Its retry waits behind the queued reads.
    answer429();
    await flush();
    // The agent sends a note on that ticket: the pipeline's fresh read of the ticket, then the POST.
    const note = client.tickets.get(12, { priority: "send" }).then(() => client.messages.createNote(12, { senderUserId: 1, bodyText: "n", externalId: "op" }, { priority: "send" }));
    for (let t = 0; t < 10_000; t += 100) {
      clock.advance(100);
      await flush();
    }
    expect((await note).ok).toBe(true);
    expect((await onScreen).ok).toBe(true);
    expect((await Promise.all(lists)).every((r) => r.ok)).toBe(true);
    const post = sent.find((r) => r.what.startsWith("POST"));
    // Held by the account's pause (3 s) and nothing else: not by the read's retry, nor by the reads queued before it.
    expect(post?.at).toBe(start + 3_000);
    const retry = sent.filter((r) => r.what === "GET /api/tickets/12").at(-1);
    expect(retry?.at).toBeGreaterThan(post?.at ?? Infinity);
  });

  it("a send waits out a pause up to its own deadline (15 s); a longer one is answered busy at once, nothing sent", async () => {
    const clock = new ManualClock();
    const budget = new BudgetScheduler({ clock });
    const { fetch, requests } = scriptedFetch(json(message, 201));
    const { client } = testClient(fetch, { budget });
    budget.pause(20);
    const r = await client.messages.createNote(12, { senderUserId: 1, bodyText: "n", externalId: "op" });
    expect(r.ok ? null : r.error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 20, shed: true });
    clock.advance(10_000);
    const waited = client.messages.createNote(12, { senderUserId: 1, bodyText: "n", externalId: "op" });
    await flush();
    expect(requests).toHaveLength(0);
    clock.advance(10_000);
    expect((await waited).ok).toBe(true);
    expect(requests).toHaveLength(1);
  });
});

describe("coalescing and cancellation", () => {
  it("identical concurrent GETs share one HTTP request", async () => {
    let release: (r: Response) => void = () => undefined;
    const { fetch, requests } = scriptedFetch((req) =>
      req.url.pathname.endsWith("/9") ? new Promise<Response>((resolve) => (release = resolve)) : json({ ...ticketListItem, id: 10, messages: [] }),
    );
    const { client } = testClient(fetch);
    const a = client.tickets.get(9);
    const b = client.tickets.get(9);
    const c = client.tickets.get(10);
    await new Promise((r) => setTimeout(r, 5));
    release(json({ ...ticketListItem, id: 9, messages: [] }));
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.ok && rb.ok).toBe(true);
    expect(requests.filter((r) => r.url.pathname === "/api/tickets/9")).toHaveLength(1);
    expect((await c).ok).toBe(true);
  });

  it("different credentials are not coalesced", async () => {
    const { fetch, requests } = scriptedFetch(json(message));
    const one = testClient(fetch);
    const two = testClient(fetch, { apiKey: "another-key-xyz", budget: one.budget });
    await Promise.all([one.client.messages.get(1, 2), two.client.messages.get(1, 2)]);
    expect(requests).toHaveLength(2);
  });

  it("a caller's abort returns network(aborted) without cancelling the shared request", async () => {
    let release: (r: Response) => void = () => undefined;
    const { fetch, requests } = scriptedFetch(() => new Promise<Response>((resolve) => (release = resolve)));
    const { client } = testClient(fetch);
    const controller = new AbortController();
    const a = client.messages.get(1, 2, { signal: controller.signal });
    const b = client.messages.get(1, 2);
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await a).toMatchObject({ ok: false, error: { kind: "network", reason: "aborted" } });
    release(json(message));
    expect((await b).ok).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it("a shared GET is cancelled once every caller has gone: it leaves the budget queue and never reaches Gorgias", async () => {
    const { fetch, requests } = scriptedFetch(json(message));
    const clock = new ManualClock();
    const budget = new BudgetScheduler({ clock });
    const { client } = testClient(fetch, { budget });
    budget.observe({ used: 40, limit: 40 });
    const one = new AbortController();
    const two = new AbortController();
    const a = client.messages.get(1, 2, { signal: one.signal });
    const b = client.messages.get(1, 2, { signal: two.signal });
    await new Promise((r) => setTimeout(r, 0));
    expect(budget.snapshot().waiting.read).toBe(1);
    one.abort();
    expect(budget.snapshot().waiting.read).toBe(1);
    two.abort();
    expect(await a).toMatchObject({ ok: false, error: { kind: "network", reason: "aborted" } });
    expect(await b).toMatchObject({ ok: false, error: { kind: "network", reason: "aborted" } });
    expect(budget.snapshot().waiting.read).toBe(0);
    clock.advance(20_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(requests).toHaveLength(0);
  });

  it("a caller joins an identical call of its own or a more urgent lane, never a less urgent one", async () => {
    const { fetch, requests } = scriptedFetch(json({ ...ticketListItem, id: 9, messages: [] }));
    const clock = new ManualClock();
    const budget = new BudgetScheduler({ clock });
    const { client } = testClient(fetch, { budget });
    budget.observe({ used: 38, limit: 40 }); // room for a send, not for a read
    const read = client.tickets.get(9);
    const send = client.tickets.get(9, { priority: "send" });
    const refresh = client.tickets.get(9, { priority: "refresh" });
    expect((await send).ok).toBe(true);
    expect(requests).toHaveLength(1); // the send did not wait for the read's call; the refresh joined the send's
    expect((await refresh).ok).toBe(true);
    clock.advance(2_000);
    expect((await read).ok).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it("an aborted write reports network(aborted)", async () => {
    const { fetch } = scriptedFetch(hang);
    const { client } = testClient(fetch);
    const controller = new AbortController();
    const pending = client.messages.createNote(1, { senderUserId: 1, bodyText: "n", externalId: "op" }, { signal: controller.signal });
    controller.abort();
    const r = await pending;
    expect(r.ok ? null : r.error).toMatchObject({ kind: "network", reason: "aborted" });
  });
});

describe("answers with broken text", () => {
  it("a lone surrogate in any string Gorgias sends is read as U+FFFD, so server and browser render alike", async () => {
    const { fetch } = scriptedFetch(json(envelope([{ ...ticketListItem, subject: "Broken \uD83D emoji", excerpt: "\uDE00 tail" }])));
    const { client } = testClient(fetch);
    const page = await client.tickets.list();
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.items[0]).toMatchObject({ subject: "Broken \uFFFD emoji", excerpt: "\uFFFD tail" });
  });
});
