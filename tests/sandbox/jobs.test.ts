import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { start, type Harness, type Wire } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/__sandbox/reset");
});

async function waitForJob(id: number, until: (job: Wire) => boolean): Promise<Wire> {
  for (let i = 0; i < 100; i++) {
    const { body } = await h.json(`/api/jobs/${id}`);
    if (until(body)) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} never got there`);
}

const openIds = async (n: number): Promise<number[]> =>
  (await h.json(`/api/tickets?limit=100&order_by=created_datetime:desc`)).body.data.filter((t: Wire) => t.status === "open" && !t.spam).slice(0, n).map((t: Wire) => t.id);

describe("jobs", () => {
  it("an updateTicket job over ticket_ids runs in the background with progress, then applies the updates", async () => {
    const ids = await openIds(30);
    expect(ids.length).toBeGreaterThan(10);
    const created = await h.json("/api/jobs", { method: "POST", body: { type: "updateTicket", params: { ticket_ids: ids, updates: { status: "closed" } } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: "updateTicket", status: "pending", params: { ticket_ids: ids }, info: { total: null, processed: 0 } });
    const running = await waitForJob(created.body.id, (j) => j.status === "running" || j.status === "done");
    expect(running.info.total).toBe(ids.length);
    const done = await waitForJob(created.body.id, (j) => j.status === "done");
    expect(done.info).toMatchObject({ total: ids.length, processed: ids.length, failed: 0 });
    expect(done.ended_datetime).not.toBeNull();
    for (const id of ids) expect((await h.json(`/api/tickets/${id}`)).body.status).toBe("closed");
  });

  it("a view_id job updates the view's tickets as they are when it starts", async () => {
    const views = (await h.json("/api/views?limit=100")).body.data;
    const unassigned = views.find((v: Wire) => v.slug === "unassigned");
    const before = (await h.json(`/api/tickets?view_id=${unassigned.id}&limit=100`)).body.data.length;
    expect(before).toBeGreaterThan(0);
    const agent = h.byRole("agent");
    const created = await h.json("/api/jobs", { method: "POST", body: { type: "updateTicket", params: { view_id: unassigned.id, updates: { assignee_user: { id: agent.id } } } } });
    const done = await waitForJob(created.body.id, (j) => j.status === "done");
    expect(done.info.processed).toBeGreaterThanOrEqual(before);
    expect((await h.json(`/api/tickets?view_id=${unassigned.id}&limit=100`)).body.data).toHaveLength(0);
  });

  it("refuses what it cannot run, and a cancel stops a job without undoing what ran", async () => {
    const bad = await h.json("/api/jobs", { method: "POST", body: { type: "updateTicket", params: { ticket_ids: [1], updates: { status: "pending" } } } });
    expect(bad.status).toBe(400);
    const other = await h.json("/api/jobs", { method: "POST", body: { type: "exportTicket", params: {} } });
    expect(other.status).toBe(400);
    const both = await h.json("/api/jobs", { method: "POST", body: { type: "updateTicket", params: { ticket_ids: [1], view_id: 1, updates: { status: "closed" } } } });
    expect(both.status).toBe(400);

    const ids = await openIds(60);
    const created = await h.json("/api/jobs", { method: "POST", body: { type: "updateTicket", params: { ticket_ids: ids, updates: { is_unread: false } } } });
    expect((await h.api(`/api/jobs/${created.body.id}`, { method: "DELETE" })).status).toBe(204);
    const canceled = (await h.json(`/api/jobs/${created.body.id}`)).body;
    expect(canceled.status).toBe("canceled");
    await new Promise((r) => setTimeout(r, 300));
    expect((await h.json(`/api/jobs/${created.body.id}`)).body.info.processed).toBe(canceled.info.processed);
    expect((await h.api("/api/jobs/99999")).status).toBe(404);
  });

  it("a job's per-ticket failure is counted, not fatal", async () => {
    const [id] = await openIds(1);
    const created = await h.json("/api/jobs", { method: "POST", body: { type: "updateTicket", params: { ticket_ids: [id, 999_999], updates: { status: "closed" } } } });
    const done = await waitForJob(created.body.id, (j) => j.status === "done");
    expect(done.info).toMatchObject({ total: 2, processed: 2, failed: 1, errors: [{ ticket_id: 999_999 }] });
  });
});
