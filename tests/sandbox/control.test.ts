import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, type Harness, type Wire } from "./helpers";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("rate limit", () => {
  it("is on by default at 40 requests per 20 s", async () => {
    h = await start({ rateLimit: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 46 && !statuses.includes(429); i++) {
      const res = await h.api("/api/account");
      expect(res.headers.get("x-gorgias-account-api-call-limit")).toMatch(/^\d+\/40$/);
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
  });

  it("the 41st request in the window gets 429 with Retry-After", async () => {
    // A long window so that leaking during the test cannot blur the exact count.
    h = await start({ rateLimit: { capacity: 40, windowSeconds: 2000 } });
    const statuses: number[] = [];
    const headers: string[] = [];
    for (let i = 0; i < 41; i++) {
      const res = await h.api("/api/account");
      statuses.push(res.status);
      headers.push(res.headers.get("x-gorgias-account-api-call-limit") ?? "");
      if (i === 40) {
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(await res.json()).toEqual({ error: { msg: "Too many requests." } });
      } else await res.text();
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    expect(headers[0]).toBe("1/40");
    expect(headers[39]).toBe("40/40");
    // The bucket is per account: acme is unaffected, and other demo agents share demo's bucket.
    expect((await h.api("/api/account", { account: "acme", as: h.byRole("admin", "acme") })).status).toBe(200);
    expect((await h.api("/api/account", { as: h.byRole("agent") })).status).toBe(429);
    // Control calls are never limited.
    expect((await h.control("GET", "/__sandbox/requests")).status).toBe(200);
  });

  it("can be reconfigured or switched off", async () => {
    h = await start({ rateLimit: { capacity: 3, windowSeconds: 1 } });
    for (let i = 0; i < 3; i++) expect((await h.api("/api/account")).status).toBe(200);
    const limited = await h.api("/api/account");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    await new Promise((r) => setTimeout(r, 400));
    expect((await h.api("/api/account")).status).toBe(200);
    const config = await h.control("PUT", "/__sandbox/config", { rateLimit: false });
    expect(config.body.rateLimit).toBe(false);
    for (let i = 0; i < 10; i++) expect((await h.api("/api/account")).status).toBe(200);
  });
});

describe("faults, latency and the request log", () => {
  it("status faults answer Gorgias errors, with Retry-After when asked, N times", async () => {
    h = await start();
    const ticket = (await h.json("/api/tickets?limit=1")).body.data[0];
    const res = await h.control("POST", "/__sandbox/faults", { method: "GET", path: "/api/tickets/*", kind: "status", status: 503, count: 2 });
    expect(res.status).toBe(201);
    await h.control("POST", "/__sandbox/faults", { method: "*", path: "/api/account", kind: "status", status: 429, retryAfter: 7 });
    for (let i = 0; i < 2; i++) {
      const r = await h.json(`/api/tickets/${ticket.id}`);
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ error: { msg: "An external service had an issue." } });
    }
    expect((await h.json(`/api/tickets/${ticket.id}`)).status).toBe(200);
    const limited = await h.json("/api/account");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    const bad = await h.control("POST", "/__sandbox/faults", { method: "GET", path: "/api/x", kind: "status" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.msg).toContain("status");
  });

  it("delay, drop and malformed faults", async () => {
    h = await start();
    await h.control("POST", "/__sandbox/faults", { method: "GET", path: "/api/account", kind: "delay", delayMs: 1000 });
    const aborted = await h.api("/api/account", { headers: {} }).then(
      () => "answered",
      () => "error",
    );
    expect(aborted).toBe("answered"); // the delay itself is fine without a timeout...
    await h.control("POST", "/__sandbox/faults", { method: "GET", path: "/api/account", kind: "delay", delayMs: 2000 });
    const timedOut = await fetch(`${h.url}/demo/api/account`, { signal: AbortSignal.timeout(200) }).then(
      () => "answered",
      (e: Error) => e.name,
    );
    expect(timedOut).toBe("TimeoutError"); // ...but longer than a client's timeout.
    await h.control("POST", "/__sandbox/faults", { method: "GET", path: "/api/users", kind: "drop" });
    await expect(h.api("/api/users")).rejects.toThrow();
    await h.control("POST", "/__sandbox/faults", { method: "GET", path: "/api/users", kind: "malformed" });
    const malformed = await h.api("/api/users");
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    expect((await h.api("/api/users")).status).toBe(200);
    const log = (await h.control("GET", "/__sandbox/requests?account=demo")).body.data;
    expect(log.filter((e: Wire) => e.path === "/api/users").map((e: Wire) => e.status)).toEqual([0, 200, 200]);
    await h.control("POST", "/__sandbox/faults", { method: "GET", path: "/api/users", kind: "drop" });
    expect((await h.control("DELETE", "/__sandbox/faults")).status).toBe(204);
    expect((await h.api("/api/users")).status).toBe(200);
  });

  it("adds global latency", async () => {
    h = await start();
    await h.control("PUT", "/__sandbox/config", { latencyMs: 150 });
    const t0 = performance.now();
    await h.api("/api/account");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    const config = await h.control("PUT", "/__sandbox/config", { latencyMs: 0 });
    expect(config.body).toMatchObject({ latencyMs: 0, sendDelayMs: 1500, liveActivity: false });
    expect((await h.control("PUT", "/__sandbox/config", { latencyMs: "slow" })).status).toBe(400);
  });

  it("records API requests with method, path, query, body, status, time, user", async () => {
    h = await start();
    const ticket = (await h.json("/api/tickets?limit=2&order_by=updated_datetime:desc")).body.data[0];
    await h.json(`/api/tickets/${ticket.id}`, { method: "PUT", body: { priority: "low" } });
    await fetch(`${h.url}/demo/api/account`);
    const log = (await h.control("GET", "/__sandbox/requests?account=demo")).body.data;
    expect(log.map((e: Wire) => [e.method, e.path, e.status])).toEqual([
      ["GET", "/api/tickets", 200],
      ["PUT", `/api/tickets/${ticket.id}`, 200],
      ["GET", "/api/account", 401],
    ]);
    expect(log[0]).toMatchObject({ account: "demo", query: { limit: "2", order_by: "updated_datetime:desc" }, body: null, user_email: h.admin.email });
    expect(log[1].body).toEqual({ priority: "low" });
    expect(log[2].user_email).toBeNull();
    expect(Date.parse(log[0].time)).not.toBeNaN();
    await h.control("DELETE", "/__sandbox/requests");
    expect((await h.control("GET", "/__sandbox/requests")).body.data).toEqual([]);
  });
});

describe("reset, persistence, live activity", () => {
  const strip = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (k, v) => (typeof k === "string" && /datetime$|created_at/.test(k) ? null : v));

  it("reset restores the deterministic seed: same seed, same data", async () => {
    h = await start();
    const snapshot = async () => strip([(await h!.json("/api/tickets?limit=100")).body.data, (await h!.json("/api/customers?limit=50")).body.data]);
    const before = await snapshot();
    const t = (before as Wire)[0][0];
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { subject: "changed" } });
    expect((await h.control("POST", "/__sandbox/reset", {})).status).toBe(200);
    expect(await snapshot()).toEqual(before);
    await h.control("POST", "/__sandbox/reset", { seed: 2 });
    expect(await snapshot()).not.toEqual(before);
    await h.control("POST", "/__sandbox/reset", { seed: 1 });
    expect(await snapshot()).toEqual(before);
    const other = await start();
    try {
      expect(strip((await other.json("/api/tickets?limit=100")).body.data)).toEqual((before as Wire)[0]);
    } finally {
      await other.close();
    }
    const bigger = await h.control("POST", "/__sandbox/reset", { tickets: 400 });
    expect(bigger.body.tickets).toBe(400);
    expect((await h.control("POST", "/__sandbox/reset", { seed: "x" })).status).toBe(400);
  });

  it("event ids never go backwards across a reset, as Gorgias never reuses one", async () => {
    h = await start();
    const newest = async () => Math.max(...((await h!.json("/api/events?limit=30&order_by=created_datetime:desc")).body.data as Array<{ id: number }>).map((e) => e.id));
    for (let i = 0; i < 5; i++) await h.control("POST", "/__sandbox/activity", {});
    const before = await newest();
    await h.control("POST", "/__sandbox/reset", {});
    await h.control("POST", "/__sandbox/activity", {});
    expect(await newest()).toBeGreaterThan(before);
  });

  it("persists changes across restarts in its data dir, and --reset discards them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-test-"));
    try {
      h = await start({ dataDir: dir });
      const t = (await h.json("/api/tickets?limit=1")).body.data[0];
      await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { subject: "Persisted subject", status: "closed" } });
      const note = await h.json(`/api/tickets/${t.id}/messages`, { method: "POST", body: { channel: "internal-note", from_agent: true, body_text: "remember me" } });
      const created = await h.json("/api/tickets", {
        method: "POST",
        body: { customer: { email: "persist@example.com" }, messages: [{ channel: "email", from_agent: false, body_text: "hello" }] },
      });
      await h.close();
      h = await start({ dataDir: dir });
      const again = await h.json(`/api/tickets/${t.id}`);
      expect(again.body).toMatchObject({ subject: "Persisted subject", status: "closed" });
      expect(again.body.messages.at(-1)).toMatchObject({ id: note.body.id, body_text: "remember me" });
      expect((await h.json(`/api/tickets/${created.body.id}`)).body.customer.email).toBe("persist@example.com");
      await h.close();
      h = await start({ dataDir: dir, reset: true });
      expect((await h.json(`/api/tickets/${t.id}`)).body.subject).not.toBe("Persisted subject");
      expect((await h.json(`/api/tickets/${created.body.id}`)).status).toBe(404);
    } finally {
      await h?.close();
      h = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("live activity writes customer messages on demand and on a timer", async () => {
    h = await start();
    const res = await h.control("POST", "/__sandbox/activity", {});
    expect(res.body).toEqual({ ticket_id: expect.any(Number), message_id: expect.any(Number) });
    const ticket = await h.json(`/api/tickets/${res.body.ticket_id}`);
    expect(ticket.body.status).toBe("open");
    expect(ticket.body.messages.at(-1)).toMatchObject({ id: res.body.message_id, from_agent: false });
    const before = (await h.json("/api/messages?limit=1")).body.data[0].id;
    await h.control("PUT", "/__sandbox/config", { liveActivity: { intervalMs: 100 } });
    await new Promise((r) => setTimeout(r, 450));
    await h.control("PUT", "/__sandbox/config", { liveActivity: false });
    const latest = (await h.json("/api/messages?limit=10")).body.data;
    expect(latest.filter((m: Wire) => m.id > before).length).toBeGreaterThanOrEqual(2);
  });
});
