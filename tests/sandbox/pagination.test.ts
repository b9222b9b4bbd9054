import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageAll, start, type Harness, type Wire } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.close());

const unique = (items: { id: number }[]) => new Set(items.map((i) => i.id)).size;

describe("list envelopes and pagination to the end", () => {
  it("tickets: envelope shape, every id once, 300+ tickets", async () => {
    const first = await h.json("/api/tickets?limit=2");
    expect(first.body).toMatchObject({ object: "list", uri: "/api/tickets?limit=2", meta: { prev_cursor: null, next_cursor: expect.any(String), total_resources: null } });
    expect(first.body.data[0].created_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    const { items, pages } = await pageAll(h, "/api/tickets?limit=100");
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(unique(items)).toBe(items.length);
    expect(pages).toBe(Math.ceil(items.length / 100));
    const defaults = await pageAll(h, "/api/tickets");
    expect(defaults.items.length).toBe(items.length);
    expect(defaults.pages).toBe(Math.ceil(items.length / 30));
  });

  it("walks back with prev_cursor", async () => {
    const p1 = await h.json("/api/tickets?limit=5");
    const p2 = await h.json(`/api/tickets?limit=5&cursor=${encodeURIComponent(p1.body.meta.next_cursor)}`);
    expect(p2.body.meta.prev_cursor).toEqual(expect.any(String));
    const back = await h.json(`/api/tickets?limit=5&cursor=${encodeURIComponent(p2.body.meta.prev_cursor)}`);
    expect(back.body.data.map((t: Wire) => t.id)).toEqual(p1.body.data.map((t: Wire) => t.id));
    expect(back.body.meta.prev_cursor).toBeNull();
  });

  it("orders by created/updated asc/desc", async () => {
    for (const order of ["created_datetime:asc", "created_datetime:desc", "updated_datetime:asc", "updated_datetime:desc"]) {
      const [field, dir] = order.split(":") as [string, string];
      const { items } = await pageAll(h, `/api/tickets?limit=100&order_by=${order}`);
      const values = items.map((t) => t[field] as string);
      const sorted = [...values].sort();
      expect(values, order).toEqual(dir === "asc" ? sorted : sorted.reverse());
    }
  });

  it("customers, users, messages, tags and view items page to the end", async () => {
    const customers = await pageAll(h, "/api/customers?limit=37");
    expect(customers.items.length).toBeGreaterThanOrEqual(150);
    expect(unique(customers.items)).toBe(customers.items.length);
    const users = await pageAll(h, "/api/users?limit=3");
    expect(users.items.length).toBe(8);
    expect(unique(users.items)).toBe(8);
    expect(users.items.map((u) => u.name)).toEqual([...users.items.map((u) => u.name)].sort());
    const messages = await pageAll(h, "/api/messages?limit=100");
    expect(unique(messages.items)).toBe(messages.items.length);
    const tickets = await pageAll(h, "/api/tickets?limit=100");
    const total = tickets.items.reduce((n, t) => n + t.messages_count, 0);
    expect(messages.items.length).toBe(total);
    const tags = await pageAll(h, "/api/tags?limit=4");
    expect(tags.items.length).toBe(17);

    const views = (await h.json("/api/views")).body.data;
    const closedView = views.find((v: Wire) => v.slug === "closed");
    const seen: number[] = [];
    let next: string | null = `/api/views/${closedView.id}/items?limit=50`;
    while (next) {
      const res: Wire = await h.json(next);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((t: Wire) => t.id));
      expect(res.body.data.every((t: Wire) => t.status === "closed" && !t.spam && t.trashed_datetime === null)).toBe(true);
      next = res.body.meta.next_items;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const expected = tickets.items.filter((t) => t.status === "closed" && !t.spam && t.trashed_datetime === null).length;
    expect(seen.length).toBe(expected);
  });

  it("pages a ticket's messages on both paths, oldest first on the deprecated one", async () => {
    const { items } = await pageAll(h, "/api/tickets?limit=100");
    const busy = items.find((t) => t.messages_count >= 5);
    const viaTicket = await pageAll(h, `/api/tickets/${busy.id}/messages?limit=2`);
    const viaMessages = await pageAll(h, `/api/messages?ticket_id=${busy.id}&order_by=created_datetime:asc&limit=2`);
    expect(viaTicket.items.length).toBe(busy.messages_count);
    expect(viaMessages.items.map((m) => m.id)).toEqual(viaTicket.items.map((m) => m.id));
    const times = viaTicket.items.map((m) => m.created_datetime);
    expect(times).toEqual([...times].sort());
  });
});

describe("ticket list filters", () => {
  it("customer_id, ticket_ids, external_id, trashed, view_id", async () => {
    const all = (await pageAll(h, "/api/tickets?limit=100")).items;
    const customerId = all[0].customer.id;
    const mine = await pageAll(h, `/api/tickets?customer_id=${customerId}`);
    expect(mine.items.length).toBe(all.filter((t) => t.customer.id === customerId).length);
    const ids = all.slice(3, 6).map((t) => t.id);
    const picked = await h.json(`/api/tickets?${ids.map((id) => `ticket_ids=${id}`).join("&")}`);
    expect(picked.body.data.map((t: Wire) => t.id).sort()).toEqual([...ids].sort());
    const target = all[10].id;
    await h.json(`/api/tickets/${target}`, { method: "PUT", body: { external_id: "ext-123" } });
    const ext = await h.json("/api/tickets?external_id=ext-123");
    expect(ext.body.data.map((t: Wire) => t.id)).toEqual([target]);
    const notTrashed = await pageAll(h, "/api/tickets?limit=100&trashed=false");
    expect(notTrashed.items.every((t) => t.trashed_datetime === null)).toBe(true);
    expect(notTrashed.items.length).toBe(all.filter((t) => t.trashed_datetime === null).length);
    expect(all.some((t) => t.trashed_datetime !== null)).toBe(true);
    const views = (await h.json("/api/views")).body.data;
    const unassigned = views.find((v: Wire) => v.slug === "unassigned");
    const inView = await pageAll(h, `/api/tickets?view_id=${unassigned.id}&limit=100`);
    expect(inView.items.length).toBeGreaterThan(0);
    expect(inView.items.every((t) => t.assignee_user === null && t.status === "open")).toBe(true);
  });

  it("customers by email and name; users by email, search, roles", async () => {
    const c = (await h.json("/api/customers?limit=1")).body.data[0];
    expect((await h.json(`/api/customers?email=${encodeURIComponent(c.email)}`)).body.data.map((x: Wire) => x.id)).toEqual([c.id]);
    const byName = await h.json(`/api/customers?name=${encodeURIComponent(c.name)}`);
    expect(byName.body.data.every((x: Wire) => x.name === c.name)).toBe(true);
    expect((await h.json(`/api/users?email=${encodeURIComponent(h.admin.email)}`)).body.data).toHaveLength(1);
    expect((await h.json("/api/users?search=priya")).body.data.map((u: Wire) => u.firstname)).toEqual(["Priya"]);
    const roles = await h.json("/api/users?roles=basic-agent&roles=observer-agent");
    expect(roles.body.data.map((u: Wire) => u.role.name).sort()).toEqual(["basic-agent", "basic-agent", "observer-agent"]);
  });
});
