import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GorgiasClient } from "@/lib/gorgias/client";
import { collectAll, paginate } from "@/lib/gorgias/pagination";
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
  client = await clientFor(sb);
});

/** An e-mail ticket with a customer, and the e-mail integration its customer wrote to. */
async function emailTicket(c: GorgiasClient) {
  for await (const page of paginate((cursor) => c.tickets.list({ cursor, limit: 50 }))) {
    for (const summary of must(page).items) {
      if (summary.channel !== "email" || !summary.customer) continue;
      const ticket = must(await c.tickets.get(summary.id));
      const wroteOn = ticket.messages.filter((m) => m.kind === "customer").at(-1)?.integrationId;
      const option = must(await c.integrations.list({ limit: 100 })).items.find((i) => i.id === wroteOn && i.address);
      if (ticket.customer?.email && option) return { ticket, option: { integrationId: option.id, name: option.name, address: option.address } };
    }
  }
  throw new Error("no e-mail ticket in the sandbox seed");
}

describe("reads against the sandbox", () => {
  it("account and current user (credential check)", async () => {
    const agent = await sb.agent("admin");
    expect(must(await client.account.get()).domain).toBe("demo");
    const me = must(await client.users.current());
    expect(me.email).toBe(agent.email);
    expect(must(await client.users.get(me.id)).id).toBe(me.id);
    expect(client.callLimit()).toMatchObject({ limit: expect.any(Number) });
  });

  it("lists users, teams, tags, macros, integrations, views, customers", async () => {
    const users = must(await client.users.list({ limit: 100 }));
    expect(users.items.length).toBeGreaterThan(1);
    expect(users.items.some((u) => u.role === "observer-agent")).toBe(true);
    expect(must(await client.teams.list()).items.length).toBeGreaterThan(0);
    expect(must(await client.tags.list({ limit: 10 })).items.length).toBeGreaterThan(0);
    expect(must(await client.macros.list({ limit: 10 })).items.length).toBeGreaterThan(0);
    const integrations = must(await client.integrations.list()).items;
    expect(integrations.some((i) => i.type === "email" && i.address)).toBe(true);
    expect(must(await client.views.list()).items.length).toBeGreaterThan(0);
    const customers = must(await client.customers.list({ limit: 5 }));
    expect(customers.items).toHaveLength(5);
    const first = customers.items[0];
    if (!first) throw new Error("no customer");
    expect(must(await client.customers.get(first.id)).id).toBe(first.id);
  });

  it("pages tickets with cursors and sends the documented query", async () => {
    await sb.control.clearRequests();
    const pages = [];
    for await (const page of paginate((cursor) => client.tickets.list({ cursor, limit: 5 }), { maxPages: 3 })) pages.push(must(page));
    expect(pages).toHaveLength(3);
    const ids = pages.flatMap((p) => p.items.map((t) => t.id));
    expect(new Set(ids).size).toBe(15);
    for (const t of pages[0]?.items ?? []) expect(t.createdAt).toMatch(/Z$/);
    const log = (await sb.control.requests()).filter((r) => r.path === "/api/tickets");
    expect(log).toHaveLength(3);
    expect(log[0]?.query).toMatchObject({ limit: "5", trashed: "false" });
    expect(log[1]?.query).toMatchObject({ cursor: pages[0]?.nextCursor });
  });

  it("gets a ticket, its messages, one message", async () => {
    const { ticket } = await emailTicket(client);
    expect(ticket.messages.length).toBeGreaterThan(0);
    const listed = must(await client.messages.list(ticket.id));
    expect(listed.items.length).toBeGreaterThan(0);
    const first = listed.items[0];
    if (!first) throw new Error("no message");
    const one = must(await client.messages.get(ticket.id, first.id));
    expect(one).toMatchObject({ id: first.id, ticketId: ticket.id });
    expect(["customer", "agent", "note"]).toContain(one.kind);
  });

  it("view items page with cursors taken from next_items URLs; ad-hoc search filters", async () => {
    const views = must(await client.views.list()).items;
    let paged = false;
    for (const view of views) {
      const page = must(await client.views.items(view.id, { limit: 3 }));
      if (page.nextCursor === null) continue;
      const next = must(await client.views.items(view.id, { cursor: page.nextCursor, limit: 3 }));
      expect(next.items.map((t) => t.id)).not.toEqual(page.items.map((t) => t.id));
      // The prev token, followed as given (it carries direction=prev and ignored_item), leads back to the first page.
      expect(next.prevCursor).not.toBeNull();
      const back = must(await client.views.items(view.id, { cursor: next.prevCursor, limit: 3 }));
      expect(back.items.map((t) => t.id)).toEqual(page.items.map((t) => t.id));
      paged = true;
      break;
    }
    expect(paged).toBe(true);
    const closed = must(await client.views.search({ filters: "eq(ticket.status, 'closed')", limit: 10 }));
    expect(closed.items.length).toBeGreaterThan(0);
    expect(closed.items.every((t) => t.status === "closed")).toBe(true);
    if (closed.nextCursor) {
      const more = must(await client.views.search({ filters: "eq(ticket.status, 'closed')", limit: 10, cursor: closed.nextCursor }));
      expect(more.items.some((t) => closed.items.some((c) => c.id === t.id))).toBe(false);
    }
    const log = (await sb.control.requests()).filter((r) => r.method === "PUT" && r.path === "/api/views/0/items");
    expect(log[0]?.body).toMatchObject({ view: { type: "ticket-list", filters: "eq(ticket.status, 'closed')" } });
  });

  it("coalesces identical concurrent GETs into one HTTP request", async () => {
    await sb.control.clearRequests();
    const results = await Promise.all([client.account.get(), client.account.get(), client.account.get()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await sb.control.requests()).filter((r) => r.path === "/api/account")).toHaveLength(1);
  });
});

