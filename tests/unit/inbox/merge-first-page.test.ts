import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TicketSummary } from "@/lib/domain/ticket";
import { flattenPages, mergeFirstPage, type InboxPage, type InboxPages } from "@/features/inbox/client/merge-first-page";

function ticket(id: number, minute: number): TicketSummary {
  const at = new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
  return {
    id, externalId: null, status: "open", priority: "normal", channel: "email", via: "email", subject: `T${id}`, excerpt: null,
    customer: null, assigneeUser: null, assigneeTeam: null, tags: [], messagesCount: 1, isUnread: false, spam: false, language: null,
    createdAt: at, updatedAt: at, openedAt: null, lastMessageAt: at, lastReceivedMessageAt: null, closedAt: null, snoozedUntil: null, trashedAt: null,
  };
}
const ids = (data: InboxPages) => flattenPages(data).map((t) => t.id);
const loaded = (...pages: InboxPage[]): InboxPages => ({ pages, pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)) });

// Newest first: ticket n updated at minute n.
const p1 = { items: [ticket(10, 10), ticket(9, 9), ticket(8, 8)], nextCursor: "c1" };
const p2 = { items: [ticket(7, 7), ticket(6, 6), ticket(5, 5)], nextCursor: "c2" };

describe("mergeFirstPage", () => {
  it("puts new tickets on top and keeps every loaded page and cursor", () => {
    const merged = mergeFirstPage(loaded(p1, p2), { items: [ticket(11, 11), ticket(10, 10), ticket(9, 9)], nextCursor: "n1" }, "updated:desc");
    expect(ids(merged)).toEqual([11, 10, 9, 8, 7, 6, 5]);
    expect(merged.pages.map((p) => p.nextCursor)).toEqual(["c1", "c2"]);
    expect(merged.pageParams).toEqual([null, "c1"]);
  });

  it("moves an updated ticket from a later page to the top, once", () => {
    const merged = mergeFirstPage(loaded(p1, p2), { items: [ticket(6, 20), ticket(10, 10), ticket(9, 9)], nextCursor: "n1" }, "updated:desc");
    expect(ids(merged)).toEqual([6, 10, 9, 8, 7, 5]);
    expect(flattenPages(merged)[0]?.updatedAt).toBe(ticket(6, 20).updatedAt);
  });

  it("drops a ticket that left the view (inside the fresh range but missing from it)", () => {
    const merged = mergeFirstPage(loaded(p1, p2), { items: [ticket(10, 10), ticket(8, 8), ticket(7, 7)], nextCursor: "n1" }, "updated:desc");
    expect(ids(merged)).toEqual([10, 8, 7, 6, 5]);
  });

  it("replaces everything when the fresh page is the whole list", () => {
    const merged = mergeFirstPage(loaded(p1, p2), { items: [ticket(3, 30)], nextCursor: null }, "updated:desc");
    expect(merged).toEqual({ pages: [{ items: [ticket(3, 30)], nextCursor: null }], pageParams: [null] });
    expect(ids(mergeFirstPage(undefined, p1, "updated:desc"))).toEqual([10, 9, 8]);
  });

  it("never duplicates an id across pages, whatever it is given", () => {
    const arbTicket = fc.record({ id: fc.integer({ min: 1, max: 30 }), minute: fc.integer({ min: 0, max: 60 }) }).map(({ id, minute }) => ticket(id, minute));
    const arbPage = fc.record({ items: fc.array(arbTicket, { maxLength: 8 }), nextCursor: fc.option(fc.string(), { nil: null }) });
    fc.assert(
      fc.property(fc.array(arbPage, { minLength: 1, maxLength: 4 }), arbPage, fc.constantFrom("updated:desc", "updated:asc", "created:desc", "created:asc" as const), (pages, fresh, order) => {
        const merged = mergeFirstPage(loaded(...pages), fresh, order);
        const all = ids(merged);
        expect(new Set(all).size).toBe(all.length);
        expect(merged.pages.length).toBe(merged.pageParams.length);
        // Every fresh ticket is on screen, first, in Gorgias's order.
        const freshIds = [...new Set(fresh.items.map((t) => t.id))];
        expect(all.slice(0, freshIds.length)).toEqual(freshIds);
      }),
    );
  });
});
