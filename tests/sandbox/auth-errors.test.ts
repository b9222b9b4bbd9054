import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.close());

describe("authentication and roles", () => {
  it("answers 401 with Gorgias's body without or with wrong credentials", async () => {
    const none = await fetch(`${h.url}/demo/api/account`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { msg: "Unauthorized." } });
    expect(none.headers.get("x-gorgias-account-api-call-limit")).toMatch(/^\d+\/40$/);
    const wrong = await h.json("/api/account", { as: { ...h.admin, api_key: "nope" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { msg: "Unauthorized." } });
  });

  it("keeps accounts apart: a demo key is unauthorized on acme", async () => {
    const res = await h.json("/api/account", { account: "acme", as: h.admin });
    expect(res.status).toBe(401);
    const acme = await h.json("/api/account", { account: "acme", as: h.byRole("admin", "acme") });
    expect(acme.status).toBe(200);
    expect(acme.body.domain).toBe("acme");
    const demoTicket = (await h.json("/api/tickets?limit=1")).body.data[0].id;
    const cross = await h.json(`/api/tickets/${demoTicket}`, { account: "acme", as: h.byRole("admin", "acme") });
    expect(cross.status).toBe(404);
  });

  it("lets an observer read but not write (403)", async () => {
    const observer = h.byRole("observer-agent");
    expect((await h.json("/api/tickets?limit=1", { as: observer })).status).toBe(200);
    const id = (await h.json("/api/tickets?limit=1")).body.data[0].id;
    const res = await h.json(`/api/tickets/${id}`, { method: "PUT", body: { priority: "high" }, as: observer });
    expect(res.status).toBe(403);
    expect(typeof res.body.error.msg).toBe("string");
  });

  it("answers an unknown account domain with an HTML 404", async () => {
    const res = await fetch(`${h.url}/nosuchshop/api/account`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
  });

  it("GET /api/users/0 is the caller", async () => {
    const agent = h.byRole("agent");
    const res = await h.json("/api/users/0", { as: agent });
    expect(res.body).toMatchObject({ id: agent.id, email: agent.email, role: { name: "agent" } });
  });
});

describe("error shapes", () => {
  it("404 for unknown ids and paths", async () => {
    for (const path of ["/api/tickets/999999", "/api/customers/999999", "/api/users/999999", "/api/views/999999", "/api/macros/999999", "/api/tickets/abc", "/api/nothing"]) {
      const res = await h.json(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toEqual({ error: { msg: "Resource not found." } });
    }
  });

  it("405 for a known path with the wrong method", async () => {
    const res = await h.json("/api/customers/1001", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.body).toEqual({ error: { msg: "The specified HTTP method is not allowed." } });
  });

  it("400 with a data map for unknown parameters, bad limits, bad cursors, bad enums", async () => {
    const cases: [string, string][] = [
      ["/api/tickets?status=open", "status"],
      ["/api/tickets?limit=0", "limit"],
      ["/api/tickets?limit=101", "limit"],
      ["/api/tickets?limit=ten", "limit"],
      ["/api/tickets?cursor=not-a-cursor!", "cursor"],
      ["/api/tickets?cursor=WyJuZXh0IiwgMjksIDkyOV0=", "cursor"],
      ["/api/tickets?order_by=subject:asc", "order_by"],
      ["/api/tickets?trashed=maybe", "trashed"],
      ["/api/customers?foo=bar", "foo"],
      ["/api/users?roles=king", "roles"],
      ["/api/messages?ticket_id=x", "ticket_id"],
    ];
    for (const [path, field] of cases) {
      const res = await h.json(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.msg, path).toEqual(expect.any(String));
      expect(res.body.error.data[field], path).toEqual([expect.any(String)]);
    }
  });

  it("400 for invalid bodies, naming each field", async () => {
    const id = (await h.json("/api/tickets?limit=1")).body.data[0].id;
    const res = await h.json(`/api/tickets/${id}/messages`, { method: "POST", body: { body_text: "hi", colour: "red" } });
    expect(res.status).toBe(400);
    expect(res.body.error.data).toEqual({
      channel: ["Missing data for required field."],
      from_agent: ["Missing data for required field."],
      colour: ["Unknown field."],
    });
    const bad = await h.json(`/api/tickets/${id}`, { method: "PUT", body: { status: "pending", assignee_user: { id: 424242 } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.data)).toContain("status");
    const unknownUser = await h.json(`/api/tickets/${id}`, { method: "PUT", body: { assignee_user: { id: 424242 } } });
    expect(unknownUser.body.error.data.assignee_user).toEqual([expect.stringContaining("424242")]);
    const notJson = await h.json(`/api/tickets/${id}`, { method: "PUT", raw: "{oops", headers: { "Content-Type": "application/json" } });
    expect(notJson.status).toBe(400);
    const ticket = await h.json("/api/tickets", { method: "POST", body: { channel: "email" } });
    expect(ticket.body.error.data.messages).toEqual(["Missing data for required field."]);
  });
});
