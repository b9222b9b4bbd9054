import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageAll, start, type Harness, type Wire } from "./helpers";

// Issue 9: the sandbox answers in the shapes real Gorgias accounts return, by default.

let h: Harness;
beforeAll(async () => {
  h = await start({ sendDelayMs: 60_000 });
});
afterAll(() => h.close());

const OFFSET_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;

async function emailTicket(): Promise<Wire> {
  const list = await h.json("/api/tickets?limit=100");
  const t = list.body.data.find((x: Wire) => x.channel === "email" && !x.spam);
  return (await h.json(`/api/tickets/${t.id}`)).body;
}

describe("shapes of real accounts", () => {
  it("reply_options carries no integration list", async () => {
    const t = await emailTicket();
    expect(t.reply_options.email).toEqual({ answerable: true });
    expect(JSON.stringify(t.reply_options)).not.toContain("integrations");
  });

  it("every datetime has an offset", async () => {
    const t = await emailTicket();
    for (const key of ["created_datetime", "updated_datetime", "last_message_datetime"]) expect(t[key]).toMatch(OFFSET_DATETIME);
    expect(t.messages[0].created_datetime).toMatch(OFFSET_DATETIME);
    expect(t.customer.created_datetime).toMatch(OFFSET_DATETIME);
    const event = await h.json("/api/tickets/" + t.id, { method: "PUT", body: { priority: "high" } });
    expect(event.body.updated_datetime).toMatch(OFFSET_DATETIME);
  });

  it("lists customers compactly; the full customer has channels and integrations", async () => {
    const list = await h.json("/api/customers?limit=5");
    for (const c of list.body.data) {
      expect(c).not.toHaveProperty("channels");
      expect(c).not.toHaveProperty("integrations");
      expect(c).toHaveProperty("email");
    }
    const one = await h.json(`/api/customers/${list.body.data[0].id}`);
    expect(Array.isArray(one.body.channels)).toBe(true);
    expect(typeof one.body.integrations).toBe("object");
  });

  it("serves a stand-in for the customer's page in Gorgias's app, under the account's prefix", async () => {
    const list = await h.json("/api/customers?limit=1");
    const c = list.body.data[0];
    const page = await fetch(`${h.url}/demo/app/customer/${c.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain(`Customer #${c.id}`);
    expect((await fetch(`${h.url}/demo/app/customer/999999999`)).status).toBe(404);
    expect((await fetch(`${h.url}/demo/app/ticket/${c.id}`)).status).toBe(404);
  });

  it("sends null for empty attachments and actions", async () => {
    const t = await emailTicket();
    const plain = t.messages.find((m: Wire) => m.attachments === null);
    expect(plain).toBeDefined();
    expect(plain.actions).toBeNull();
  });

  it("refuses an unknown via, on tickets and messages", async () => {
    const t = await emailTicket();
    const bad = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { via: "carrier-pigeon" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.data)).toEqual(["via"]);
    const msg = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: "internal-note", via: "telepathy", from_agent: true, body_text: "x" },
    });
    expect(msg.status).toBe(400);
    expect(Object.keys(msg.body.error.data)).toEqual(["via"]);
    const ok = await h.json(`/api/tickets/${t.id}/messages`, { method: "POST", body: { channel: "internal-note", via: "helpdesk", from_agent: true, body_text: "x" } });
    expect(ok.status).toBe(201);
  });

  it("assigns by e-mail and accepts nested objects as they were read", async () => {
    const t = await emailTicket();
    const agent = h.byRole("agent");
    const byEmail = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { assignee_user: { email: agent.email } } });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.assignee_user.id).toBe(agent.id);
    const unknown = await h.json(`/api/tickets/${t.id}`, { method: "PUT", body: { assignee_user: { email: "nobody@nowhere.example" } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.data).toHaveProperty("assignee_user");
    // The assignee, team and customer objects exactly as GET returned them.
    const read = byEmail.body;
    const teams = (await h.json("/api/teams")).body.data;
    const nested = await h.json(`/api/tickets/${t.id}`, {
      method: "PUT",
      body: { assignee_user: read.assignee_user, assignee_team: { ...teams[0], decoration: { emoji: "x" } }, customer: read.customer },
    });
    expect(nested.status).toBe(200);
    expect(nested.body.assignee_team.id).toBe(teams[0].id);
    expect(nested.body.customer.id).toBe(read.customer.id);
  });

  it("accepts the agent's own address as source.from and sends through the customer's integration", async () => {
    const t = await emailTicket();
    const incoming = [...t.messages].reverse().find((m: Wire) => !m.from_agent);
    const res = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: {
        channel: "email",
        via: "helpdesk",
        from_agent: true,
        source: { type: "email", from: { address: h.admin.email }, to: [{ address: t.customer.email }] },
        body_text: "On it.",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.integration_id).toBe(incoming.integration_id);
    const integration = (await h.json(`/api/integrations/${incoming.integration_id}`)).body;
    expect(res.body.source.from.address).toBe(integration.meta.address);
    // Any other address that is not an integration's is still refused.
    const bad = await h.json(`/api/tickets/${t.id}/messages`, {
      method: "POST",
      body: { channel: "email", via: "helpdesk", from_agent: true, source: { from: { address: "someone@else.example" }, to: [{ address: t.customer.email }] }, body_text: "x" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.data).toHaveProperty(["source.from.address"]);
  });

  it("incoming email is filed on the integration it was written to, and replies leave from it", async () => {
    const emails = (await h.json("/api/integrations?type=email")).body.data;
    const second = emails[1];
    const created = await h.json("/api/tickets", {
      method: "POST",
      body: {
        channel: "email",
        via: "email",
        customer: { email: "writer.two@example.com" },
        messages: [{ channel: "email", via: "email", from_agent: false, source: { from: { address: "writer.two@example.com" }, to: [{ address: second.meta.address }] }, body_text: "hello" }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.messages[0].integration_id).toBe(second.id);
    const reply = await h.json(`/api/tickets/${created.body.id}/messages`, { method: "POST", body: { channel: "email", via: "helpdesk", from_agent: true, body_text: "hi" } });
    expect(reply.body.source.from.address).toBe(second.meta.address);
  });
});

describe("view items", () => {
  it("next_items carries cursor, direction and ignored_item, and pages when followed as given", async () => {
    const views = (await h.json("/api/views")).body.data;
    const open = views.find((v: Wire) => v.slug === "open");
    const seen: number[] = [];
    let next: string | null = `/api/views/${open.id}/items?limit=25`;
    let pages = 0;
    while (next && pages < 100) {
      const res: { status: number; body: Wire } = await h.json(next);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((t: Wire) => t.id));
      next = res.body.meta.next_items;
      if (next) {
        const params = new URL(next, "http://x").searchParams;
        expect(params.get("direction")).toBe("next");
        expect(Number(params.get("ignored_item"))).toBe(res.body.data.at(-1).id);
        // The direction is not hidden in the cursor any more.
        expect(Buffer.from(params.get("cursor") ?? "", "base64").toString()).not.toContain("next");
      }
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await pageAll(h, "/api/tickets?limit=100");
    const expected = all.items.filter((t) => t.status === "open" && !t.spam && t.trashed_datetime === null).length;
    expect(seen.length).toBe(expected);
  });

  it("refuses a cursor it did not issue", async () => {
    const views = (await h.json("/api/views")).body.data;
    expect((await h.json(`/api/views/${views[0].id}/items?cursor=nope!`)).status).toBe(400);
  });
});

describe("endpoints", () => {
  it("satisfaction surveys: create, read, score, list, and on the ticket", async () => {
    const t = await emailTicket();
    const created = await h.json("/api/satisfaction-surveys", { method: "POST", body: { ticket_id: t.id, sent_datetime: "2026-01-02T03:04:05Z" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ticket_id: t.id, customer_id: t.customer.id, score: null, sent_datetime: "2026-01-02T03:04:05.000000+00:00", scored_datetime: null });
    expect((await h.json("/api/satisfaction-surveys", { method: "POST", body: { ticket_id: t.id } })).status).toBe(409);
    const scored = await h.json(`/api/satisfaction-surveys/${created.body.id}`, { method: "PUT", body: { score: 5, body_text: "Great help" } });
    expect(scored.body).toMatchObject({ score: 5, body_text: "Great help" });
    expect(scored.body.scored_datetime).toMatch(OFFSET_DATETIME);
    expect((await h.json(`/api/satisfaction-surveys/${created.body.id}`, { method: "PUT", body: { score: 9 } })).status).toBe(400);
    const list = await h.json(`/api/satisfaction-surveys?ticket_id=${t.id}`);
    expect(list.body).toMatchObject({ object: "list", data: [{ id: created.body.id, score: 5 }] });
    const ticket = await h.json(`/api/tickets/${t.id}`);
    expect(ticket.body.satisfaction_survey).toMatchObject({ id: created.body.id, score: 5 });
    expect((await h.json("/api/satisfaction-surveys", { method: "POST", body: { ticket_id: 999_999_999 } })).status).toBe(400);
  });

  it("DELETE /api/tickets/{id} removes the ticket and its messages", async () => {
    const created = await h.json("/api/tickets", {
      method: "POST",
      body: { channel: "api", via: "api", customer: { email: "gone@example.com" }, messages: [{ channel: "api", via: "api", from_agent: false, body_text: "bye" }] },
    });
    const id = created.body.id;
    const messageId = created.body.messages[0].id;
    const del = await h.api(`/api/tickets/${id}`, { method: "DELETE" });
    expect(del.status).toBe(204);
    expect((await h.json(`/api/tickets/${id}`)).status).toBe(404);
    expect((await h.json(`/api/tickets/${id}/messages/${messageId}`)).status).toBe(404);
    expect((await h.api(`/api/tickets/${id}`, { method: "DELETE" })).status).toBe(404);
    const listed = await h.json(`/api/tickets?ticket_ids=${id}`);
    expect(listed.body.data).toEqual([]);
    const events = await h.json(`/api/events?object_type=Ticket&object_id=${id}&types=ticket-deleted`);
    expect(events.body.data).toHaveLength(1);
    expect((await h.api(`/api/tickets/${id}`, { method: "DELETE", as: h.byRole("observer-agent") })).status).toBe(403);
  });

  it("account settings: business_hours is an array", async () => {
    const account = await h.json("/api/account");
    const hours = account.body.settings.find((s: Wire) => s.type === "business-hours");
    expect(Array.isArray(hours.data.business_hours)).toBe(true);
    expect(hours.data.business_hours[0]).toEqual({ days: "1,2,3,4,5", from_time: "09:00", to_time: "18:00" });
    const settings = await h.json("/api/account/settings");
    expect(settings.body.data.map((s: Wire) => s.type)).toContain("business-hours");
    expect(settings.body).not.toHaveProperty("meta");
    const only = await h.json("/api/account/settings?type=business-hours");
    expect(only.body.data).toHaveLength(1);
  });

  it("events: typed, cursor-paginated and filterable by created_datetime", async () => {
    const page = await h.json("/api/events?limit=2");
    expect(page.body.object).toBe("list");
    expect(page.body.data.length).toBeGreaterThan(0);
    expect(page.body.data[0].created_datetime).toMatch(OFFSET_DATETIME);
    const since = page.body.data[0].created_datetime;
    const later = await h.json(`/api/events?created_datetime[gt]=${encodeURIComponent(since)}`);
    expect(later.body.data).toEqual([]);
  });
});

describe("a messy seed, like a real account", () => {
  it("holds the untidy cases of item 6, long threads, other scripts, a busy customer and a second brand", async () => {
    const all = (await pageAll(h, "/api/tickets?limit=100")).items;
    expect(all.some((t) => t.subject === null)).toBe(true);
    expect(all.some((t) => t.subject === "")).toBe(true);
    expect(all.some((t) => /[\u0590-\u05FF]/.test(t.subject ?? "")) && all.some((t) => /[\u0600-\u06FF]/.test(t.subject ?? ""))).toBe(true);
    expect(all.some((t) => /\p{Extended_Pictographic}/u.test(t.subject ?? ""))).toBe(true);
    expect(all.some((t) => /\S{60,}/.test(t.subject ?? ""))).toBe(true);
    expect(all.filter((t) => t.messages_count >= 200)).toHaveLength(2);

    const nameless = (await h.json("/api/customers?email=x9k2@mailbox.example")).body.data[0];
    expect(nameless).toMatchObject({ name: null, firstname: "", lastname: "" });
    const namelessTicket = all.find((t) => t.customer.id === nameless.id && t.channel === "email");
    const full = (await h.json(`/api/tickets/${namelessTicket.id}`)).body;
    const incoming = full.messages.find((m: Wire) => !m.from_agent);
    expect(incoming.sent_datetime).toBeNull();
    expect(incoming.receiver).toMatchObject({ email: "support@demo-store.example" });
    expect(full.meta).toBeNull();

    const busy = new Map<number, number>();
    for (const t of all) busy.set(t.customer.id, (busy.get(t.customer.id) ?? 0) + 1);
    expect(Math.max(...busy.values())).toBeGreaterThanOrEqual(60);

    const brandB = (await h.json("/api/integrations?type=email")).body.data.find((i: Wire) => i.meta.address === "hello@summit-trail.example");
    const jo = (await h.json("/api/customers?email=jo.both@mail.example")).body.data[0];
    const jos = await Promise.all(all.filter((t) => t.customer.id === jo.id).map(async (t) => (await h.json(`/api/tickets/${t.id}`)).body));
    const wroteTo = jos.map((t) => t.messages[0].source.to[0].address).sort();
    expect(wroteTo).toEqual(["hello@summit-trail.example", "support@demo-store.example"]);
    expect(jos.find((t) => t.messages[0].integration_id === brandB.id)).toBeDefined();
  });
});
