/**
 * Every GET route handler, called as Next calls it, against the sandbox (and a PGlite store for
 * drafts): each answer must be exactly what its contract schema says, nothing more (parsing it
 * again changes nothing) and nothing malformed. Only the session lookup is stubbed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { GorgiasClient } from "@/lib/gorgias/client";
import { saveDraft } from "@/lib/db/drafts";
import { API_ROUTES, apiUrl, type ApiPathParams, type ApiRouteName } from "@/lib/domain/api-routes";
import { apiContract } from "@/lib/domain/contract/routes";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, type TestTarget } from "../db/harness";
import { agentFor } from "../send/setup";

vi.mock("server-only", () => ({}));
const signedIn = vi.hoisted(() => ({ agent: null as SignedInAgent | null, gorgias: null as GorgiasClient | null, store: null as Store | null }));
vi.mock("@/lib/auth/session", () => ({ currentAgent: async () => signedIn.agent }));
vi.mock("@/lib/auth/agent-gorgias", () => ({ gorgiasFor: async () => signedIn.gorgias }));
vi.mock("@/lib/auth/app-store", () => ({ appStore: async () => ({ db: signedIn.store?.db, credentialsKey: null }) }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function get<N extends ApiRouteName>(name: N, params: ApiPathParams<N>, search: Record<string, string | number | undefined> = {}, headers: Record<string, string> = {}) {
  const mod = (await import(`@/app${API_ROUTES[name]}/route`)) as { GET: Handler };
  const url = `http://127.0.0.1${apiUrl(name, params, search)}`;
  const text = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await mod.GET(new Request(url, { headers }), { params: Promise.resolve(text) });
  return { response, body: (await response.json()) as unknown };
}

/** 200, and the body is a fixed point of its schema: every field allowed, none missing or extra. */
async function expectContract<N extends ApiRouteName>(name: N, params: ApiPathParams<N>, search: Record<string, string | number | undefined> = {}) {
  const { response, body } = await get(name, params, search);
  expect({ name, status: response.status }).toEqual({ name, status: 200 });
  const parsed = apiContract[name].response.safeParse(body);
  expect(parsed.error).toBeUndefined();
  expect(parsed.data).toEqual(body);
  return parsed.data as never;
}

let sb: TestSandbox;
let target: TestTarget;

beforeAll(async () => {
  sb = await startTestSandbox();
  target = await pgliteTarget();
  signedIn.store = await target.open();
  const who = await agentFor(sb);
  signedIn.agent = who.agent;
  signedIn.gorgias = who.gorgias;
});
afterAll(async () => {
  await sb?.close();
  await signedIn.store?.close();
  await target?.cleanup();
});

const account = "demo";

