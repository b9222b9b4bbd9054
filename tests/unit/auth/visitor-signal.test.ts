import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { visitorSignal, withVisitorSignal } = await import("@/lib/auth/visitor-signal");

describe("the visitor's signal", () => {
  it("reaches code deep inside the wrapped handler (Auth.js's authorize), and only there", async () => {
    const visitor = new AbortController();
    const seen: Array<AbortSignal | undefined> = [];
    const handler = withVisitorSignal(async (_request: Request) => {
      await Promise.resolve();
      seen.push(visitorSignal());
      return new Response(null, { status: 204 });
    });
    await handler(new Request("http://desk.test/api/auth/callback/credentials", { method: "POST", signal: visitor.signal }));
    expect(seen[0]).toBeDefined();
    visitor.abort();
    expect(seen[0]?.aborted).toBe(true);
    expect(visitorSignal()).toBeUndefined();
  });
});
