/**
 * Bulk changes from the list against the sandbox, with the Desk's store: a few tickets are written
 * one request each, many go as one Gorgias job, and an undo puts back each ticket's own values.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listAudit } from "@/lib/db";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import { FANOUT_MAX, type BulkEvent } from "@/lib/domain/bulk";
import { BulkRequest } from "@/lib/domain/contract/bulk";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { GorgiasClient } from "@/lib/gorgias/client";
import { runBulk } from "@/features/inbox/server/bulk";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { startDesk, type Desk } from "../assistants/setup";
import { clientFor, must } from "../gorgias/setup";

vi.mock("server-only", () => ({}));

let sb: TestSandbox;
let desk: Desk;
let agent: SignedInAgent;
let gorgias: GorgiasClient;

beforeAll(async () => {
  sb = await startTestSandbox();
  desk = await startDesk(sb);
});
afterAll(async () => {
  await desk?.close();
  await sb?.close();
});
beforeEach(async () => {
  await sb.control.reset();
  agent = await desk.agent("admin");
  gorgias = await clientFor(sb, "admin");
});

async function run(request: unknown): Promise<BulkEvent[]> {
  const events: BulkEvent[] = [];
  await runBulk({ db: desk.db, gorgias, agent, jobPollMs: 50 }, BulkRequest.parse(request), (e) => events.push(e));
  return events;
}

async function tickets(filter: (t: TicketSummary) => boolean, n: number): Promise<TicketSummary[]> {
  const out: TicketSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: readonly TicketSummary[]; nextCursor: string | null } = must(await gorgias.tickets.list({ limit: 100, cursor }));
    out.push(...page.items.filter(filter));
    cursor = page.nextCursor;
  } while (out.length < n && cursor);
  if (out.length < n) throw new Error(`only ${out.length} matching tickets`);
  return out.slice(0, n);
}

const ticket = async (id: number) => must(await gorgias.tickets.get(id));
/** Many tickets in one read (the client paces its own budget: one GET each would take seconds). */
const many = async (ids: readonly number[]) => new Map(must(await gorgias.tickets.list({ ticketIds: ids, limit: 100, trashed: null })).items.map((t) => [t.id, t]));
const writes = async (method: string, re: RegExp) => (await sb.control.requests()).filter((r) => r.method === method && re.test(r.path) && r.status < 300);
const endOf = (events: BulkEvent[]) => events.find((e) => e.type === "end");

