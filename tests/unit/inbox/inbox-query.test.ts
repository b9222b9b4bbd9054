import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planInboxList, looksLikeEmail } from "@/lib/domain/inbox-plan";
import { InboxListRequest } from "@/lib/domain/contract/routes";
import { DEFAULT_ORDER, INBOX_ORDERS, inboxQueryOrDefaults, inboxSearch, parseInboxQuery, type InboxQuery } from "@/lib/domain/inbox-query";

const KEYS = ["view", "q", "customer", "order", "cursor", "utm_source", "__proto__", "constructor", ""];
const anyValue = fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom(...INBOX_ORDERS, "1e3", " 12 ", "-1", "NaN", "0x10", "9".repeat(40)));
const anyParams = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), anyValue), { maxLength: 12 }).map((pairs) => new URLSearchParams(pairs));

const validQuery: fc.Arbitrary<InboxQuery> = fc.record({
  view: fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: undefined }),
  q: fc.option(fc.string({ minLength: 1, maxLength: 200 }).map((s) => s.trim()).filter((s) => s !== ""), { nil: undefined }),
  customer: fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: undefined }),
  order: fc.constantFrom(...INBOX_ORDERS),
});

describe("inbox URL query", () => {
  it("parses any URLSearchParams or answers a clear error, and never throws", () => {
    fc.assert(
      fc.property(anyParams, (params) => {
        const parsed = parseInboxQuery(params);
        if (!parsed.ok) {
          expect(parsed.error.message).toMatch(/invalid .+; it was ignored\./);
          expect(Object.keys(parsed.error.fields).length).toBeGreaterThan(0);
        }
        const { query, ignored } = inboxQueryOrDefaults(params);
        expect(INBOX_ORDERS).toContain(query.order);
        expect(parsed.ok ? ignored : Object.keys(parsed.error.fields)).toEqual(ignored);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips every valid query through its canonical URL", () => {
    fc.assert(
      fc.property(validQuery, (q) => {
        const back = parseInboxQuery(new URLSearchParams(inboxSearch(q)));
        expect(back).toEqual({ ok: true, value: q });
      }),
    );
  });

  it("reads the usual links, drops unknown keys and keeps the first of a repeated key", () => {
    expect(parseInboxQuery(new URLSearchParams("view=12&q=%20refund%20&customer=7&order=created:asc&utm_source=x"))).toEqual({
      ok: true,
      value: { view: 12, q: "refund", customer: 7, order: "created:asc" },
    });
    expect(parseInboxQuery({ view: ["3", "4"], q: "" })).toEqual({ ok: true, value: { view: 3, q: undefined, order: DEFAULT_ORDER } });
    expect(inboxSearch({ order: DEFAULT_ORDER })).toBe("");
  });

  it("keeps the valid part of a half-broken link", () => {
    expect(inboxQueryOrDefaults(new URLSearchParams("view=abc&customer=5&order=sideways"))).toEqual({
      query: { customer: 5, order: DEFAULT_ORDER },
      ignored: ["view", "order"],
    });
  });

  it("the route accepts paging and refuses anything else", () => {
    expect(InboxListRequest.safeParse({ view: "2", cursor: "abc", refresh: "1" }).success).toBe(true);
    expect(InboxListRequest.safeParse({ view: "2", filters: "eq(ticket.status,'open')" }).success).toBe(false);
  });
});

describe("which Gorgias read serves a query", () => {
  it("search within a view and customer uses the ad-hoc view with both filters", () => {
    expect(planInboxList({ q: "refund", view: 3, customer: 9, order: "created:asc" }, "eq(ticket.status, 'open')")).toEqual({
      kind: "search",
      filters: "(eq(ticket.status, 'open')) && eq(ticket.customer.id, 9)",
      search: "refund",
      orderBy: "created_datetime",
      orderDir: "asc",
    });
    expect(planInboxList({ q: "x", order: "updated:desc" }, null)).toMatchObject({ kind: "search", filters: "" });
  });

  it("a view alone reads its items; a customer goes through the ticket list", () => {
    expect(planInboxList({ view: 4, order: "updated:desc" }, null)).toEqual({ kind: "view", viewId: 4, orderBy: "updated_datetime:desc" });
    expect(planInboxList({ view: 4, customer: 2, order: "updated:asc" }, null)).toEqual({ kind: "list", viewId: 4, customerId: 2, orderBy: "updated_datetime:asc" });
    expect(planInboxList({ order: "created:desc" }, null)).toEqual({ kind: "list", viewId: undefined, customerId: undefined, orderBy: "created_datetime:desc" });
  });

  it("tells an e-mail from a name", () => {
    expect(looksLikeEmail(" jane@shop.example ")).toBe(true);
    expect(looksLikeEmail("Jane Doe")).toBe(false);
    expect(looksLikeEmail("jane@")).toBe(false);
  });
});
