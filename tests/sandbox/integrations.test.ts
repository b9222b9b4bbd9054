import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { start, type Harness, type Wire } from "./helpers";

// HTTP integrations (webhooks) over real HTTP: who may manage them, where they may point, and
// what a local receiver gets — enabled triggers only, templated, in order, retried, and cut
// off after 100 failures in a row.

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1; `answer(n)` gives the status of the n-th request (0-based), or "hang". */
async function receiver(answer: (n: number) => number | "hang" = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = answer(received.length);
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (status !== "hang") res.writeHead(status, { "Content-Type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ALL_OFF = { "ticket-created": false, "ticket-updated": false, "ticket-message-created": false, "ticket-self-unsnoozed": false, "ticket-message-failed": false };

let h: Harness;
let rx: Receiver | null = null;
beforeAll(async () => {
  h = await start({ sendDelayMs: 60_000 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/__sandbox/reset", {});
  await h.control("PUT", "/__sandbox/config", { webhookRetryDelayMs: 10, webhookTimeoutMs: 10_000 });
});
afterEach(async () => {
  await rx?.close();
  rx = null;
});

async function createIntegration(http: Wire, extra: Wire = {}): Promise<Wire> {
  const res = await h.json("/api/integrations", { method: "POST", body: { type: "http", name: "Desk feed", http, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function openTicket(): Promise<Wire> {
  const found = (await h.json("/api/tickets?limit=100")).body.data.find((t: Wire) => t.status === "open" && !t.spam && t.snooze_datetime === null);
  if (!found) throw new Error("no open ticket");
  return found;
}

const newTicket = (email = "hook@example.com") =>
  h.json("/api/tickets", { method: "POST", body: { customer: { email }, messages: [{ channel: "email", via: "email", from_agent: false, body_text: "Where is my order?" }] } });

describe("managing HTTP integrations", () => {
  it("only admins create, change and delete them; every role can read them", async () => {
    rx = await receiver();
    const http = { url: `${rx.url}/hook`, method: "POST", triggers: { "ticket-created": true } };
    for (const role of ["agent", "basic-agent", "lite-agent", "observer-agent"]) {
      const res = await h.json("/api/integrations", { method: "POST", as: h.byRole(role), body: { type: "http", name: "x", http } });
      expect(res.status, role).toBe(403);
      expect(res.body.error.msg).toMatch(/permission/);
    }
    const created = await createIntegration(http);
    expect(created).toMatchObject({
      id: expect.any(Number),
      uri: `/api/integrations/${created.id}/`,
      type: "http",
      name: "Desk feed",
      description: null,
      deactivated_datetime: null,
      http: {
        url: `${rx.url}/hook`,
        method: "POST",
        request_content_type: "application/json",
        response_content_type: "application/json",
        headers: {},
        form: null,
        triggers: { "ticket-created": true },
      },
    });
    const agent = h.byRole("agent");
    expect((await h.json(`/api/integrations/${created.id}`, { as: agent })).body).toEqual(created);
    expect((await h.json("/api/integrations?type=http", { as: agent })).body.data).toEqual([created]);
    expect((await h.json(`/api/integrations/${created.id}`, { method: "PUT", as: agent, body: { name: "y" } })).status).toBe(403);
    expect((await h.json(`/api/integrations/${created.id}`, { method: "DELETE", as: agent })).status).toBe(403);
    const renamed = await h.json(`/api/integrations/${created.id}`, { method: "PUT", body: { name: "Renamed", http: { headers: { "X-Secret": "s" } } } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Renamed", http: { url: `${rx.url}/hook`, headers: { "X-Secret": "s" }, triggers: { "ticket-created": true } } });
    expect((await h.json(`/api/integrations/${created.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await h.json(`/api/integrations/${created.id}`)).status).toBe(404);
    const log = (await h.json("/api/events?object_type=Integration&order_by=created_datetime:asc")).body.data;
    expect(log.map((e: Wire) => [e.type, e.object_id, e.user_id])).toEqual([
      ["integration-created", created.id, h.admin.id],
      ["integration-updated", created.id, h.admin.id],
      ["integration-deleted", created.id, h.admin.id],
    ]);
  });

  it("refuses URLs off this machine, unknown triggers and other types; leaves seeded integrations alone", async () => {
    const post = (http: Wire, type = "http") => h.json("/api/integrations", { method: "POST", body: { type, name: "x", http } });
    for (const url of ["https://example.com/hook", "http://10.0.0.5/hook", "http://127.0.0.1.example.com/", "ftp://127.0.0.1/x", "not a url"]) {
      const res = await post({ url, triggers: { "ticket-created": true } });
      expect(res.status, url).toBe(400);
      expect(res.body.error).toMatchObject({ msg: "Failed to create integration", data: { "http.url": [expect.any(String)] } });
    }
    for (const url of ["http://localhost:1/x", "http://127.0.0.2:1/x", "http://[::1]:1/x", "https://127.0.0.1:1/{{ticket.id}}"]) {
      expect((await post({ url, triggers: { "ticket-created": true } })).status, url).toBe(201);
    }
    const loop = "http://127.0.0.1:1/x";
    expect((await post({ url: loop, triggers: { "ticket-closed": true } })).body.error.data).toEqual({ "http.triggers.ticket-closed": [expect.stringContaining("Unknown trigger")] });
    expect((await post({ url: loop, triggers: { "ticket-status-updated": true } })).status).toBe(400);
    expect((await post({ url: loop, triggers: { "ticket-status-updated": false, "ticket-updated": true } })).status).toBe(201);
    expect((await post({ url: loop, triggers: {}, headers: { "Bad Header": "x" } })).body.error.data).toEqual({ "http.headers": [expect.any(String)] });
    expect((await post({ url: loop, method: "TRACE", triggers: {} })).status).toBe(400);
    expect((await post({ url: loop, triggers: {} }, "email")).body.error.data).toEqual({ type: [expect.any(String)] });
    expect((await post({ triggers: {} })).body.error.data).toEqual({ "http.url": ["Missing data for required field."] });
    const email = (await h.json("/api/integrations?type=email")).body.data[0];
    expect((await h.json(`/api/integrations/${email.id}`, { method: "PUT", body: { name: "x" } })).status).toBe(400);
    expect((await h.json(`/api/integrations/${email.id}`, { method: "DELETE" })).status).toBe(400);
    const created = (await h.json("/api/integrations?type=http")).body.data[0];
    const moved = await h.json(`/api/integrations/${created.id}`, { method: "PUT", body: { http: { url: "https://hooks.example.com/" } } });
    expect(moved.body.error.data).toEqual({ "http.url": [expect.any(String)] });
  });
});

describe("deliveries", () => {
  it("go to enabled triggers only, templated, in order, without holding up the API", async () => {
    rx = await receiver();
    const integration = await createIntegration({
      url: `${rx.url}/hook/{{ticket.id}}?event={{event.type}}`,
      method: "POST",
      headers: { Authorization: "Bearer s3cret", "X-Ticket": "{{ticket.id}}" },
      form: "{{context}}",
      triggers: { ...ALL_OFF, "ticket-created": true, "ticket-message-created": true },
    });
    const created = await newTicket();
    await h.json(`/api/tickets/${created.body.id}`, { method: "PUT", body: { priority: "high" } });
    await waitFor(() => rx!.received.length >= 2);
    await new Promise((r) => setTimeout(r, 150));
    // ticket-updated is off: the priority change sent nothing.
    expect(rx.received.map((r) => r.url)).toEqual([`/hook/${created.body.id}?event=ticket-created`, `/hook/${created.body.id}?event=ticket-message-created`]);
    const [first, second] = rx.received.map((r) => ({ ...r, json: JSON.parse(r.body) }));
    for (const r of [first!, second!]) {
      expect(r.method).toBe("POST");
      expect(r.headers).toMatchObject({ authorization: "Bearer s3cret", "x-ticket": String(created.body.id), "content-type": "application/json" });
    }
    const events = (await h.json("/api/events?order_by=created_datetime:asc&types=ticket-created&types=ticket-message-created")).body.data;
    expect(first!.json.event).toEqual(events[0]);
    expect(first!.json.ticket).toMatchObject({ id: created.body.id, customer: { email: "hook@example.com" }, messages: [{ id: created.body.messages[0].id }] });
    expect(first!.json).not.toHaveProperty("message");
    expect(second!.json.event).toEqual(events[1]);
    expect(second!.json.message).toMatchObject({ id: created.body.messages[0].id, body_text: "Where is my order?", from_agent: false });
    const deliveries = (await h.control("GET", `/__sandbox/deliveries?account=demo&integration_id=${integration.id}`)).body.data;
    expect(deliveries.map((d: Wire) => [d.event_type, d.state, d.attempts.map((a: Wire) => a.status)])).toEqual([
      ["ticket-created", "delivered", [200]],
      ["ticket-message-created", "delivered", [200]],
    ]);
    expect(deliveries[0]).toMatchObject({ account: "demo", integration_id: integration.id, event_id: events[0].id, request: { method: "POST", body: first!.body } });
    expect((await h.control("GET", "/__sandbox/deliveries?account=acme")).body.data).toEqual([]);

    // A receiver that takes its time does not slow the API down.
    await rx.close();
    rx = await receiver(() => "hang");
    await h.json(`/api/integrations/${integration.id}`, { method: "PUT", body: { http: { url: `${rx.url}/slow` } } });
    const t0 = performance.now();
    expect((await newTicket("slow@example.com")).status).toBe(201);
    expect(performance.now() - t0).toBeLessThan(1000);
    await waitFor(() => rx!.received.length === 1);
  });

  it("render objects, form-encoded bodies and body-less methods like Gorgias's templating", async () => {
    rx = await receiver();
    const t = await openTicket();
    const form = { id: "{{ticket.id}}", spam: "{{ticket.spam}}", assignee: "{{ticket.assignee_user}}", tags: "{{ticket.tags}}", missing: "{{ticket.nope}}", fixed: "plain", nested: { status: "{{ ticket.status }}" } };
    await createIntegration({ url: `${rx.url}/json`, method: "PUT", form, triggers: { ...ALL_OFF, "ticket-updated": true } });
    await createIntegration({ url: `${rx.url}/form`, method: "PATCH", request_content_type: "application/x-www-form-urlencoded", form: { id: "{{ticket.id}}", subject: "{{ticket.subject}}" }, triggers: { "ticket-updated": true } });
    await createIntegration({ url: `${rx.url}/get?id={{ticket.id}}`, method: "GET", form: "{{context}}", triggers: { "ticket-updated": true } });
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { subject: "Café & crème", assignee_user: null, tags: [{ name: "hook-new-tag" }] } });
    await waitFor(() => rx!.received.length === 3);
    const by = (path: string) => rx!.received.find((r) => r.url.startsWith(path))!;
    const json = JSON.parse(by("/json").body);
    const tag = (await h.json(`/api/tickets/${t.id}`)).body.tags[0];
    expect(json).toEqual({ id: String(t.id), spam: "False", assignee: "None", tags: `[{'id': ${tag.id}, 'name': 'hook-new-tag', 'uri': '/api/tags/${tag.id}/', 'decoration': None}]`, missing: "", fixed: "plain", nested: { status: "open" } });
    expect(by("/json").method).toBe("PUT");
    const formReq = by("/form");
    expect(formReq.method).toBe("PATCH");
    expect(formReq.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(formReq.body))).toEqual({ id: String(t.id), subject: "Café & crème" });
    const getReq = by("/get");
    expect(getReq).toMatchObject({ method: "GET", url: `/get?id=${t.id}`, body: "" });
  });

  it("retry a failed delivery with backoff until it succeeds, holding later ones back", async () => {
    rx = await receiver((n) => (n === 0 ? 500 : n === 1 ? 404 : 200));
    const integration = await createIntegration({ url: `${rx.url}/hook`, form: "{{context}}", triggers: { ...ALL_OFF, "ticket-updated": true } });
    const t = await openTicket();
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { priority: "low" } });
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { priority: "high" } });
    await waitFor(() => rx!.received.length === 4);
    const priorities = rx.received.map((r) => JSON.parse(r.body).event.data.changes.priority.new);
    expect(priorities).toEqual(["low", "low", "low", "high"]);
    expect(new Set(rx.received.slice(0, 3).map((r) => r.body)).size).toBe(1);
    await waitFor(async () => (await h.control("GET", "/__sandbox/deliveries")).body.data.every((d: Wire) => d.state === "delivered"));
    const [first, second] = (await h.control("GET", `/__sandbox/deliveries?integration_id=${integration.id}`)).body.data;
    expect(first.attempts.map((a: Wire) => a.status)).toEqual([500, 404, 200]);
    expect(second.attempts.map((a: Wire) => a.status)).toEqual([200]);
    // Backoff: the second retry waited about twice as long as the first (10 ms, then 20 ms).
    const at = first.attempts.map((a: Wire) => Date.parse(a.at));
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(10);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(20);
    // Finished deliveries can be cleared.
    expect((await h.control("DELETE", "/__sandbox/deliveries")).status).toBe(204);
    expect((await h.control("GET", "/__sandbox/deliveries")).body.data).toEqual([]);
  });

  it("treat a timeout and a refused connection as failures", async () => {
    await h.control("PUT", "/__sandbox/config", { webhookTimeoutMs: 200 });
    rx = await receiver((n) => (n === 0 ? "hang" : 200));
    const closed = await receiver();
    const deadPort = closed.url;
    await closed.close();
    await createIntegration({ url: `${rx.url}/hook`, triggers: { ...ALL_OFF, "ticket-created": true } });
    const dead = await createIntegration({ url: `${deadPort}/hook`, triggers: { ...ALL_OFF, "ticket-created": true } });
    await newTicket();
    await waitFor(() => rx!.received.length === 2);
    const deliveries = (await h.control("GET", "/__sandbox/deliveries")).body.data;
    const live = deliveries.find((d: Wire) => d.integration_id !== dead.id);
    await waitFor(async () => (await h.control("GET", "/__sandbox/deliveries")).body.data.some((d: Wire) => d.state === "delivered"));
    const settled = (await h.control("GET", `/__sandbox/deliveries?integration_id=${live.integration_id}`)).body.data[0];
    expect(settled.attempts[0]).toMatchObject({ status: null, error: expect.stringMatching(/Timed out after 200 ms/) });
    expect(settled.attempts[0].duration_ms).toBeGreaterThanOrEqual(190);
    expect(settled.attempts[1]).toMatchObject({ status: 200, error: null });
    const refused = (await h.control("GET", `/__sandbox/deliveries?integration_id=${dead.id}`)).body.data[0];
    expect(refused.state).toBe("pending");
    expect(refused.attempts[0]).toMatchObject({ status: null, error: expect.stringMatching(/ECONNREFUSED|fetch failed/) });
  });

  it("deactivate the integration after 100 failures in a row; a success resets the count", async () => {
    await h.control("PUT", "/__sandbox/config", { webhookRetryDelayMs: 0 });
    // 99 failures, one success, then failures for good.
    rx = await receiver((n) => (n === 99 ? 200 : 500));
    const integration = await createIntegration({ url: `${rx.url}/hook`, triggers: { ...ALL_OFF, "ticket-updated": true } });
    const t = await openTicket();
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { priority: "low" } });
    await waitFor(() => rx!.received.length === 100, 20_000);
    expect((await h.json(`/api/integrations/${integration.id}`)).body.deactivated_datetime).toBeNull();
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { priority: "high" } });
    await waitFor(async () => (await h.json(`/api/integrations/${integration.id}`)).body.deactivated_datetime !== null, 20_000);
    expect(rx.received).toHaveLength(200);
    const [first, second] = (await h.control("GET", `/__sandbox/deliveries?integration_id=${integration.id}`)).body.data;
    expect(first).toMatchObject({ state: "delivered" });
    expect(first.attempts).toHaveLength(100);
    expect(second).toMatchObject({ state: "abandoned" });
    expect(second.attempts).toHaveLength(100);
    const log = (await h.json(`/api/events?object_type=Integration&object_id=${integration.id}&types=integration-deactivated`)).body.data;
    expect(log).toEqual([expect.objectContaining({ type: "integration-deactivated", user_id: null, data: { reason: "100 consecutive failed deliveries" } })]);
    // Deactivated: nothing more is sent.
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { priority: "normal" } });
    await new Promise((r) => setTimeout(r, 150));
    expect(rx.received).toHaveLength(200);
    // Reactivated by an admin: deliveries resume.
    await rx.close();
    rx = await receiver();
    const back = await h.json(`/api/integrations/${integration.id}`, { method: "PUT", body: { deactivated_datetime: null, http: { url: `${rx.url}/hook` } } });
    expect(back.body.deactivated_datetime).toBeNull();
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { priority: "low" } });
    await waitFor(() => rx!.received.length === 1);
  });

  it("follow the snooze wake-up, the mail queue's failures and live activity, with no API call", async () => {
    rx = await receiver();
    await createIntegration({ url: `${rx.url}/hook`, form: "{{context}}", triggers: { ...ALL_OFF, "ticket-self-unsnoozed": true, "ticket-message-failed": true, "ticket-message-created": true } });
    const t = await openTicket();
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { snooze_datetime: new Date(Date.now() + 800).toISOString() } });
    const reply = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: "email", from_agent: true, body_text: "Sent to nowhere", source: { to: [{ address: "x@nowhere.invalid" }] } },
    });
    await h.control("POST", "/__sandbox/flush");
    await waitFor(() => rx!.received.length === 3);
    const types = rx.received.map((r) => JSON.parse(r.body).event.type);
    expect(types).toEqual(["ticket-message-created", "ticket-message-failed", "ticket-self-unsnoozed"]);
    const failed = JSON.parse(rx.received[1]!.body);
    expect(failed.message).toMatchObject({ id: reply.body.id, failed_datetime: expect.any(String), last_sending_error: { error: expect.stringContaining("nowhere.invalid") } });
    const woke = JSON.parse(rx.received[2]!.body);
    expect(woke.ticket).toMatchObject({ id: t.id, status: "open", snooze_datetime: null });
    await h.control("PUT", "/__sandbox/config", { liveActivity: { intervalMs: 60 } });
    await waitFor(() => rx!.received.length >= 6);
    await h.control("PUT", "/__sandbox/config", { liveActivity: false });
    const live = rx.received.slice(3).map((r) => JSON.parse(r.body));
    expect(live.every((b) => b.event.type === "ticket-message-created" && b.message.from_agent === false && b.event.user_id === null)).toBe(true);
  });
});

describe("reset and persistence", () => {
  it("reset forgets integrations, deliveries and events", async () => {
    rx = await receiver(() => 500);
    const integration = await createIntegration({ url: `${rx.url}/hook`, triggers: { ...ALL_OFF, "ticket-created": true } });
    await newTicket();
    await waitFor(() => rx!.received.length >= 1);
    await h.control("POST", "/__sandbox/reset", {});
    expect((await h.json(`/api/integrations/${integration.id}`)).status).toBe(404);
    expect((await h.json("/api/integrations?type=http")).body.data).toEqual([]);
    expect((await h.control("GET", "/__sandbox/deliveries")).body.data).toEqual([]);
    expect((await h.json("/api/events")).body.data).toEqual([]);
    // The failing delivery was stopped, not retried against the new account.
    const count = rx.received.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.received.length).toBe(count);
  });

  it("integrations survive a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-hooks-"));
    try {
      const first = await start({ dataDir: dir });
      const res = await first.json("/api/integrations", { method: "POST", body: { type: "http", name: "kept", http: { url: "http://127.0.0.1:1/x", triggers: { "ticket-created": true } } } });
      await first.close();
      const second = await start({ dataDir: dir });
      try {
        expect((await second.json(`/api/integrations/${res.body.id}`)).body).toEqual(res.body);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
