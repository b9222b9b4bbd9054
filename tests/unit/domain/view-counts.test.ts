import { describe, expect, it } from "vitest";
import type { TicketSummary } from "@/lib/domain/ticket";
import { countLabel, countViewPage } from "@/lib/domain/view-counts";

const row = (id: number, status: "open" | "closed", isUnread: boolean) => ({ id, status, isUnread, assigneeUser: null }) as unknown as TicketSummary;

describe("countViewPage", () => {
  it("counts the open and unread-open rows the view still holds", () => {
    const page = { items: [row(1, "open", true), row(2, "open", false), row(3, "closed", true)], nextCursor: "c", prevCursor: null };
    expect(countViewPage({ id: 5, filters: "eq(ticket.status, 'open')" }, page)).toEqual({ viewId: 5, open: 2, unread: 1, more: true });
    expect(countViewPage({ id: 6, filters: null }, { ...page, nextCursor: null })).toEqual({ viewId: 6, open: 2, unread: 1, more: false });
  });
  it("says when there is more than it counted", () => {
    expect(countLabel(30, true)).toBe("30+");
    expect(countLabel(4, false)).toBe("4");
  });
});
