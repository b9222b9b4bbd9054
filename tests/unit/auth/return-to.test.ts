import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnTo } from "@/lib/auth/return-to";

describe("safeReturnTo", () => {
  it("keeps a path inside the agent's own account", () => {
    expect(safeReturnTo("/demo/tickets/42", "demo")).toBe("/demo/tickets/42");
    expect(safeReturnTo("/demo?q=order&view=3", "demo")).toBe("/demo?q=order&view=3");
    expect(safeReturnTo("/demo", "demo")).toBe("/demo");
  });

  it("sends everything else to the inbox", () => {
    for (const bad of ["//evil.example/demo", "/\\evil.example", "https://evil.example/demo", "/acme/tickets/1", "/demolition", "demo/tickets/1", "/demo/../acme", "", null, 42, "/%2F%2Fevil.example"]) {
      expect(safeReturnTo(bad, "demo")).toMatch(/^\/demo(\/|$)/);
    }
    expect(safeReturnTo("/demo/../acme/tickets/1", "demo")).toBe("/demo");
  });

  it("never leaves the account, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeReturnTo(s, "demo");
        expect(out === "/demo" || out.startsWith("/demo/") || out.startsWith("/demo?")).toBe(true);
        expect(new URL(out, "http://desk.invalid").host).toBe("desk.invalid");
      }),
    );
  });
});
