import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GorgiasClient } from "@/lib/gorgias/client";
import { createGorgiasClient } from "@/lib/gorgias/client";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { clientFor, must } from "./setup";

let sb: TestSandbox;
let client: GorgiasClient;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(async () => {
  await sb.control.reset();
  client = await clientFor(sb, "admin", { timeoutMs: 2_000 });
});

const note = (senderUserId: number) => ({ senderUserId, bodyText: "fault test", externalId: crypto.randomUUID() });

async function firstTicketId(): Promise<number> {
  const id = must(await client.tickets.list({ limit: 1 })).items[0]?.id;
  if (id === undefined) throw new Error("no tickets");
  return id;
}

const hits = async (method: string, path: string) => (await sb.control.requests()).filter((r) => r.method === method && r.path === path);

describe("fault handling over real HTTP", () => {
  it("429 on a GET: waits Retry-After, retries once, succeeds", async () => {
    const id = await firstTicketId();
    await sb.control.clearRequests();
    await sb.control.fault({ method: "GET", path: "/api/tickets/*", kind: "status", status: 429, retryAfter: 1, count: 1 });
    const started = Date.now();
    expect(must(await client.tickets.get(id)).id).toBe(id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await hits("GET", `/api/tickets/${id}`)).map((r) => r.status)).toEqual([429, 200]);
  });

  it("429 on a message POST: not retried, returns rate_limited, nothing created", async () => {
    const id = await firstTicketId();
    const me = must(await client.users.current());
    await sb.control.clearRequests();
    await sb.control.fault({ method: "POST", path: "/api/tickets/*/messages", kind: "status", status: 429, retryAfter: 2, count: 1 });
    const body = note(me.id);
    const r = await client.messages.createNote(id, body);
    expect(r.ok ? null : r.error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 2 });
    expect(await hits("POST", `/api/tickets/${id}/messages`)).toHaveLength(1);
    expect(must(await client.messages.findByExternalId(id, body.externalId))).toBeNull();
  });

  it("5xx on a GET is retried; persistent 5xx gives unavailable after 3 attempts", async () => {
    await sb.control.clearRequests();
    await sb.control.fault({ method: "GET", path: "/api/account", kind: "status", status: 503, count: 1 });
    expect(must(await client.account.get()).domain).toBe("demo");
    await sb.control.fault({ method: "GET", path: "/api/account", kind: "status", status: 502, count: 10 });
    const r = await client.account.get();
    expect(r.ok ? null : r.error).toMatchObject({ kind: "unavailable", status: 502 });
    expect((await hits("GET", "/api/account")).length).toBe(2 + 3);
  });

  it("5xx on a POST is returned at once (outcome unknown, not retried)", async () => {
    const id = await firstTicketId();
    const me = must(await client.users.current());
    await sb.control.clearRequests();
    await sb.control.fault({ method: "POST", path: "/api/tickets/*/messages", kind: "status", status: 500, count: 1 });
    const r = await client.messages.createNote(id, note(me.id));
    expect(r.ok ? null : r.error).toMatchObject({ kind: "unavailable", status: 500 });
    expect(await hits("POST", `/api/tickets/${id}/messages`)).toHaveLength(1);
  });

  it("an answer slower than the timeout → timeout", async () => {
    const slow = await clientFor(sb, "admin", { timeoutMs: 300, retry: { maxRetries: 0 } });
    await sb.control.fault({ method: "GET", path: "/api/account", kind: "delay", delayMs: 1_500, count: 1 });
    const r = await slow.account.get();
    expect(r.ok ? null : r.error).toMatchObject({ kind: "timeout", timeoutMs: 300 });
  });

  it("a dropped connection → network(reset); a GET recovers on retry", async () => {
    const once = await clientFor(sb, "admin", { retry: { maxRetries: 0 } });
    await sb.control.fault({ method: "GET", path: "/api/account", kind: "drop", count: 1 });
    const r = await once.account.get();
    expect(r.ok ? null : r.error).toMatchObject({ kind: "network", reason: "reset" });
    await sb.control.fault({ method: "GET", path: "/api/account", kind: "drop", count: 1 });
    expect((await client.account.get()).ok).toBe(true);
  });

  it("malformed JSON → unexpected_response", async () => {
    const once = await clientFor(sb, "admin", { retry: { maxRetries: 0 } });
    await sb.control.fault({ method: "GET", path: "/api/users/0", kind: "malformed", count: 1 });
    const r = await once.users.current();
    expect(r.ok ? null : r.error).toMatchObject({ kind: "unexpected_response" });
  });

  it("a wrong API key → unauthorized, and the key is not in the error", async () => {
    const bad = await clientFor(sb, "admin", { apiKey: "definitely-wrong-key-123" });
    const r = await bad.account.get();
    expect(r.ok ? null : r.error).toMatchObject({ kind: "unauthorized" });
    expect(JSON.stringify(r)).not.toContain("definitely-wrong-key-123");
  });

  it("an observer-agent may read but not write → forbidden", async () => {
    const observer = await clientFor(sb, "observer-agent");
    const me = must(await observer.users.current());
    const id = must(await observer.tickets.list({ limit: 1 })).items[0]?.id ?? -1;
    const r = await observer.messages.createNote(id, note(me.id));
    expect(r.ok ? null : r.error).toMatchObject({ kind: "forbidden" });
  });

  it("an unknown ticket → not_found(resource)", async () => {
    const r = await client.tickets.get(987_654_321);
    expect(r.ok ? null : r.error).toMatchObject({ kind: "not_found", reason: "resource" });
  });

  it("an invalid request → rejected with field errors", async () => {
    const r = await client.tickets.list({ limit: 500 });
    expect(r.ok ? null : r.error).toMatchObject({ kind: "rejected", status: 400 });
    if (r.ok || r.error.kind !== "rejected") return;
    expect(Object.keys(r.error.fields)).toContain("limit");
  });

  it("an unknown account domain → not_found(unknown_account)", async () => {
    const agent = await sb.agent("admin");
    const created = createGorgiasClient({ baseUrl: sb.template, accountDomain: "no-such-account", email: agent.email, apiKey: agent.api_key });
    if (!created.ok) throw new Error(created.error.message);
    const r = await created.value.account.get();
    expect(r.ok ? null : r.error).toMatchObject({ kind: "not_found", reason: "unknown_account" });
    expect(r.ok ? "" : r.error.message).toContain("no-such-account");
  });

  it("an invalid account domain never becomes a URL", () => {
    expect(createGorgiasClient({ baseUrl: sb.template, accountDomain: "../demo", email: "a", apiKey: "b" }).ok).toBe(false);
  });
});
