import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";

// The wrapper runs as in a route, with the session lookup and the agent's client stubbed.
vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({ agent: null as SignedInAgent | null }));
vi.mock("@/lib/auth/session", () => ({ currentAgent: async () => session.agent }));
vi.mock("@/lib/auth/agent-gorgias", () => ({ gorgiasFor: async () => ({}) }));

const { apiContract } = await import("@/lib/domain/contract/routes");
const { agentRoute } = await import("@/lib/server/agent-route");
const { logger } = await import("@/lib/server/logger");
const { ok, err } = await import("@/lib/result");

const AGENT: SignedInAgent = { agentId: "a-1", accountDomain: "demo", gorgiasUserId: 1, email: "a@x.example", name: "Alex", role: "admin" };

// Params as Next hands them over (text), including ones its router would never produce.
const call = <C,>(handler: (request: Request, context: C) => Promise<Response>, params: Record<string, string>, search = "", headers: Record<string, string> = {}) =>
  handler(new Request(`http://127.0.0.1/api/x${search}`, { headers }), { params: Promise.resolve(params) } as C);

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; requestId?: string; fields?: Record<string, string[]> } }).error;
}

beforeEach(() => {
  session.agent = AGENT;
  vi.restoreAllMocks();
});

describe("agentRoute: params and query", () => {
  const handler = vi.fn(async () => ok({ items: [] }));
  const route = agentRoute(apiContract.customerTickets, handler);
  const search = agentRoute(apiContract.customers, handler);

  it("hands the handler typed values: ids as numbers", async () => {
    handler.mockClear();
    const response = await call(route, { account: "demo", customerId: "12" });
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledWith({ params: { account: "demo", customerId: 12 }, query: {} }, expect.objectContaining({ agent: AGENT }));
  });

  it.each(["abc", "0", "-3", "1.5", "2147483648", ""])("a customer id of %j is a 404 that says which part, never a 500", async (customerId) => {
    handler.mockClear();
    const response = await call(route, { account: "demo", customerId });
    expect(response.status).toBe(404);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "not_found", fields: { customerId: expect.any(Array) } });
    expect(error.message).toContain("customerId");
    expect(handler).not.toHaveBeenCalled();
  });

  it("a bad or unknown search param is a 400 naming the field", async () => {
    handler.mockClear();
    const bad = await errorOf(await call(search, { account: "demo" }, "?q=a"));
    expect(bad).toMatchObject({ code: "invalid_input", fields: { q: expect.any(Array) } });
    const extra = await call(route, { account: "demo", customerId: "12" }, "?filters=eq(1,1)");
    expect(extra.status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });

  it("another account, or no session, never reaches the handler", async () => {
    handler.mockClear();
    expect((await call(route, { account: "acme", customerId: "12" })).status).toBe(404);
    session.agent = null;
    const anonymous = await call(route, { account: "demo", customerId: "12" });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe("unauthenticated");
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("agentRoute: what goes out", () => {
  it("only what the response schema names: extra fields are stripped on the server", async () => {
    const leaky = { items: [], nextCursor: null, prevCursor: "c2", internalNote: "not for the browser" };
    const route = agentRoute(apiContract.tickets, async () => ok(leaky));
    const response = await call(route, { account: "demo" });
    expect(await response.json()).toEqual({ items: [], nextCursor: null });
  });

  it("an answer that breaks its contract is an internal error, not sent", async () => {
    const route = agentRoute(apiContract.views, async () => ok({ items: [{ id: "not a number" }] } as never));
    const response = await call(route, { account: "demo" });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("not a number");
  });
});

describe("agentRoute: request ids", () => {
  it("every error body and answer carries one; an expected failure keeps its own code", async () => {
    const route = agentRoute(apiContract.views, async () => err({ code: "rate_limited" as const, message: "Busy", retryAfterSeconds: 3 }));
    const response = await call(route, { account: "demo" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    const error = await errorOf(response);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-request-id")).toBe(error.requestId);
    const fine = await call(agentRoute(apiContract.views, async () => ok({ items: [] })), { account: "demo" });
    expect(fine.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a safe incoming x-request-id and replaces anything else", async () => {
    const route = agentRoute(apiContract.views, async () => err({ code: "not_found" as const, message: "Gone" }));
    expect((await errorOf(await call(route, { account: "demo" }, "", { "x-request-id": "lb-7f3a.91" }))).requestId).toBe("lb-7f3a.91");
    for (const hostile of ["a b", "<script>", "x".repeat(65), "../a/b", "id\"; x=1"]) {
      expect((await errorOf(await call(route, { account: "demo" }, "", { "x-request-id": hostile }))).requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("an unexpected throw is a 500 whose request id is the one logged, with the whole error", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const failure = new Error("store went away", { cause: new Error("ECONNRESET") });
    const route = agentRoute(apiContract.views, async () => {
      throw failure;
    });
    const response = await call(route, { account: "demo" });
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "internal", message: "Something went wrong on our side." });
    expect(error.message).not.toContain("store went away");
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatchObject({ err: failure, requestId: error.requestId, route: "/api/[account]/views" });
  });
});