describe("each route answers exactly its contract", () => {
  let ticketId = 0;
  let customer: { id: number; email: string | null; name: string | null } | null = null;

  it("tickets, views, users, teams, macros", async () => {
    const page = (await expectContract("tickets", { account })) as { items: { id: number; customer: typeof customer }[]; nextCursor: string | null };
    expect(page.items.length).toBeGreaterThan(0);
    const withCustomer = page.items.find((t) => t.customer?.email);
    ticketId = withCustomer?.id ?? page.items[0]!.id;
    customer = withCustomer?.customer ?? null;
    await expectContract("tickets", { account }, { q: "order", order: "created:asc", limit: 5 });
    const views = (await expectContract("views", { account })) as { items: { id: number }[] };
    if (views.items[0]) {
      // A view's pages are followed with the view's own page token (next_items, as given).
      const first = (await expectContract("tickets", { account }, { view: views.items[0].id, limit: 5 })) as { nextCursor: string | null };
      expect(first.nextCursor).not.toBeNull();
      await expectContract("tickets", { account }, { view: views.items[0].id, limit: 5, cursor: first.nextCursor ?? undefined });
    }
    const users = (await expectContract("users", { account })) as { items: Record<string, unknown>[] };
    expect(Object.keys(users.items[0] ?? {}).sort()).toEqual(["email", "id", "name", "role"]);
    await expectContract("teams", { account });
    await expectContract("macros", { account });
    await expectContract("macros", { account }, { q: "refund" });
    // Suggestions for a ticket: ranked by Gorgias, then served from the reference cache.
    await sb.control.clearRequests();
    const suggested = (await expectContract("macros", { account }, { ticket: ticketId })) as { items: { id: number; actions: unknown[] }[] };
    expect(suggested.items.length).toBeGreaterThan(0);
    await expectContract("macros", { account }, { ticket: ticketId });
    const asked = (await sb.control.requests()).filter((r) => r.path === "/api/macros");
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query).toMatchObject({ ticket_id: String(ticketId), order_by: "relevance:desc" });
  });

  it("view counts: from the first pages the shared cache holds, with no Gorgias call however often asked", async () => {
    const views = (await expectContract("views", { account })) as { items: { id: number; slug: string | null }[] };
    const open = views.items.find((v) => v.slug === "open")!;
    const page = (await expectContract("tickets", { account }, { view: open.id })) as { items: { status: string; isUnread: boolean }[]; nextCursor: string | null };
    await sb.control.clearRequests();
    for (let i = 0; i < 5; i++) {
      const counts = (await expectContract("viewCounts", { account })) as { items: { viewId: number; open: number; unread: number; more: boolean }[] };
      expect(counts.items.find((c) => c.viewId === open.id)).toEqual({
        viewId: open.id,
        open: page.items.filter((t) => t.status === "open").length,
        unread: page.items.filter((t) => t.status === "open" && t.isUnread).length,
        more: page.nextCursor !== null,
      });
    }
    expect(await sb.control.requests()).toEqual([]);
  });

  it("customers, by e-mail and by name", async () => {
    expect(customer?.email).toBeTruthy();
    await expectContract("customers", { account }, { q: customer!.email! });
    await expectContract("customers", { account }, { q: (customer!.name ?? customer!.email!).slice(0, 4) });
  });

  it("a ticket's thread, a message body with images, the customer's other tickets", async () => {
    const thread = (await expectContract("ticket", { account, ticketId }, { theme: "dark" })) as { messages: { id: number }[] };
    await expectContract("ticket", { account, ticketId }, { background: "1" });
    expect(thread.messages.length).toBeGreaterThan(0);
    await expectContract("messageBody", { account, ticketId, messageId: thread.messages[0]!.id }, { images: "1" });
    if (customer) await expectContract("customerTickets", { account, customerId: customer.id });
    if (customer) await expectContract("customer", { account, customerId: customer.id });
  });

  it("the address a reply would leave from: the one the customer wrote to", async () => {
    const replyFrom = (await expectContract("replyFrom", { account, ticketId })) as { from: { address: string } | null };
    const read = await signedIn.gorgias!.tickets.get(ticketId);
    if (!read.ok) throw new Error(read.error.kind);
    const wroteTo = read.value.messages.filter((m) => m.kind === "customer").at(-1)?.source?.to.map((a) => a.address) ?? [];
    if (wroteTo.some((a) => a.endsWith("@demo-store.example"))) expect(wroteTo).toContain(replyFrom.from?.address);
    else expect(replyFrom.from?.address).toMatch(/@demo-store\.example$/);
  });

  it("the agent's drafts, with only what the composer uses", async () => {
    await expectContract("drafts", { account, ticketId });
    const operationId = randomUUID();
    await saveDraft(signedIn.store!.db, { agentId: signedIn.agent!.agentId, ticketId, mode: "note", bodyText: "Half a note", operationId, now: new Date() });
    const drafts = (await expectContract("drafts", { account, ticketId }, { ops: operationId })) as { reply: unknown; note: Record<string, unknown>; sends: unknown[] };
    expect(drafts.reply).toBeNull();
    expect(drafts.note).toEqual({ bodyText: "Half a note", operationId, updatedAt: expect.any(String), revision: 1 });
    // Asked about an operation that was never sent: nothing to say.
    expect(drafts.sends).toEqual([]);
  });
});

describe("a route that cannot answer says why, with a request id", () => {
  it("a ticket id that is not one is a 404, a deleted one too; neither is a 500", async () => {
    for (const bad of ["abc", "0", "99999999999"]) {
      const { response, body } = await get("ticket", { account, ticketId: bad });
      expect(response.status).toBe(404);
      expect(body).toMatchObject({ error: { code: "not_found", requestId: expect.any(String) } });
    }
    const { response, body } = await get("ticket", { account, ticketId: 2_000_000_000 }, {}, { "x-request-id": "support-42" });
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ error: { code: "not_found", requestId: "support-42" } });
  });

  it("a search param the route does not take is refused, not passed on", async () => {
    const { response, body } = await get("tickets", { account }, { filters: "eq(ticket.status,'open')" });
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_input", requestId: expect.any(String) } });
  });
});
