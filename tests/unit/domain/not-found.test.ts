import { describe, expect, it } from "vitest";
import { ticketSegmentOf, whyNotFound } from "@/lib/domain/not-found";

describe("why an address led nowhere", () => {
  it("a ticket page of the agent's own account", () => {
    expect(whyNotFound("/demo/tickets/987", "demo")).toEqual({ kind: "ticket", account: "demo" });
    expect(whyNotFound("/demo/tickets/new", "demo")).toEqual({ kind: "unknown", own: "demo" });
  });

  it("another account's address, named as such, leading to the agent's own", () => {
    expect(whyNotFound("/otherstore/tickets/1", "demo")).toEqual({ kind: "other-account", own: "demo" });
    expect(whyNotFound("/otherstore", "demo")).toEqual({ kind: "other-account", own: "demo" });
  });

  it("nothing more when signed out, or for the app's own paths", () => {
    expect(whyNotFound("/otherstore/tickets/1", null)).toEqual({ kind: "unknown", own: null });
    expect(whyNotFound("/api/x", "demo")).toEqual({ kind: "unknown", own: "demo" });
    expect(whyNotFound(null, "demo")).toEqual({ kind: "unknown", own: "demo" });
    expect(whyNotFound("/%E0%A4%A", "demo")).toEqual({ kind: "unknown", own: "demo" });
  });
});

describe("the ticket a page path names", () => {
  it("only the agent's account's ticket pages", () => {
    expect(ticketSegmentOf("/demo/tickets/42", "demo")).toBe("42");
    expect(ticketSegmentOf("/demo/tickets/42?tab=x", "demo")).toBe("42");
    expect(ticketSegmentOf("/demo/tickets/abc", "demo")).toBe("abc");
    expect(ticketSegmentOf("/demo/tickets/new", "demo")).toBeNull();
    expect(ticketSegmentOf("/demo/tickets/42/more", "demo")).toBeNull();
    expect(ticketSegmentOf("/other/tickets/42", "demo")).toBeNull();
    expect(ticketSegmentOf("/demo", "demo")).toBeNull();
  });
});
