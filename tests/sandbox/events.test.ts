import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pageAll, start, type Harness, type Wire } from "./helpers";

// The account's event log (GET /api/events), checked over HTTP: what each change records,
// the filters, the cursor pagination and order, and that it is reset and persisted.

let h: Harness;
beforeAll(async () => {
  h = await start({ sendDelayMs: 60_000 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/__sandbox/reset", {});
});

async function ticketWhere(filter: (t: Wire) => boolean): Promise<Wire> {
  const found = (await h.json("/api/tickets?limit=100")).body.data.find(filter);
  if (!found) throw new Error("no ticket matches");
  return found;
}

async function eventsOf(query: string): Promise<Wire[]> {
  const res = await h.json(`/api/events?limit=100&order_by=created_datetime:asc&${query}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("what changes record", () => {
  it("the log starts empty after a reset and lists in the envelope of every list", async () => {
    const res = await h.json("/api/events");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: "list", uri: "/api/events", data: [], meta: { prev_cursor: null, next_cursor: null, total_resources: null } });
  });

  it("one update records exactly one ticket-updated and the audit events, under one context", async () => {
    const t = await ticketWhere((x) => x.status === "open" && x.assignee_user === null && x.priority !== "high" && !x.spam && x.snooze_datetime === null);
    const agent = h.byRole("agent");
    const res = await h.json(`/api/tickets/${t.id}`, {
      method: "PUT",
      body: { status: "closed", priority: "high", assignee_user: { id: agent.id }, tags: [...t.tags.map((x: Wire) => ({ id: x.id })), { name: "event-check" }] },
    });
    expect(res.status).toBe(200);
    const events = await eventsOf(`object_type=Ticket&object_id=${t.id}`);
    expect(events.map((e) => e.type)).toEqual(["ticket-updated", "ticket-closed", "ticket-assigned", "ticket-tags-added"]);
    expect(new Set(events.map((e) => e.context)).size).toBe(1);
    expect(events[0].context).toMatch(UUID);
    for (const e of events) expect(e).toMatchObject({ object_type: "Ticket", object_id: t.id, user_id: h.admin.id, uri: `/api/events/${e.id}/` });
    expect(events[0].data.changes).toEqual({
      status: { old: "open", new: "closed" },
      priority: { old: t.priority, new: "high" },
      assignee_user_id: { old: null, new: agent.id },
      tags: { old: t.tags.map((x: Wire) => x.name), new: [...t.tags.map((x: Wire) => x.name), "event-check"] },
    });
    expect(events[2].data).toEqual({ assignee_user_id: agent.id });
    expect(events[3].data).toEqual({ tags: ["event-check"] });
    // Nothing else happened in the account.
    expect((await eventsOf("")).map((e) => e.id)).toEqual(events.map((e) => e.id));
    // The same update again changes nothing, so it records nothing.
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { status: "closed", priority: "high" } });
    expect(await eventsOf("")).toHaveLength(4);
    // Each event can be read on its own.
    const one = await h.json(`/api/events/${events[1].id}`);
    expect(one.body).toEqual(events[1]);
    expect((await h.json("/api/events/999999999")).status).toBe(404);
  });

  it("snooze, reopen, team, subject, spam, trash and tag removal name their audit events", async () => {
    const t = await ticketWhere((x) => x.status === "open" && x.tags.length > 0 && !x.spam && x.snooze_datetime === null);
    const team = (await h.json("/api/teams")).body.data.find((x: Wire) => x.id !== t.assignee_team?.id);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const put = (body: Wire) => h.json(`/api/tickets/${t.id}`, { method: "PUT", body });
    await put({ snooze_datetime: until });
    await put({ status: "open" });
    await put({ assignee_team: { id: team.id }, subject: "Renamed" });
    await put({ assignee_team: null, spam: true });
    await put({ spam: false, trashed_datetime: new Date().toISOString() });
    await h.api(`/api/tickets/${t.id}/tags`, { method: "DELETE", body: { ids: [t.tags[0].id] } });
    const events = await eventsOf(`object_id=${t.id}`);
    const byContext = new Map<string, string[]>();
    for (const e of events) byContext.set(e.context, [...(byContext.get(e.context) ?? []), e.type]);
    expect([...byContext.values()]).toEqual([
      ["ticket-updated", "ticket-snoozed"],
      ["ticket-updated", "ticket-reopened"],
      ["ticket-updated", "ticket-team-assigned", "ticket-subject-updated"],
      ["ticket-updated", "ticket-team-unassigned", "ticket-marked-spam"],
      ["ticket-updated", "ticket-unmarked-spam", "ticket-trashed"],
      ["ticket-updated", "ticket-tags-removed"],
    ]);
    expect(events[1].data).toEqual({ snooze_datetime: expect.stringMatching(/^\d{4}-/) });
    expect(events[0].data.changes).toMatchObject({ status: { old: "open", new: "closed" }, snooze_datetime: { old: null } });
    expect(events.find((e) => e.type === "ticket-subject-updated").data).toEqual({ old: t.subject, new: "Renamed" });
    expect(events.at(-1).data).toEqual({ tags: [t.tags[0].name] });
  });

  it("a new ticket records ticket-created then its messages; a failed creation records nothing", async () => {
    const res = await h.json("/api/tickets", {
      method: "POST",
      body: {
        customer: { email: "events.new@example.com" },
        messages: [
          { channel: "email", via: "email", from_agent: false, body_text: "Hello" },
          { channel: "internal-note", from_agent: true, body_text: "Looking" },
        ],
      },
    });
    expect(res.status).toBe(201);
    const events = await eventsOf("");
    expect(events.map((e) => [e.type, e.object_type, e.object_id])).toEqual([
      ["ticket-created", "Ticket", res.body.id],
      ["ticket-message-created", "TicketMessage", res.body.messages[0].id],
      ["ticket-message-created", "TicketMessage", res.body.messages[1].id],
    ]);
    expect(new Set(events.map((e) => e.context)).size).toBe(1);
    expect(events[1].data).toEqual({ ticket_id: res.body.id, channel: "email", from_agent: false, public: true });
    expect(events[2].data).toMatchObject({ channel: "internal-note", from_agent: true, public: false });
    const bad = await h.json("/api/tickets", {
      method: "POST",
      body: { customer: { email: "events.bad@example.com" }, messages: [{ channel: "email", from_agent: false, body_text: "ok" }, { channel: "internal-note", from_agent: false, body_text: "x" }] },
    });
    expect(bad.status).toBe(400);
    expect(await eventsOf("")).toHaveLength(3);
  });

  it("a reply records ticket-message-created by the agent; the mail queue's failure records ticket-message-failed by nobody", async () => {
    const t = await ticketWhere((x) => x.channel === "email" && !x.spam && !x.last_sent_message_not_delivered);
    const agent = h.byRole("agent");
    const reply = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      as: agent,
      body: { channel: "email", via: "email", from_agent: true, body_text: "On its way", source: { to: [{ address: "nobody@nowhere.invalid" }] } },
    });
    expect(reply.status).toBe(201);
    let events = await eventsOf("");
    expect(events.map((e) => [e.type, e.object_id, e.user_id])).toEqual([["ticket-message-created", reply.body.id, agent.id]]);
    await h.control("POST", "/__sandbox/flush");
    events = await eventsOf("");
    expect(events.slice(1).map((e) => [e.type, e.object_type, e.object_id, e.user_id])).toEqual([
      ["ticket-message-failed", "TicketMessage", reply.body.id, null],
      ["ticket-updated", "Ticket", t.id, null],
    ]);
    expect(events[1].data).toMatchObject({ ticket_id: t.id, error: expect.stringContaining("nowhere.invalid") });
    expect(events[2].data).toEqual({ changes: { last_sent_message_not_delivered: { old: false, new: true } } });
    expect(events[1].context).toBe(events[2].context);
    expect(events[1].context).not.toBe(events[0].context);
  });

  it("customer messages from live activity are recorded with no user, one context each", async () => {
    const ticks: Wire[] = [];
    for (let i = 0; i < 4; i++) ticks.push((await h.control("POST", "/__sandbox/activity", {})).body);
    const events = await eventsOf("");
    expect(events.every((e) => e.user_id === null)).toBe(true);
    const contexts = [...new Set(events.map((e) => e.context))];
    expect(contexts).toHaveLength(4);
    contexts.forEach((context, i) => {
      const own = events.filter((e) => e.context === context);
      const types = own.map((e) => e.type);
      const message = own.find((e) => e.type === "ticket-message-created");
      expect(message).toMatchObject({ object_id: ticks[i].message_id, data: { ticket_id: ticks[i].ticket_id, from_agent: false } });
      if (types[0] === "ticket-created") {
        // A new conversation: the ticket, then its first message.
        expect(types).toEqual(["ticket-created", "ticket-message-created"]);
      } else {
        // A follow-up: the message, then what it changed on the ticket (unread, reopened).
        expect(types[0]).toBe("ticket-message-created");
        expect(types.slice(1).every((t) => ["ticket-updated", "ticket-reopened"].includes(t))).toBe(true);
        const update = own.find((e) => e.type === "ticket-updated");
        expect(types.includes("ticket-reopened")).toBe(update?.data.changes.status?.new === "open");
      }
    });
  });

  it("a snoozed ticket wakes up by itself and records ticket-self-unsnoozed", async () => {
    const t = await ticketWhere((x) => x.status === "open" && !x.spam && x.snooze_datetime === null);
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { snooze_datetime: new Date(Date.now() + 400).toISOString() } });
    await new Promise((r) => setTimeout(r, 1200));
    const events = await eventsOf(`types=ticket-self-unsnoozed`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ object_type: "Ticket", object_id: t.id, user_id: null, data: { snooze_datetime: expect.any(String) } });
    // It woke before this request: the sandbox's own timer did it.
    expect(Date.parse(events[0].created_datetime)).toBeLessThan(Date.now() - 100);
    expect((await h.json(`/api/tickets/${t.id}`)).body).toMatchObject({ status: "open", snooze_datetime: null });
  });
});

describe("filters, order and pagination", () => {
  async function makeEvents(): Promise<{ ticketId: number; agentId: number; mid: string }> {
    const t = await ticketWhere((x) => x.status === "open" && !x.spam && x.snooze_datetime === null);
    const agent = h.byRole("agent");
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { status: "closed" } });
    await new Promise((r) => setTimeout(r, 5));
    const mid = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await h.json(`/api/tickets/${t.id}/messages`, { method: "POST", as: agent, body: { channel: "internal-note", from_agent: true, body_text: "note" } });
    await h.json(`/api/tickets/${t.id}`, { method: "PUT", as: agent, body: { status: "open" } });
    return { ticketId: t.id, agentId: agent.id, mid };
  }

  it("filters by types (repeated, [] or comma list), object, users and creation time", async () => {
    const { ticketId, agentId, mid } = await makeEvents();
    const all = await eventsOf("");
    expect(all.map((e) => e.type)).toEqual(["ticket-updated", "ticket-closed", "ticket-message-created", "ticket-updated", "ticket-reopened"]);
    const types = (q: string) => eventsOf(q).then((list) => list.map((e) => e.type));
    expect(await types("types=ticket-closed&types=ticket-reopened")).toEqual(["ticket-closed", "ticket-reopened"]);
    expect(await types("types[]=ticket-closed&types[]=ticket-reopened")).toEqual(["ticket-closed", "ticket-reopened"]);
    expect(await types("types=ticket-closed,ticket-message-created")).toEqual(["ticket-closed", "ticket-message-created"]);
    expect(await types("object_type=TicketMessage")).toEqual(["ticket-message-created"]);
    expect(await types(`object_type=Ticket&object_id=${ticketId}`)).toHaveLength(4);
    expect(await types(`user_ids[]=${agentId}`)).toEqual(["ticket-message-created", "ticket-updated", "ticket-reopened"]);
    expect(await types(`user_ids=${h.admin.id}&user_ids=${agentId}`)).toHaveLength(5);
    expect(await types(`created_datetime[gt]=${encodeURIComponent(mid)}`)).toEqual(["ticket-message-created", "ticket-updated", "ticket-reopened"]);
    expect(await types(`created_datetime[lt]=${encodeURIComponent(mid)}`)).toEqual(["ticket-updated", "ticket-closed"]);
    const first = all[0].created_datetime;
    expect(await types(`created_datetime[gte]=${encodeURIComponent(first)}`)).toHaveLength(5);
    expect(await types(`created_datetime[gt]=${encodeURIComponent(first)}`)).toHaveLength(4);
    expect(await types(`created_datetime[lte]=${encodeURIComponent(first)}`)).toEqual(["ticket-updated"]);
    const bad = await h.json("/api/events?created_datetime[gt]=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.error.data).toEqual({ "created_datetime[gt]": ["Not a valid datetime."] });
    expect((await h.json("/api/events?ticket_id=1")).status).toBe(400);
    expect((await h.json("/api/events?order_by=id:asc")).status).toBe(400);
  });

  it("pages with cursors, newest first by default, oldest first on request", async () => {
    await makeEvents();
    await makeEvents();
    const asc = await eventsOf("");
    expect(asc).toHaveLength(10);
    const ids = asc.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const desc = await pageAll(h, "/api/events?limit=3");
    expect(desc.pages).toBe(4);
    expect(desc.items.map((e) => e.id)).toEqual([...ids].reverse());
    const ascPages = await pageAll(h, "/api/events?limit=4&order_by=created_datetime:asc");
    expect(ascPages.items.map((e) => e.id)).toEqual(ids);
    // A next page's prev_cursor leads back to the first page.
    const page1 = (await h.json("/api/events?limit=4")).body;
    const page2 = (await h.json(`/api/events?limit=4&cursor=${encodeURIComponent(page1.meta.next_cursor)}`)).body;
    expect(page1.meta.prev_cursor).toBeNull();
    const back = (await h.json(`/api/events?limit=4&cursor=${encodeURIComponent(page2.meta.prev_cursor)}`)).body;
    expect(back.data.map((e: Wire) => e.id)).toEqual(page1.data.map((e: Wire) => e.id));
    // New events do not shift a page already handed out.
    await makeEvents();
    const again = (await h.json(`/api/events?limit=4&cursor=${encodeURIComponent(page1.meta.next_cursor)}`)).body;
    expect(again.data.map((e: Wire) => e.id)).toEqual(page2.data.map((e: Wire) => e.id));
  });
});

describe("access, reset and persistence", () => {
  it("every role may read events; no key may not; calls count against the rate limit", async () => {
    await h.json("/api/tickets", { method: "POST", body: { customer: { email: "roles@example.com" }, messages: [{ channel: "email", from_agent: false, body_text: "hi" }] } });
    for (const role of ["admin", "agent", "basic-agent", "lite-agent", "observer-agent"]) {
      const res = await h.json("/api/events", { as: h.byRole(role) });
      expect(res.status, role).toBe(200);
      expect(res.body.data.length, role).toBe(2);
      expect(res.headers.get("x-gorgias-account-api-call-limit")).toMatch(/^\d+\/40$/);
    }
    expect((await fetch(`${h.url}/demo/api/events`)).status).toBe(401);
    // Another account's log is its own, both ways.
    const acme = { account: "acme", as: h.byRole("admin", "acme") };
    expect((await h.json("/api/events", acme)).body.data).toEqual([]);
    await h.json("/api/tickets", { ...acme, method: "POST", body: { customer: { email: "acme.roles@example.com" }, messages: [{ channel: "email", from_agent: false, body_text: "hi" }] } });
    const acmeEvents = (await h.json("/api/events", acme)).body.data as { object_id: number }[];
    const demoEvents = (await h.json("/api/events")).body.data as { object_id: number }[];
    expect(acmeEvents).toHaveLength(2);
    expect(demoEvents).toHaveLength(2);
    expect(acmeEvents.map((e) => e.object_id)).not.toContain(demoEvents[0]?.object_id);
  });

  it("reset empties the log, and the log survives a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-events-"));
    const other = await start({ dataDir: dir });
    try {
      await other.json("/api/tickets", { method: "POST", body: { customer: { email: "persist.events@example.com" }, messages: [{ channel: "email", from_agent: false, body_text: "hi" }] } });
      const before = (await other.json("/api/events")).body.data;
      expect(before).toHaveLength(2);
      await other.close();
      const again = await start({ dataDir: dir });
      try {
        expect((await again.json("/api/events")).body.data).toEqual(before);
        await again.control("POST", "/__sandbox/reset", {});
        expect((await again.json("/api/events")).body.data).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
