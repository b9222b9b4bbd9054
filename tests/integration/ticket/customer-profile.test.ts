/**
 * The customer panel's route (`GET /api/{account}/customers/{id}`), called as Next calls it, against
 * the sandbox and a PGlite store: one read of the customer from Gorgias, then the shared cache for
 * everyone whose role shares reads, until it is CUSTOMER_MAX_AGE_MS old. Only the session is stubbed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Store } from "@/lib/db";
import { sharedSnapshots } from "@/lib/db/schema";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { GorgiasClient } from "@/lib/gorgias/client";
import { apiUrl } from "@/lib/domain/api-routes";
import { apiContract } from "@/lib/domain/contract/routes";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, type TestTarget } from "../db/harness";
import { agentFor } from "../send/setup";

vi.mock("server-only", () => ({}));
const signedIn = vi.hoisted(() => ({ agent: null as SignedInAgent | null, gorgias: null as GorgiasClient | null, store: null as Store | null }));
vi.mock("@/lib/auth/session", () => ({ currentAgent: async () => signedIn.agent }));
vi.mock("@/lib/auth/agent-gorgias", () => ({ gorgiasFor: async () => signedIn.gorgias }));
vi.mock("@/lib/auth/app-store", () => ({ appStore: async () => ({ db: signedIn.store?.db, credentialsKey: null }) }));
// The shared cache lives in the store: this suite's own, not the app's default one on disk.
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => signedIn.store! }));

const account = "demo";
let sb: TestSandbox;
let target: TestTarget;
let customerIds: number[] = [];

async function profile(customerId: number) {
  const { GET } = await import("@/app/api/[account]/customers/[customerId]/route");
  const response = await GET(new Request(`http://127.0.0.1${apiUrl("customer", { account, customerId })}`), { params: Promise.resolve({ account, customerId: String(customerId) }) });
  const body = (await response.json()) as unknown;
  expect(response.status).toBe(200);
  const parsed = apiContract.customer.response.parse(body);
  // Exactly its contract: nothing more, nothing malformed.
  expect(parsed).toEqual(body);
  return parsed;
}

async function customerReads(): Promise<string[]> {
  return (await sb.control.requests()).filter((r) => r.method === "GET" && /^\/api\/customers\/\d+$/.test(r.path)).map((r) => `${r.path} ${r.user_email}`);
}

beforeAll(async () => {
  sb = await startTestSandbox();
  target = await pgliteTarget();
  signedIn.store = await target.open();
  const who = await agentFor(sb, "agent");
  signedIn.agent = who.agent;
  signedIn.gorgias = who.gorgias;
  const page = await who.gorgias.tickets.list({ limit: 30 });
  if (!page.ok) throw new Error(page.error.kind);
  customerIds = [...new Set(page.value.items.flatMap((t) => (t.customer ? [t.customer.id] : [])))];
  expect(customerIds.length).toBeGreaterThan(3);
});
afterAll(async () => {
  await sb?.close();
  await signedIn.store?.close();
  await target?.cleanup();
});
beforeEach(async () => {
  await sb.control.clearRequests();
});

describe("the customer panel's read", () => {
  it("reads the customer once, with channels and Shopify orders, then serves it from the shared cache", async () => {
    const id = customerIds[0]!;
    const first = await profile(id);
    expect(await customerReads()).toEqual([`/api/customers/${id} ${signedIn.agent!.email}`]);
    expect(first.customer.id).toBe(id);
    expect(first.customer.channels.map((c) => c.type)).toEqual(["email", "phone"]);
    expect(first.stores[0]).toMatchObject({ type: "shopify" });
    expect(first.stores[0]!.orders.length).toBeGreaterThan(0);
    expect(first.gorgiasUrl).toBe(`${sb.apiBase().replace(/\/api$/, "")}/app/customer/${id}`);

    // Another of their tickets opened, the panel re-mounted, a colleague opening one: no read.
    const colleague = await agentFor(sb, "admin");
    const me = { agent: signedIn.agent, gorgias: signedIn.gorgias };
    await profile(id);
    Object.assign(signedIn, colleague);
    const theirs = await profile(id);
    Object.assign(signedIn, me);
    expect(theirs).toEqual(first);
    expect(await customerReads()).toEqual([`/api/customers/${id} ${signedIn.agent!.email}`]);
  });

  it("agents opening the same customer at once share one read", async () => {
    const id = customerIds[1]!;
    const answers = await Promise.all([profile(id), profile(id), profile(id)]);
    expect(new Set(answers.map((a) => a.readAt)).size).toBe(1);
    expect(await customerReads()).toHaveLength(1);
  });

  it("reads again once the entry is older than its age, and never caches a failure", async () => {
    const { CUSTOMER_MAX_AGE_MS } = await import("@/features/live/server/shared-cache");
    const id = customerIds[2]!;
    await sb.control.fault({ method: "GET", path: `/api/customers/${id}`, kind: "status", status: 503, count: 3 });
    const { GET } = await import("@/app/api/[account]/customers/[customerId]/route");
    const failed = await GET(new Request(`http://127.0.0.1${apiUrl("customer", { account, customerId: id })}`), { params: Promise.resolve({ account, customerId: String(id) }) });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    await sb.control.clearRequests();
    await profile(id);
    expect(await customerReads()).toHaveLength(1);

    const age = async (ms: number) => {
      const key = `v1:customer:account:${id}`;
      await signedIn.store!.db.update(sharedSnapshots).set({ fetchedAt: new Date(Date.now() - ms) }).where(and(eq(sharedSnapshots.accountDomain, account), eq(sharedSnapshots.key, key)));
    };
    await age(CUSTOMER_MAX_AGE_MS - 5_000);
    await profile(id);
    expect(await customerReads()).toHaveLength(1);
    await age(CUSTOMER_MAX_AGE_MS + 1_000);
    const again = await profile(id);
    expect(await customerReads()).toHaveLength(2);
    expect(Date.now() - Date.parse(again.readAt)).toBeLessThan(5_000);
  });
});
