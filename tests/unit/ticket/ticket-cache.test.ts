import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { TicketThread } from "@/lib/domain/ticket-thread";
import { ticketKeys } from "@/lib/client/query-keys";
import { ticketThreadKey } from "@/features/ticket/client/queries";
import { applyTicketChange, patchListData, patchTicketFields, type ListPage } from "@/features/ticket/client/ticket-cache";

const A = "demo";

function summary(id: number, extra: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id, externalId: null, status: "open", priority: "normal", channel: "email", via: "email", subject: `Ticket ${id}`, excerpt: null,
    customer: { id: 1, email: "c@example.com", name: "C" }, assigneeUser: null, assigneeTeam: null, tags: [], messagesCount: 1,
    isUnread: false, spam: false, language: null, createdAt: null, updatedAt: null, openedAt: null, lastMessageAt: null,
    lastReceivedMessageAt: null, closedAt: null, snoozedUntil: null, trashedAt: null, ...extra,
  };
}

function thread(id: number): TicketThread {
  const { customer: _c, excerpt: _e, messagesCount: _m, ...rest } = summary(id);
  return { ticket: { ...rest, customer: null, replyOptions: [] }, messages: [], theme: "light", partial: false, assistantChanges: [], fetchedAt: 1 };
}

const pages = (...groups: number[][]): InfiniteData<ListPage> => ({
  pages: groups.map((ids, i) => ({ items: ids.map((id) => summary(id)), nextCursor: i < groups.length - 1 ? `c${i}` : null })),
  pageParams: groups.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
});

function seeded() {
  const qc = new QueryClient();
  qc.setQueryData(ticketThreadKey(A, 7, "light"), thread(7));
  qc.setQueryData(ticketThreadKey(A, 7, "dark"), { ...thread(7), theme: "dark" });
  qc.setQueryData(ticketThreadKey(A, 8, "light"), thread(8));
  qc.setQueryData(ticketKeys.list(A, { viewId: 1 }), pages([1, 2, 3], [4, 7, 9]));
  qc.setQueryData(ticketKeys.list(A, { search: "x" }), pages([7], [10]));
  qc.setQueryData(ticketKeys.list(A, { viewId: 2 }), pages([11, 12]));
  qc.setQueryData(ticketKeys.list("other", {}), pages([7]));
  return qc;
}

const snapshot = (qc: QueryClient) => structuredClone(qc.getQueryCache().getAll().map((q) => [q.queryKey, q.state.data]));
const jane = { id: 42, name: "Jane", email: "jane@example.com" };
const team = { id: 3, name: "VIP", emoji: null };

describe("applyTicketChange", () => {
  it("patches every detail variant and every page of every list of the account", () => {
    const qc = seeded();
    applyTicketChange(qc, A, 7, { status: "closed", assigneeUser: jane, assigneeTeam: team });
    for (const theme of ["light", "dark"] as const) {
      const t = qc.getQueryData<TicketThread>(ticketThreadKey(A, 7, theme))!.ticket;
      expect([t.status, t.assigneeUser, t.assigneeTeam]).toEqual(["closed", jane, team]);
    }
    const view = qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list(A, { viewId: 1 }))!;
    expect(view.pages[1]!.items.find((t) => t.id === 7)).toMatchObject({ status: "closed", assigneeUser: jane, assigneeTeam: team });
    expect(view.pages[0]!.items.every((t) => t.status === "open")).toBe(true);
    const search = qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list(A, { search: "x" }))!;
    expect(search.pages[0]!.items[0]).toMatchObject({ status: "closed" });
  });

  it("leaves other tickets, other accounts and untouched pages alone (same references)", () => {
    const qc = seeded();
    const before = qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list(A, { viewId: 1 }))!;
    const untouched = qc.getQueryData(ticketKeys.list(A, { viewId: 2 }));
    const other8 = qc.getQueryData(ticketThreadKey(A, 8, "light"));
    applyTicketChange(qc, A, 7, { status: "closed" });
    const after = qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list(A, { viewId: 1 }))!;
    expect(after.pages[0]).toBe(before.pages[0]);
    expect(qc.getQueryData(ticketKeys.list(A, { viewId: 2 }))).toBe(untouched);
    expect(qc.getQueryData(ticketThreadKey(A, 8, "light"))).toBe(other8);
    expect(qc.getQueryData<InfiniteData<ListPage>>(ticketKeys.list("other", {}))!.pages[0]!.items[0]!.status).toBe("open");
  });

  it("rollback restores exactly what was cached", () => {
    const qc = seeded();
    qc.setQueryData(ticketThreadKey(A, 7, "light"), { ...thread(7), ticket: { ...thread(7).ticket, assigneeUser: jane } });
    const before = snapshot(qc);
    const rollback = applyTicketChange(qc, A, 7, { status: "closed", assigneeUser: null, assigneeTeam: team });
    expect(snapshot(qc)).not.toEqual(before);
    rollback();
    expect(snapshot(qc)).toEqual(before);
  });

  it("rolls back only its own fields, so a later change to another field survives", () => {
    const qc = seeded();
    const undoClose = applyTicketChange(qc, A, 7, { status: "closed" });
    applyTicketChange(qc, A, 7, { assigneeUser: jane });
    undoClose();
    const t = qc.getQueryData<TicketThread>(ticketThreadKey(A, 7, "light"))!.ticket;
    expect(t.status).toBe("open");
    expect(t.assigneeUser).toEqual(jane);
  });

  it("ignores cache entries of another shape under the same prefix", () => {
    const qc = seeded();
    qc.setQueryData([...ticketKeys.lists(A), "count"], 12);
    expect(() => applyTicketChange(qc, A, 7, { status: "closed" })()).not.toThrow();
    expect(qc.getQueryData([...ticketKeys.lists(A), "count"])).toBe(12);
  });
});

describe("pure patches", () => {
  it("returns the same object when nothing changes", () => {
    const t = summary(1);
    expect(patchTicketFields(t, { status: "open" })).toBe(t);
    expect(patchTicketFields(t, {})).toBe(t);
    const data = pages([1, 2]);
    expect(patchListData(data, 99, { status: "closed" })).toBe(data);
  });

  it("null unassigns; undefined leaves the field alone", () => {
    const t = summary(1, { assigneeUser: jane, assigneeTeam: team });
    expect(patchTicketFields(t, { assigneeUser: null })).toMatchObject({ assigneeUser: null, assigneeTeam: team });
  });
});
