/**
 * `npm run setup:webhooks` against the sandbox: one integration created then updated in place, an
 * agent's key refused, and the deliveries it produces carry the secret and a body the receiver reads.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookSecretMatches, type Store } from "@/lib/db";
import { WEBHOOK_SECRET_HEADER, WebhookBody, webhookHint } from "@/lib/domain/contract/webhook";
import { liveFeedIntegrationState, setupLiveFeedWebhook } from "@/features/live/server/webhook-setup";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, type TestTarget } from "../db/harness";
import { clientFor, must } from "../gorgias/setup";

describe("live feed webhook setup", () => {
  let sb: TestSandbox;
  let target: TestTarget;
  let store: Store;
  const received: Array<{ headers: IncomingHttpHeaders; body: string; path: string }> = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body, path: req.url ?? "" });
      res.writeHead(202).end();
    });
  });
  let deskUrl = "";

  beforeAll(async () => {
    sb = await startTestSandbox();
    await sb.control.config({ webhookRetryDelayMs: 0 });
    target = await pgliteTarget();
    store = await target.open();
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    deskUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    receiver.close();
    await store?.close();
    await target?.cleanup();
    await sb?.close();
  });

  it("creates one integration with an admin's key, updates it in place on a second run, and stores only the secret's hash", async () => {
    const admin = await clientFor(sb, "admin");
    const secret = "s".repeat(40);
    const first = await setupLiveFeedWebhook({ gorgias: admin, db: store.db, deskUrl, secret });
    expect(first).toMatchObject({ ok: true, action: "created", url: `${deskUrl}/api/webhooks/gorgias/demo` });
    const second = await setupLiveFeedWebhook({ gorgias: admin, db: store.db, deskUrl: `${deskUrl}/`, secret });
    expect(second).toMatchObject({ ok: true, action: "updated" });
    if (!first.ok || !second.ok) throw new Error("setup failed");
    expect(second.integration.id).toBe(first.integration.id);
    expect(must(await admin.integrations.listHttp()).items.filter((i) => i.name === first.integration.name)).toHaveLength(1);
    expect(await webhookSecretMatches(store.db, "demo", secret)).toBe(true);
  });

  it("refuses plainly with an agent's key", async () => {
    const agent = await clientFor(sb, "agent");
    const result = await setupLiveFeedWebhook({ gorgias: agent, db: store.db, deskUrl, secret: "x".repeat(40) });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/forbidden/);
  });

  it("its deliveries carry the secret and name the changed ticket and its version", async () => {
    const admin = await clientFor(sb, "admin");
    const secret = "t".repeat(40);
    expect(await setupLiveFeedWebhook({ gorgias: admin, db: store.db, deskUrl, secret })).toMatchObject({ ok: true });
    received.length = 0;
    const agent = await clientFor(sb, "agent");
    const [ticket] = must(await agent.tickets.list({ limit: 5 })).items.filter((t) => t.status === "open");
    const updated = must(await agent.tickets.update(ticket!.id, { status: "closed" }));
    await expect.poll(() => received.length, { timeout: 5000 }).toBeGreaterThan(0);
    const delivery = received.find((r) => webhookHint(WebhookBody.parse(JSON.parse(r.body)))?.ticketId === ticket!.id)!;
    expect(delivery.path).toBe("/api/webhooks/gorgias/demo");
    expect(delivery.headers[WEBHOOK_SECRET_HEADER]).toBe(secret);
    expect(webhookHint(WebhookBody.parse(JSON.parse(delivery.body)))).toMatchObject({ ticketId: ticket!.id, version: updated.updatedAt });
  });

  it("tells admins whether the integration is missing, active, deactivated by Gorgias, or cannot be checked", async () => {
    await sb.control.reset();
    const admin = await clientFor(sb, "admin");
    expect(await liveFeedIntegrationState(admin)).toEqual({ state: "missing", problem: null });
    const set = await setupLiveFeedWebhook({ gorgias: admin, db: store.db, deskUrl, secret: "u".repeat(40) });
    if (!set.ok) throw new Error(set.message);
    expect(await liveFeedIntegrationState(admin)).toEqual({ state: "active", problem: null });
    // What Gorgias does after 100 failed deliveries.
    const who = await sb.agent("admin");
    const res = await fetch(`${sb.apiBase("demo")}/integrations/${set.integration.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${who.email}:${who.api_key}`).toString("base64")}` },
      body: JSON.stringify({ deactivated_datetime: new Date().toISOString() }),
    });
    expect(res.ok).toBe(true);
    expect(await liveFeedIntegrationState(admin)).toMatchObject({ state: "deactivated", problem: expect.stringMatching(/setup:webhooks/) });
    await sb.control.fault({ method: "GET", path: "/api/integrations", kind: "status", status: 503 });
    try {
      expect(await liveFeedIntegrationState(await clientFor(sb, "admin", { retry: { maxRetries: 0 } }))).toMatchObject({ state: "unknown" });
    } finally {
      await sb.control.clearFaults();
    }
  });
});
