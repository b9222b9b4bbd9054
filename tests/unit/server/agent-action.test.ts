import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";

vi.mock("server-only", () => ({}));
const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => incoming.headers }));
const AGENT: SignedInAgent = { agentId: "a-1", accountDomain: "demo", gorgiasUserId: 1, email: "a@x.example", name: "Alex", role: "admin" };
vi.mock("@/lib/auth/session", () => ({ currentAgent: async () => AGENT }));
vi.mock("@/lib/auth/agent-gorgias", () => ({ gorgiasFor: async () => ({}) }));

const { agentAction } = await import("@/lib/server/agent-action");
const { logger } = await import("@/lib/server/logger");
const { ok } = await import("@/lib/result");

const Input = z.object({ ticketId: z.number() }).strict();

beforeEach(() => {
  incoming.headers = new Headers();
  vi.restoreAllMocks();
});

describe("agentAction", () => {
  it("refuses input its schema refuses, before the handler runs", async () => {
    const handler = vi.fn(async () => ok(1));
    const result = await agentAction(Input, handler)({ ticketId: "12" } as never);
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { ticketId: expect.any(Array) } } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("an unexpected throw comes back as a value: internal, with the request id it was logged under", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const failure = new Error("relation \"drafts\" does not exist", { cause: new Error("42P01") });
    const result = await agentAction(Input, async () => {
      throw failure;
    })({ ticketId: 1 });
    if (result.ok) throw new Error("expected a failure");
    expect(result.error.code).toBe("internal");
    expect(result.error.message).not.toContain("drafts");
    expect(result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.mock.calls[0]?.[0]).toMatchObject({ err: failure, requestId: result.error.requestId, agentId: "a-1" });
  });

  it("uses the request id a proxy already gave the call", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    incoming.headers = new Headers({ "x-request-id": "edge-123" });
    const result = await agentAction(Input, async () => {
      throw new Error("boom");
    })({ ticketId: 1 });
    expect(result).toMatchObject({ ok: false, error: { requestId: "edge-123" } });
  });
});
