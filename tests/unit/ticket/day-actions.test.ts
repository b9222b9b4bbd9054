import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import type { TicketSummary } from "@/lib/domain/ticket";
import { referenceKeys, ticketKeys } from "@/lib/client/query-keys";
import { applyTagChange } from "@/features/ticket/client/tag-change";
import { applyTicketChange, describeDone, inverseChange, leaveExcludingViews, type ListPage } from "@/features/ticket/client/ticket-cache";

// The tag writer's module holds the server action; only its pure part is tested here.
vi.mock("@/features/ticket/server/actions", () => ({ changeTags: vi.fn(), updateTicket: vi.fn() }));

const A = "demo";
const summary = (id: number, extra: Partial<TicketSummary> = {}): TicketSummary => ({
  id, externalId: null, status: "open", priority: "normal", channel: "email", via: "email", subject: `Ticket ${id}`, excerpt: null,
  customer: null, assigneeUser: null, assigneeTeam: null, tags: [], messagesCount: 1, isUnread: false, spam: false, language: null,
  createdAt: null, updatedAt: null, openedAt: null, lastMessageAt: null, lastReceivedMessageAt: null, closedAt: null, snoozedUntil: null,
  trashedAt: null, ...extra,
});
const list = (...ids: number[]): InfiniteData<ListPage> => ({ pages: [{ items: ids.map((id) => summary(id)), nextCursor: null }], pageParams: [null] });
const rows = (qc: QueryClient, viewId: number) => qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list(A, { viewId }))!.pages[0]!.items;

describe("tag changes", () => {
  const vip = { id: 1, name: "vip", color: null };
  const rule = { id: 2, name: "rule-added", color: "#f00" };
  it("adds by name once and removes by name, keeping the others", () => {
    expect(applyTagChange([rule], { add: [vip], remove: [] })).toEqual([rule, vip]);
    expect(applyTagChange([rule, vip], { add: [{ id: -5, name: "vip", color: null }], remove: [] })).toEqual([rule, vip]);
    expect(applyTagChange([rule, vip], { add: [], remove: [{ id: -5, name: "vip", color: null }] })).toEqual([rule]);
  });
  it("returns the same array when nothing changes", () => {
    const tags = [rule];
    expect(applyTagChange(tags, { add: [], remove: [vip] })).toBe(tags);
  });
});

describe("snooze, spam, trash and priority in the cache", () => {
  it("a snooze patches status and wake time; its inverse reopens without a wake time", () => {
    const qc = new QueryClient();
    qc.setQueryData(ticketKeys.list(A, { viewId: 1 }), list(1, 2));
    const change = { status: "closed" as const, snoozedUntil: "2026-01-14T08:00:00.000Z" };
    const before = rows(qc, 1)[0]!;
    const rollback = applyTicketChange(qc, A, 1, change);
    expect(rows(qc, 1)[0]).toMatchObject(change);
    expect(inverseChange(before, change)).toEqual({ status: "open", snoozedUntil: null });
    expect(describeDone(change)).toBe("Snoozed");
    rollback();
    expect(rows(qc, 1)[0]).toMatchObject({ status: "open", snoozedUntil: null });
  });

  it("spam and trash take the row out of an ordinary view, not out of the Spam or Trash view", () => {
    const qc = new QueryClient();
    qc.setQueryData(referenceKeys.views(A), {
      items: [
        { id: 1, name: "All open", filters: "eq(ticket.status, 'open')" },
        { id: 2, name: "Spam", filters: "eq(ticket.spam, true)" },
      ],
    });
    qc.setQueryData(ticketKeys.list(A, { viewId: 1 }), list(1, 2));
    qc.setQueryData(ticketKeys.list(A, { viewId: 2 }), list(1));
    applyTicketChange(qc, A, 1, { spam: true });
    const restore = leaveExcludingViews(qc, A, 1);
    expect(rows(qc, 1).map((t) => t.id)).toEqual([2]);
    expect(rows(qc, 2).map((t) => t.id)).toEqual([1]);
    restore?.();
    expect(rows(qc, 1).map((t) => t.id)).toEqual([1, 2]);

    applyTicketChange(qc, A, 2, { trashedAt: "2026-01-13T09:00:00.000Z" });
    leaveExcludingViews(qc, A, 2);
    expect(rows(qc, 1).map((t) => t.id)).toEqual([1]);
  });

  it("the plain ticket list (read with trashed=false) loses a trashed row, keeps a spam one; a search decides nothing", () => {
    const qc = new QueryClient();
    qc.setQueryData(ticketKeys.list(A, {}), list(1, 2));
    qc.setQueryData(ticketKeys.list(A, { search: "refund" }), list(1, 2));
    const plain = () => qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list(A, {}))!.pages[0]!.items.map((t) => t.id);
    const searched = () => qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list(A, { search: "refund" }))!.pages[0]!.items.map((t) => t.id);
    applyTicketChange(qc, A, 1, { spam: true });
    expect(leaveExcludingViews(qc, A, 1)).toBeNull();
    applyTicketChange(qc, A, 2, { trashedAt: "2026-01-13T09:00:00.000Z" });
    leaveExcludingViews(qc, A, 2);
    expect(plain()).toEqual([1]);
    expect(searched()).toEqual([1, 2]);
  });

  it("priority is one more absolute field with its own words", () => {
    const qc = new QueryClient();
    qc.setQueryData(ticketKeys.list(A, { viewId: 1 }), list(1));
    applyTicketChange(qc, A, 1, { priority: "high" });
    expect(rows(qc, 1)[0]!.priority).toBe("high");
    expect(describeDone({ priority: "high" })).toBe("Priority high");
  });
});