describe("writes against the sandbox", () => {
  it("a reply is sent as the agent from the ticket's integration, then delivered", async () => {
    const { ticket, option } = await emailTicket(client);
    const me = must(await client.users.current());
    const op = crypto.randomUUID();
    const customer = ticket.customer;
    if (!customer?.email || !option.address) throw new Error("fixture");
    const sent = must(
      await client.messages.createReply(ticket.id, {
        senderUserId: me.id,
        receiverCustomerId: customer.id,
        from: { address: option.address, name: option.name },
        to: [{ address: customer.email, name: customer.name }],
        integrationId: option.integrationId,
        subject: `Re: ${ticket.subject ?? ""}`,
        bodyText: "Your refund is on its way.",
        bodyHtml: "<p>Your refund is on its way.</p>",
        externalId: op,
      }),
    );
    expect(sent).toMatchObject({ kind: "agent", externalId: op, public: true });
    expect(["sending", "sent"]).toContain(sent.delivery);
    const post = (await sb.control.requests()).find((r) => r.method === "POST" && r.path === `/api/tickets/${ticket.id}/messages`);
    expect(post?.body).toMatchObject({ channel: "email", via: "api", from_agent: true, public: true, sender: { id: me.id }, receiver: { id: customer.id }, external_id: op });
    expect(post?.body).not.toHaveProperty("sent_datetime");
    await sb.control.flush();
    expect(must(await client.messages.get(ticket.id, sent.id)).delivery).toBe("sent");
    expect((await sb.control.outbox()).filter((o) => o.external_id === op)).toHaveLength(1);
    // The read-back used after an unknown outcome finds it by operation id.
    expect(must(await client.messages.findByExternalId(ticket.id, op))?.id).toBe(sent.id);
    expect(must(await client.messages.findByExternalId(ticket.id, crypto.randomUUID()))).toBeNull();
  });

  it("a note is private and never reaches the outbox", async () => {
    const { ticket } = await emailTicket(client);
    const me = must(await client.users.current());
    const op = crypto.randomUUID();
    const note = must(await client.messages.createNote(ticket.id, { senderUserId: me.id, bodyText: "Checked with the warehouse.", externalId: op }));
    expect(note).toMatchObject({ kind: "note", public: false, delivery: "recorded", externalId: op });
    await sb.control.flush();
    expect((await sb.control.outbox()).some((o) => o.external_id === op)).toBe(false);
  });

  it("creates a ticket, updates status/assignee absolutely, unassigns with null", async () => {
    const me = must(await client.users.current());
    const integration = must(await client.integrations.list({ type: "email" })).items.find((i) => i.address);
    if (!integration?.address) throw new Error("no e-mail integration");
    const op = crypto.randomUUID();
    const created = must(
      await client.tickets.create({
        customer: { email: "new.customer@example.test", name: "New Customer" },
        subject: "Your order",
        senderUserId: me.id,
        from: { address: integration.address, name: integration.name },
        to: { address: "new.customer@example.test", name: "New Customer" },
        integrationId: integration.id,
        bodyText: "Hello from the desk.",
        externalId: op,
      }),
    );
    expect(created).toMatchObject({ externalId: op, status: "open", subject: "Your order" });
    expect(must(await client.tickets.list({ externalId: op })).items.map((t) => t.id)).toEqual([created.id]);

    const closed = must(await client.tickets.update(created.id, { status: "closed", priority: "high", assigneeUserId: me.id }));
    expect(closed).toMatchObject({ status: "closed", priority: "high", assigneeUser: { id: me.id } });
    const unassigned = must(await client.tickets.update(created.id, { assigneeUserId: null }));
    expect(unassigned.assigneeUser).toBeNull();
    const put = (await sb.control.requests()).filter((r) => r.method === "PUT" && r.path === `/api/tickets/${created.id}`);
    expect(put.map((r) => r.body)).toEqual([{ status: "closed", priority: "high", assignee_user: { id: me.id } }, { assignee_user: null }]);
  });

  it("adds and removes ticket tags without replacing the set", async () => {
    const { ticket } = await emailTicket(client);
    const before = must(await client.tags.forTicket(ticket.id)).items.map((t) => t.name);
    must(await client.tags.addToTicket(ticket.id, { names: ["integration-test"] }));
    const added = must(await client.tags.forTicket(ticket.id)).items.map((t) => t.name);
    expect(added.sort()).toEqual([...before, "integration-test"].sort());
    const tag = must(await client.tags.forTicket(ticket.id)).items.find((t) => t.name === "integration-test");
    must(await client.tags.removeFromTicket(ticket.id, { ids: [tag?.id ?? -1] }));
    expect(must(await client.tags.forTicket(ticket.id)).items.map((t) => t.name).sort()).toEqual([...before].sort());
  });

  it("collects a whole small reference list", async () => {
    const all = must(await collectAll((cursor) => client.users.list({ cursor, limit: 2 })));
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual((await sb.agents()).length);
  });
});
