import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageAll, start, type Harness, type Wire } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.close());

describe("views", () => {
  it("has the system views and their items follow the filters", async () => {
    const views = (await h.json("/api/views?limit=100")).body.data;
    const slugs = views.map((v: Wire) => v.slug);
    expect(slugs).toEqual(expect.arrayContaining(["unassigned", "mine", "open", "closed", "snoozed", "spam", "trash"]));
    const check: Record<string, (t: Wire) => boolean> = {
      open: (t) => t.status === "open" && !t.spam && t.trashed_datetime === null,
      spam: (t) => t.spam === true,
      trash: (t) => t.trashed_datetime !== null,
      snoozed: (t) => t.snooze_datetime !== null,
    };
    for (const [slug, ok] of Object.entries(check)) {
      const view = views.find((v: Wire) => v.slug === slug);
      const res = await h.json(`/api/views/${view.id}/items?limit=100`);
      expect(res.body.data.length, slug).toBeGreaterThan(0);
      expect(res.body.data.every(ok), slug).toBe(true);
      expect(res.body.meta).toHaveProperty("current_cursor");
    }
  });

  it("resolves {{current_user.id}} for 'mine'", async () => {
    const mine = (await h.json("/api/views")).body.data.find((v: Wire) => v.slug === "mine");
    for (const agent of [h.admin, h.byRole("agent")]) {
      const res = await h.json(`/api/views/${mine.id}/items?limit=100`, { as: agent });
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data.every((t: Wire) => t.assignee_user?.id === agent.id && t.status === "open")).toBe(true);
    }
  });

  it("follows next_items and prev_items links and honours order_by", async () => {
    const open = (await h.json("/api/views")).body.data.find((v: Wire) => v.slug === "open");
    const p1 = await h.json(`/api/views/${open.id}/items?limit=5&order_by=created_datetime:asc`);
    expect(p1.body.meta.prev_items).toBeNull();
    expect(p1.body.meta.next_items).toMatch(/^\/api\/views\/\d+\/items\?cursor=.+&direction=next/);
    const p2 = await h.json(p1.body.meta.next_items);
    const created = [...p1.body.data, ...p2.body.data].map((t: Wire) => t.created_datetime);
    expect(created).toEqual([...created].sort());
    const back = await h.json(p2.body.meta.prev_items);
    expect(back.body.data.map((t: Wire) => t.id)).toEqual(p1.body.data.map((t: Wire) => t.id));
    const byPriority = await h.json(`/api/views/${open.id}/items?limit=100&order_by=priority:desc`);
    const rank: Record<string, number> = { critical: 3, high: 2, normal: 1, low: 0 };
    const ranks = byPriority.body.data.map((t: Wire) => rank[t.priority]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("runs ad-hoc searches with PUT /api/views/0/items", async () => {
    const agent = h.byRole("agent");
    const res = await h.json("/api/views/0/items?limit=100", {
      method: "PUT",
      body: { view: { type: "ticket-list", filters: `eq(ticket.status, 'open') && eq(ticket.assignee_user.id, ${agent.id})`, order_by: "updated_datetime", order_dir: "desc" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.every((t: Wire) => t.status === "open" && t.assignee_user?.id === agent.id)).toBe(true);
    const search = await h.json("/api/views/0/items?limit=100", { method: "PUT", body: { view: { search: "WATERPROOF" } } });
    expect(search.body.data.length).toBeGreaterThan(0);
    const customer = (await h.json("/api/customers?limit=1")).body.data[0];
    const byName = await h.json("/api/views/0/items", { method: "PUT", body: { view: { search: customer.email } } });
    expect(byName.body.data.every((t: Wire) => t.customer.id === customer.id)).toBe(true);
    const bad = await h.json("/api/views/0/items", { method: "PUT", body: { view: { filters: "eq(ticket.nope, 1" } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.filters).toEqual([expect.any(String)]);
    const tags = await h.json("/api/views/0/items?limit=100", { method: "PUT", body: { view: { filters: "containsAny(ticket.tags.name, ['refund'])" } } });
    expect(tags.body.data.every((t: Wire) => t.tags.some((x: Wire) => x.name === "refund"))).toBe(true);
  });
});

describe("reference data", () => {
  it("macros carry template variables in their response text", async () => {
    const macros = await pageAll(h, "/api/macros?limit=5");
    expect(macros.items).toHaveLength(19);
    const text = macros.items.map((m) => m.actions.find((a: Wire) => a.name === "setResponseText")?.arguments.body_text ?? "").join("\n");
    expect(text).toContain("{{ticket.customer.firstname}}");
    expect(text).toContain("{{ticket.customer.integrations.shopify.orders[0].name}}");
    const search = await h.json("/api/macros?search=refund");
    expect(search.body.data.map((m: Wire) => m.name)).toContain("Refund issued");
    expect((await h.json(`/api/macros/${macros.items[0].id}`)).body.id).toBe(macros.items[0].id);
  });

  it("macros carry every action kind, including an HTTP hook and a Shopify order action, the same on every reset", async () => {
    const macros = (await pageAll(h, "/api/macros?limit=100")).items;
    const kinds = new Set(macros.flatMap((m) => m.actions.map((a: Wire) => a.name)));
    for (const k of ["setResponseText", "addTags", "removeTags", "setStatus", "setAssignee", "setTeamAssignee", "setPriority", "snoozeTicket", "addInternalNote", "http", "shopifyFullRefundLastOrder"]) {
      expect(kinds, k).toContain(k);
    }
    const vip = macros.find((m) => m.name === "Escalate to VIP team");
    expect(vip.actions.find((a: Wire) => a.name === "setTeamAssignee").arguments.assignee_team).toMatchObject({ id: expect.any(Number), name: "VIP & Escalations" });
    expect(macros.find((m) => m.name === "Triage: not urgent").actions.some((a: Wire) => a.name === "setResponseText")).toBe(false);
  });

  it("ranks macros by relevance to a ticket, and refuses ticket_id without order_by=relevance", async () => {
    const tickets = (await h.json("/api/tickets?limit=100")).body.data as Wire[];
    const tagged = tickets.find((t) => t.tags.some((x: Wire) => x.name === "damaged"))!;
    const ranked = (await h.json(`/api/macros?ticket_id=${tagged.id}&order_by=relevance&limit=3`)).body.data as Wire[];
    expect(ranked[0].actions.find((a: Wire) => a.name === "addTags")?.arguments.tags).toContain("damaged");
    const same = (await h.json(`/api/macros?ticket_id=${tagged.id}&order_by=relevance:desc&limit=3`)).body.data as Wire[];
    expect(same.map((m) => m.id)).toEqual(ranked.map((m) => m.id));
    expect((await h.json(`/api/macros?ticket_id=${tagged.id}&order_by=name:asc`)).status).toBe(400);
  });

  it("teams, tags, account, integrations", async () => {
    const teams = await h.json("/api/teams");
    expect(teams.body).toMatchObject({ object: "list", meta: { next_cursor: null } });
    expect(teams.body.data).toHaveLength(3);
    expect(teams.body.data[0].members.length).toBeGreaterThan(0);
    const tags = await pageAll(h, "/api/tags?order_by=usage:desc,name:desc");
    // Coloured tags, plus two imported ones whose decoration is {} or null, as real accounts hold them.
    const plain = tags.items.filter((t) => t.decoration === null || Object.keys(t.decoration).length === 0);
    expect(plain.map((t) => [t.name, t.decoration])).toEqual(expect.arrayContaining([["zendesk-import", {}], ["legacy", null]]));
    expect(plain).toHaveLength(2);
    expect(tags.items.filter((t) => !plain.includes(t)).every((t) => /^#[0-9A-F]{6}$/i.test(t.decoration.color))).toBe(true);
    const usage = tags.items.map((t) => t.usage);
    expect(usage).toEqual([...usage].sort((a, b) => b - a));
    const account = await h.json("/api/account");
    expect(account.body).toMatchObject({ domain: "demo", status: { status: "active" } });
    const emails = await h.json("/api/integrations?type=email");
    // A second brand has its own support address.
    expect(emails.body.data.map((i: Wire) => i.meta.address).sort()).toEqual(["hello@summit-trail.example", "returns@demo-store.example", "support@demo-store.example"]);
    const ticket = (await h.json("/api/tickets?limit=1")).body.data[0];
    const full = await h.json(`/api/tickets/${ticket.id}`);
    expect(full.body.reply_options.email).not.toHaveProperty("integrations");
  });

  it("seeds a believable account", async () => {
    const tickets = (await pageAll(h, "/api/tickets?limit=100")).items;
    const channels = new Set(tickets.map((t) => t.channel));
    for (const c of ["email", "chat", "sms", "facebook", "instagram-direct-message", "phone"]) expect(channels).toContain(c);
    const oldest = Math.min(...tickets.map((t) => Date.parse(t.created_datetime)));
    expect(Date.now() - oldest).toBeLessThanOrEqual(91 * 86_400_000);
    expect(Date.now() - oldest).toBeGreaterThan(60 * 86_400_000);
    // Regular threads are short; the messy part of the seed adds threads of hundreds of messages.
    const counts = tickets.filter((t) => t.messages_count < 200).map((t) => t.messages_count);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(14);
    expect(tickets.filter((t) => t.messages_count >= 200)).toHaveLength(2);
    const users = (await h.json("/api/users")).body.data;
    expect(new Set(users.map((u: Wire) => u.role.name))).toEqual(new Set(["admin", "agent", "basic-agent", "lite-agent", "observer-agent"]));
    const messages = (await pageAll(h, "/api/messages?limit=100")).items;
    expect(messages.some((m) => m.public === false && m.channel === "internal-note")).toBe(true);
    const emails = messages.filter((m) => m.channel === "email" && m.body_html?.includes("gmail_quote"));
    expect(emails.length).toBeGreaterThan(10);
    expect(emails[0].stripped_text.length).toBeLessThan(emails[0].body_text.length);
    const html = messages.map((m) => m.body_html ?? "").join("\n");
    for (const needle of ["<script", "onerror=", "<svg", "url(", "javascript:", 'width="1" height="1"']) expect(html).toContain(needle);
    // Empty attachments and actions are null, as real accounts send them.
    expect(messages.every((m) => m.actions === null)).toBe(true);
    expect(messages.some((m) => m.attachments === null)).toBe(true);
    expect(messages.every((m) => m.attachments === null || m.attachments.length > 0)).toBe(true);
    const withFile = messages.find((m) => m.attachments !== null);
    expect(withFile).toBeDefined();
    const file = withFile.attachments[0];
    const res = await fetch(file.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(file.content_type);
    expect((await res.arrayBuffer()).byteLength).toBe(file.size);
  });
});