describe("bulk changes", () => {
  it("a few tickets are written one request each, each once, with every row reported and audited", async () => {
    const open = await tickets((t) => t.status === "open" && !t.spam, 5);
    const ids = open.map((t) => t.id);
    await sb.control.clearRequests();
    const events = await run({ selection: { ticketIds: ids }, change: { kind: "status", status: "closed" } });

    expect(events[0]).toMatchObject({ type: "start", via: "fanout", total: 5 });
    expect(events.filter((e) => e.type === "row" && e.state === "done").map((e) => (e as { ticketId: number }).ticketId).sort()).toEqual([...ids].sort());
    expect(endOf(events)).toMatchObject({ done: 5, failed: 0, undoable: true });
    const puts = await writes("PUT", /^\/api\/tickets\/\d+$/);
    expect(puts.map((r) => r.path).sort()).toEqual(ids.map((id) => `/api/tickets/${id}`).sort());
    expect(puts.every((r) => JSON.stringify(r.body) === JSON.stringify({ status: "closed" }))).toBe(true);
    // The values before the change: one read for the five, never one per ticket.
    expect((await sb.control.requests()).filter((r) => r.method === "GET")).toHaveLength(1);
    expect((await sb.control.requests()).some((r) => r.path === "/api/jobs")).toBe(false);
    for (const id of ids) expect((await ticket(id)).status).toBe("closed");
    const audit = await listAudit(desk.db, { accountDomain: "demo", agentId: agent.agentId, action: "ticket.update", limit: 50 });
    expect(audit.filter((a) => a.detail?.bulk === (events[0] as { bulkId: number }).bulkId)).toHaveLength(5);
  });

  it("a row Gorgias answers with a 429 (nothing applied) is written again after its wait, and ends done", async () => {
    const open = await tickets((t) => t.status === "open" && !t.spam, 3);
    const ids = open.map((t) => t.id);
    await sb.control.fault({ method: "PUT", path: `/api/tickets/${ids[1]}`, kind: "status", status: 429, retryAfter: 1, count: 1 });
    await sb.control.clearRequests();
    const events = await run({ selection: { ticketIds: ids }, change: { kind: "status", status: "closed" } });
    expect(endOf(events)).toMatchObject({ done: 3, failed: 0 });
    const puts = (await sb.control.requests()).filter((r) => r.method === "PUT" && r.path === `/api/tickets/${ids[1]}`);
    expect(puts.map((r) => r.status)).toEqual([429, 200]);
  });

  it("an observer's bulk change is refused before any Gorgias call (no read of values, no write)", async () => {
    const ids = (await tickets((t) => t.status === "open", 1)).map((t) => t.id);
    agent = await desk.agent("observer-agent");
    gorgias = await clientFor(sb, "observer-agent");
    await sb.control.clearRequests();
    const events = await run({ selection: { ticketIds: ids }, change: { kind: "status", status: "closed" } });
    expect(events).toEqual([{ type: "error", message: "Your Gorgias role can read tickets but not change them." }]);
    expect(await sb.control.requests()).toEqual([]);
  });

  it(`more than ${FANOUT_MAX} tickets go as one Gorgias job, followed until it is done`, async () => {
    const open = await tickets((t) => t.status === "open" && !t.spam, FANOUT_MAX + 5);
    const ids = open.map((t) => t.id);
    await sb.control.clearRequests();
    const events = await run({ selection: { ticketIds: ids }, change: { kind: "status", status: "closed" } });

    expect(events[0]).toMatchObject({ type: "start", via: "job", total: ids.length });
    const log = await sb.control.requests();
    const posts = log.filter((r) => r.method === "POST" && r.path === "/api/jobs");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ type: "updateTicket", params: { ticket_ids: ids, updates: { status: "closed" } } });
    expect(log.filter((r) => r.method === "PUT")).toHaveLength(0);
    expect(log.filter((r) => r.method === "GET" && /^\/api\/jobs\/\d+$/.test(r.path)).length).toBeGreaterThan(0);
    expect(events.some((e) => e.type === "job" && e.status === "done")).toBe(true);
    expect(endOf(events)).toMatchObject({ done: ids.length, failed: 0 });
    const after = await many(ids);
    for (const id of ids) expect(after.get(id)?.status).toBe("closed");
  });

  it("an undo puts back each ticket's own assignee, once", async () => {
    const users = must(await gorgias.users.list({ limit: 100 })).items;
    const [a, b, target] = users;
    const picked = await tickets((t) => t.status === "open" && !t.spam, 4);
    const ids = picked.map((t) => t.id);
    const before = [null, a!.id, b!.id, null];
    for (const [i, id] of ids.entries()) must(await gorgias.tickets.update(id, { assigneeUserId: before[i] ?? null }));

    const forward = await run({ selection: { ticketIds: ids }, change: { kind: "assign", userId: target!.id } });
    for (const id of ids) expect((await ticket(id)).assigneeUser?.id).toBe(target!.id);
    const bulkId = (forward[0] as { bulkId: number }).bulkId;

    const undo = await run({ undo: bulkId });
    expect(endOf(undo)).toMatchObject({ done: 4, failed: 0 });
    for (const [i, id] of ids.entries()) expect((await ticket(id)).assigneeUser?.id ?? null).toBe(before[i]);

    const again = await run({ undo: bulkId });
    expect(again).toEqual([{ type: "error", message: "That change was already undone." }]);
  });

  it("tags are added with POST per ticket, and an undo removes only the tags the change added", async () => {
    const picked = await tickets((t) => t.status === "open" && !t.spam, 3);
    const ids = picked.map((t) => t.id);
    must(await gorgias.tags.addToTicket(ids[0]!, { names: ["bulk-vip"] }));
    await sb.control.clearRequests();
    const forward = await run({ selection: { ticketIds: ids }, change: { kind: "addTags", names: ["bulk-vip", "bulk-new"] } });
    const log = await sb.control.requests();
    expect(log.filter((r) => r.path.endsWith("/tags") && r.method === "PUT")).toHaveLength(0);
    expect(log.filter((r) => r.path.endsWith("/tags") && r.method === "POST")).toHaveLength(3);

    await run({ undo: (forward[0] as { bulkId: number }).bulkId });
    const names = async (id: number) => (await ticket(id)).tags.map((t) => t.name);
    expect(await names(ids[0]!)).toContain("bulk-vip");
    expect(await names(ids[0]!)).not.toContain("bulk-new");
    for (const id of ids.slice(1)) expect((await names(id)).filter((n) => n.startsWith("bulk-"))).toEqual([]);
  });

  it("an undo of a job-sized change restores status, snooze and read state per ticket", async () => {
    const picked = await tickets((t) => !t.spam && t.trashedAt === null, FANOUT_MAX + 3);
    const ids = picked.map((t) => t.id);
    const before = new Map(picked.map((t) => [t.id, { status: t.status, unread: t.isUnread, snoozed: t.snoozedUntil }]));
    const forward = await run({ selection: { ticketIds: ids }, change: { kind: "read", unread: false } });
    expect(forward[0]).toMatchObject({ via: "job" });
    for (const t of (await many(ids)).values()) expect(t.isUnread).toBe(false);
    await run({ undo: (forward[0] as { bulkId: number }).bulkId });
    const after = await many(ids);
    for (const id of ids) {
      const t = after.get(id)!;
      expect({ status: t.status, unread: t.isUnread, snoozed: t.snoozedUntil }).toEqual(before.get(id));
    }
  });

  it("a whole view goes as one job naming the view, and its undo covers the tickets read before", async () => {
    const views = must(await gorgias.views.list({ limit: 100 })).items;
    const open = views.find((v) => v.slug === "open")!;
    const before = must(await gorgias.views.items(open.id, { limit: 100 })).items;
    await sb.control.clearRequests();
    const events = await run({ selection: { viewId: open.id }, change: { kind: "status", status: "closed" } });
    const posts = (await sb.control.requests()).filter((r) => r.method === "POST" && r.path === "/api/jobs");
    expect(posts.map((r) => r.body)).toEqual([{ type: "updateTicket", params: { view_id: open.id, updates: { status: "closed" } } }]);
    expect(endOf(events)).toMatchObject({ failed: 0, undoable: true });
    expect(must(await gorgias.views.items(open.id, { limit: 100 })).items).toEqual([]);

    await run({ undo: (events[0] as { bulkId: number }).bulkId });
    const after = await many(before.slice(0, 100).map((t) => t.id));
    for (const t of before.slice(0, 100)) expect(after.get(t.id)?.status).toBe("open");
  });

  it("another agent's change cannot be undone", async () => {
    const [t] = await tickets((x) => x.status === "open" && !x.spam, 1);
    const forward = await run({ selection: { ticketIds: [t!.id] }, change: { kind: "status", status: "closed" } });
    agent = await desk.agent("agent");
    gorgias = await clientFor(sb, "agent");
    expect(await run({ undo: (forward[0] as { bulkId: number }).bulkId })).toEqual([{ type: "error", message: "That change cannot be undone here." }]);
  });
});
