import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Ticket, TicketSummary } from "@/lib/domain/ticket";
import type { TicketThread } from "@/lib/domain/ticket-thread";
import { referenceKeys, ticketKeys } from "@/lib/client/query-keys";
import { appError } from "@/lib/errors";
import { err, ok } from "@/lib/result";

// The server action, answered by hand: each call waits until the test settles it.
const calls: Array<{ input: { status?: string }; answer: (status: "open" | "closed") => void; refuse: () => void }> = [];
vi.mock("@/features/ticket/server/actions", () => ({
  updateTicket: (input: { status?: string }) =>
    new Promise((resolve) =>
      calls.push({ input, answer: (status) => resolve(ok({ ...ticket(7), status })), refuse: () => resolve(err(appError("forbidden", "Not allowed."))) }),
    ),
}));
const toasts: Array<{ message: string; onUndo: () => void }> = [];
vi.mock("@/components/ui/toast", () => ({
  toast: { prepare: () => {}, error: () => {}, info: () => {}, undoable: (message: string, onUndo: () => void) => toasts.push({ message, onUndo }) },
}));

const { changeTicket } = await import("@/features/ticket/client/ticket-update");
const { ticketThreadKey } = await import("@/features/ticket/client/queries");

function summary(id: number): TicketSummary {
  return {
    id, externalId: null, status: "open", priority: "normal", channel: "email", via: "email", subject: `Ticket ${id}`, excerpt: null,
    customer: { id: 1, email: "c@example.com", name: "C" }, assigneeUser: null, assigneeTeam: null, tags: [], messagesCount: 1,
    isUnread: false, spam: false, language: null, createdAt: null, updatedAt: null, openedAt: null, lastMessageAt: null,
    lastReceivedMessageAt: null, closedAt: null, snoozedUntil: null, trashedAt: null,
  };
}
function ticket(id: number): Ticket {
  const { customer: _c, excerpt: _e, messagesCount: _m, ...rest } = summary(id);
  return { ...rest, customer: null, messages: [], replyOptions: [] };
}

const A = "demo";
const statusOnScreen = (qc: QueryClient) => qc.getQueryData<TicketThread>(ticketThreadKey(A, 7, "light"))!.ticket.status;
const flush = () => new Promise((r) => setTimeout(r, 0));

function seeded() {
  const qc = new QueryClient();
  qc.setQueryData(ticketThreadKey(A, 7, "light"), { ticket: ticket(7), messages: [], theme: "light", partial: false, assistantChanges: [], fetchedAt: 1 });
  qc.setQueryData(referenceKeys.views(A), { items: [{ id: 5, name: "All open", slug: "open", category: "system", visibility: "public", filters: "eq(ticket.status, 'open')", orderBy: null, orderDir: null, emoji: null }] });
  qc.setQueryData(ticketKeys.list(A, { viewId: 5 }), { pages: [{ items: [summary(6), summary(7), summary(8)], nextCursor: null }], pageParams: [null] });
  return qc;
}
const rows = (qc: QueryClient) => qc.getQueryData<InfiniteData<{ items: TicketSummary[] }>>(ticketKeys.list(A, { viewId: 5 }))!.pages[0]!.items.map((t) => t.id);

beforeEach(() => {
  calls.length = 0;
  toasts.length = 0;
});

describe("ordered ticket writes", () => {
  it("close then reopen: the reopen waits for the close's answer, which never paints over it", async () => {
    const qc = seeded();
    changeTicket(qc, A, 7, { status: "closed" });
    changeTicket(qc, A, 7, { status: "open" });
    await flush();
    expect(statusOnScreen(qc)).toBe("open");
    expect(calls.map((c) => c.input.status)).toEqual(["closed"]);
    calls[0]!.answer("closed");
    await flush();
    expect(statusOnScreen(qc)).toBe("open");
    expect(calls.map((c) => c.input.status)).toEqual(["closed", "open"]);
    calls[1]!.answer("open");
    await flush();
    expect(statusOnScreen(qc)).toBe("open");
  });

  it("does not re-read the ticket while a later write is still in line", async () => {
    const qc = seeded();
    const invalidate = vi.spyOn(qc, "invalidateQueries");
    changeTicket(qc, A, 7, { status: "closed" });
    changeTicket(qc, A, 7, { status: "open" });
    await flush();
    calls[0]!.answer("closed");
    await flush();
    expect(invalidate).not.toHaveBeenCalled();
    calls[1]!.answer("open");
    await flush();
    expect(invalidate).toHaveBeenCalled();
  });

  it("a closed ticket leaves an open-only view at once, and Undo puts it back and reopens it", async () => {
    const qc = seeded();
    changeTicket(qc, A, 7, { status: "closed" });
    await flush();
    expect(rows(qc)).toEqual([6, 8]);
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.message).toMatch(/Closed #7/);
    calls[0]!.answer("closed");
    await flush();
    toasts[0]!.onUndo();
    await flush();
    expect(rows(qc)).toEqual([6, 7, 8]);
    expect(calls.map((c) => c.input.status)).toEqual(["closed", "open"]);
  });

  it("a refused close puts the row back, and its Undo then sends nothing", async () => {
    const qc = seeded();
    changeTicket(qc, A, 7, { status: "closed" });
    await flush();
    expect(rows(qc)).toEqual([6, 8]);
    calls[0]!.refuse();
    await flush();
    expect(rows(qc)).toEqual([6, 7, 8]);
    toasts[0]!.onUndo();
    await flush();
    expect(rows(qc)).toEqual([6, 7, 8]);
    expect(calls.map((c) => c.input.status)).toEqual(["closed"]);
  });

  it("a change that stays inside the view raises no undo", async () => {
    const qc = seeded();
    changeTicket(qc, A, 7, { assigneeTeam: { id: 3, name: "VIP", emoji: null } });
    await flush();
    expect(rows(qc)).toEqual([6, 7, 8]);
    expect(toasts).toHaveLength(0);
  });
});

