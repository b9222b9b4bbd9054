import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Harness, type Wire } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start({ sendDelayMs: 60_000 });
});
afterAll(() => h.close());

async function anyTicket(filter: (t: Wire) => boolean = () => true) {
  const res = await h.json("/api/tickets?limit=100");
  const found = res.body.data.find(filter);
  if (!found) throw new Error("no ticket matches");
  return found;
}

describe("tickets", () => {
  it("creates a ticket with a new customer referenced by e-mail", async () => {
    const res = await h.json("/api/tickets", {
      method: "POST",
      body: {
        channel: "api",
        via: "api",
        from_agent: false,
        subject: "Order #1001 never arrived",
        customer: { email: "new.person@example.com", name: "New Person" },
        messages: [{ channel: "api", via: "api", from_agent: false, sender: { email: "new.person@example.com" }, body_text: "Hi, my order never arrived." }],
        tags: [{ name: "shipping-delay" }, { name: "brand-new-tag" }],
        external_id: "dash-1",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      subject: "Order #1001 never arrived",
      status: "open",
      external_id: "dash-1",
      customer: { email: "new.person@example.com", name: "New Person", firstname: "New", lastname: "Person" },
    });
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.tags.map((t: Wire) => t.name)).toEqual(["shipping-delay", "brand-new-tag"]);
    const customers = await h.json("/api/customers?email=new.person@example.com");
    expect(customers.body.data).toHaveLength(1);
    const listed = await h.json(`/api/tickets?customer_id=${res.body.customer.id}`);
    expect(listed.body.data[0]).toMatchObject({ id: res.body.id, messages_count: 1, excerpt: "Hi, my order never arrived." });
  });

  it("updates status, assignee (assign and unassign both ways), priority, subject, unread", async () => {
    const t = await anyTicket((x) => x.status === "open");
    const agent = h.byRole("agent");
    const teams = (await h.json("/api/teams")).body.data;
    let res = await h.json(`/api/tickets/${t.id}`, {
      method: "PUT",
      body: { status: "closed", assignee_user: { id: agent.id }, assignee_team: { id: teams[0].id }, priority: "high", subject: "Renamed", is_unread: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "closed", priority: "high", subject: "Renamed", is_unread: false, assignee_user: { id: agent.id }, assignee_team: { id: teams[0].id } });
    expect(res.body.closed_datetime).toEqual(expect.any(String));
    expect(res.body.updated_datetime > t.updated_datetime).toBe(true);
    res = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { assignee_user: null, assignee_team: { id: null }, status: "open" } });
    expect(res.body).toMatchObject({ assignee_user: null, assignee_team: null, status: "open", closed_datetime: null });
  });

  it("snoozes (closing until the snooze time), marks spam, trashes and restores", async () => {
    const t = await anyTicket((x) => x.status === "open" && !x.spam);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    let res = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { snooze_datetime: until } });
    expect(res.body.status).toBe("closed");
    expect(res.body.snooze_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    const snoozedView = (await h.json("/api/views")).body.data.find((v: Wire) => v.slug === "snoozed");
    const inView = await h.json(`/api/views/${snoozedView.id}/items?limit=100`);
    expect(inView.body.data.map((x: Wire) => x.id)).toContain(t.id);
    // A past snooze time wakes the ticket up.
    res = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { snooze_datetime: "2001-01-01T00:00:00" } });
    const woke = await h.json(`/api/tickets/${t.id}`);
    expect(woke.body).toMatchObject({ status: "open", snooze_datetime: null });
    res = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { spam: true } });
    expect(res.body.spam).toBe(true);
    res = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { spam: false, trashed_datetime: new Date().toISOString() } });
    expect(res.body.trashed_datetime).toEqual(expect.any(String));
    const hidden = await h.json(`/api/tickets?trashed=false&ticket_ids=${t.id}`);
    expect(hidden.body.data).toEqual([]);
    res = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { trashed_datetime: null } });
    expect(res.body.trashed_datetime).toBeNull();
  });

  it("adds, lists, replaces and removes ticket tags", async () => {
    const t = await anyTicket();
    const tags = (await h.json("/api/tags?limit=100")).body.data;
    const vip = tags.find((x: Wire) => x.name === "vip");
    let res = await h.json(`/api/tickets/${t.id}/tags`, { method: "POST", body: { ids: [vip.id], names: ["needs-followup"] } });
    expect(res.status).toBe(201);
    expect(res.body).toBeNull();
    let list = await h.json(`/api/tickets/${t.id}/tags`);
    expect(list.body.object).toBe("list");
    expect(list.body.data.map((x: Wire) => x.name)).toEqual(expect.arrayContaining(["vip", "needs-followup"]));
    res = await h.json(`/api/tickets/${t.id}/tags`, { method: "DELETE", body: { names: ["needs-followup"] } });
    expect(res.status).toBe(204);
    list = await h.json(`/api/tickets/${t.id}/tags`);
    expect(list.body.data.map((x: Wire) => x.name)).not.toContain("needs-followup");
    res = await h.json(`/api/tickets/${t.id}/tags`, { method: "PUT", body: { ids: [vip.id] } });
    expect(res.status).toBe(202);
    expect((await h.json(`/api/tickets/${t.id}`)).body.tags.map((x: Wire) => x.id)).toEqual([vip.id]);
    const bad = await h.json(`/api/tickets/${t.id}/tags`, { method: "POST", body: { ids: [987654] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.ids).toEqual([expect.any(String)]);
  });

  it("returns full tickets with messages, reply options and customer integrations", async () => {
    const t = await anyTicket((x) => x.channel === "email");
    const res = await h.json(`/api/tickets/${t.id}`);
    expect(res.body.messages.length).toBe(t.messages_count);
    expect(res.body).not.toHaveProperty("excerpt");
    // Real accounts say only whether a channel is answerable; no integration list.
    expect(res.body.reply_options.email).toEqual({ answerable: true });
    expect(res.body.reply_options["internal-note"]).toEqual({ answerable: true });
    const incoming = res.body.messages.find((m: Wire) => !m.from_agent);
    const integration = (await h.json(`/api/integrations/${incoming.integration_id}`)).body;
    expect(integration.type).toBe("email");
    expect(incoming.source.to.map((a: Wire) => a.address)).toContain(integration.meta.address);
    const shop = Object.values(res.body.customer.integrations)[0] as Wire;
    expect(shop.__integration_type__).toBe("shopify");
    expect(shop.orders[0]).toMatchObject({ name: expect.stringMatching(/^#\d+$/), total_price: expect.any(String) });
  });
});

describe("messages", () => {
  it("stores internal notes as public:false and never sends them", async () => {
    const t = await anyTicket();
    const res = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: "internal-note", via: "api", from_agent: true, public: true, body_text: "Checked with the warehouse." },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ public: false, channel: "internal-note", sender: { email: h.admin.email } });
    await h.control("POST", "/__sandbox/flush");
    const outbox = await h.control("GET", "/__sandbox/outbox");
    expect(outbox.body.data.some((e: Wire) => e.message_id === res.body.id)).toBe(false);
  });

  it("accepts an email reply unsent, then sends it (outbox) or fails it (.invalid)", async () => {
    const t = await anyTicket((x) => x.channel === "email");
    const reply = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: {
        channel: "email",
        via: "api",
        from_agent: true,
        sender: { id: h.admin.id },
        receiver: { id: t.customer.id },
        source: { type: "email", from: { address: "support@demo-store.example" }, to: [{ address: t.customer.email }] },
        body_text: "Your refund is on its way.",
        external_id: "op-42",
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ sent_datetime: null, failed_datetime: null, external_id: "op-42", body_html: "<p>Your refund is on its way.</p>" });
    const failing = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: "email", from_agent: true, source: { to: [{ address: "someone@nowhere.invalid" }] }, body_text: "Hello?" },
    });
    expect(failing.status).toBe(201);
    expect((await h.control("GET", "/__sandbox/outbox")).body.data).toEqual([]);
    await h.control("POST", "/__sandbox/flush");
    const sent = await h.json(`/api/tickets/${t.id}/messages/${reply.body.id}`);
    expect(sent.body.sent_datetime).toEqual(expect.any(String));
    const failed = await h.json(`/api/tickets/${t.id}/messages/${failing.body.id}`);
    expect(failed.body).toMatchObject({ sent_datetime: null, failed_datetime: expect.any(String), last_sending_error: { error: expect.any(String) }, is_retriable: false });
    const outbox = (await h.control("GET", "/__sandbox/outbox?account=demo")).body.data;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ account: "demo", ticket_id: t.id, message_id: reply.body.id, external_id: "op-42", from: "support@demo-store.example", to: [t.customer.email] });
    const ticket = await h.json(`/api/tickets?ticket_ids=${t.id}`);
    expect(ticket.body.data[0].last_sent_message_not_delivered).toBe(true);
    const byExternal = await h.json("/api/messages?external_id=op-42");
    expect(byExternal.body.data.map((m: Wire) => m.id)).toEqual([reply.body.id]);
  });

  it("sends by itself after sendDelayMs", async () => {
    await h.control("PUT", "/__sandbox/config", { sendDelayMs: 50 });
    const t = await anyTicket((x) => x.channel === "email");
    const reply = await h.json(`/api/tickets/${t.id}/messages`, { method: "POST", body: { channel: "email", from_agent: true, body_text: "Quick one." } });
    expect(reply.body.sent_datetime).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    const after = await h.json(`/api/tickets/${t.id}/messages/${reply.body.id}`);
    expect(after.body.sent_datetime).toEqual(expect.any(String));
    await h.control("PUT", "/__sandbox/config", { sendDelayMs: 60_000 });
  });

  it("rejects a from address that is not an email integration, and unknown senders", async () => {
    const t = await anyTicket((x) => x.channel === "email");
    const res = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: "email", from_agent: true, source: { from: { address: "me@gmail.com" } }, body_text: "x" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.data["source.from.address"]).toEqual([expect.any(String)]);
    const sender = await h.json(`/api/tickets/${t.id}/messages`, { method: "POST", body: { channel: "email", from_agent: true, sender: { id: 999999 }, body_text: "x" } });
    expect(sender.body.error.data.sender).toEqual([expect.any(String)]);
    const integration = await h.json(`/api/tickets/${t.id}/messages`, { method: "POST", body: { channel: "email", from_agent: true, integration_id: 999999, body_text: "x" } });
    expect(integration.body.error.data.integration_id).toEqual([expect.any(String)]);
  });

  it("delivers an agent's chat reply on chat at once (outbox with its channel), and refuses sending on a phone ticket", async () => {
    await h.control("DELETE", "/__sandbox/outbox");
    const t = await anyTicket((x) => x.channel === "chat");
    const full = await h.json(`/api/tickets/${t.id}`);
    const incoming = [...full.body.messages].reverse().find((m: Wire) => !m.from_agent);
    const reply = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: {
        channel: "chat",
        via: "api",
        from_agent: true,
        receiver: { id: t.customer.id },
        source: { type: "chat", from: incoming.source.to[0], to: [incoming.source.from] },
        integration_id: incoming.integration_id,
        body_text: "On chat, as you wrote.",
        external_id: "op-chat",
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ channel: "chat", sent_datetime: expect.any(String), integration_id: incoming.integration_id });
    const outbox = (await h.control("GET", "/__sandbox/outbox?account=demo")).body.data;
    expect(outbox).toEqual([expect.objectContaining({ channel: "chat", ticket_id: t.id, message_id: reply.body.id, external_id: "op-chat", body_text: "On chat, as you wrote." })]);

    const unknown = await h.json(`/api/tickets/${t.id}/messages`, { method: "POST", body: { channel: "chat", from_agent: true, integration_id: 999999, body_text: "x" } });
    expect(unknown.body.error.data.integration_id).toEqual([expect.any(String)]);
    const phone = await anyTicket((x) => x.channel === "phone");
    const call = await h.json(`/api/tickets/${phone.id}/messages`, { method: "POST", body: { channel: "phone", from_agent: true, body_text: "x" } });
    expect(call.status).toBe(400);
    expect(call.body.error.data.channel).toEqual([expect.any(String)]);
    const recorded = await h.json(`/api/tickets/${phone.id}/messages`, { method: "POST", body: { channel: "phone", from_agent: true, sent_datetime: "2026-01-02T03:04:05+00:00", body_text: "call log" } });
    expect(recorded.status).toBe(201);
    expect((await h.control("GET", "/__sandbox/outbox?account=demo")).body.data).toHaveLength(1);
  });

  it("a recorded message (sent_datetime given) is not sent again", async () => {
    const t = await anyTicket((x) => x.channel === "email");
    const res = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: "email", from_agent: true, sent_datetime: "2026-01-02T03:04:05+00:00", body_text: "imported" },
    });
    expect(res.body.sent_datetime).toBe("2026-01-02T03:04:05.000000+00:00");
    await h.control("POST", "/__sandbox/flush");
    expect((await h.control("GET", "/__sandbox/outbox")).body.data.some((e: Wire) => e.message_id === res.body.id)).toBe(false);
  });

  it("updates the ticket: count, excerpt, last message time, reopening on a customer message", async () => {
    const t = await anyTicket((x) => x.status === "closed" && !x.spam && x.snooze_datetime === null);
    const res = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: t.channel, via: "api", from_agent: false, body_text: "Actually, one more thing about my order." },
    });
    expect(res.status).toBe(201);
    const after = (await h.json(`/api/tickets?ticket_ids=${t.id}`)).body.data[0];
    expect(after).toMatchObject({ status: "open", messages_count: t.messages_count + 1, excerpt: "Actually, one more thing about my order.", is_unread: true, closed_datetime: null });
    expect(after.last_message_datetime).toBe(res.body.created_datetime);
    expect(after.last_received_message_datetime).toBe(res.body.created_datetime);
    expect(after.updated_datetime >= res.body.created_datetime).toBe(true);
  });
});
