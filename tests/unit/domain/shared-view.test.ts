import { describe, expect, it } from "vitest";
import { patchFirstPage, type SharedListPlan } from "@/lib/domain/list-patch";
import { listScope, sharesReads } from "@/lib/domain/sharing";
import { excerptOf, summaryOf, wholeThreadOf } from "@/lib/domain/ticket-summary";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { View } from "@/lib/domain/view";
import { messageOf, summaryOf as row, ticketOf } from "@/tests/support/domain-fixtures";

const all: SharedListPlan = { kind: "list", orderBy: "updated_datetime:desc" };
const page = (items: TicketSummary[], nextCursor: string | null = "c1") => ({ items, nextCursor, prevCursor: null });
const ids = (p: { items: readonly TicketSummary[] }) => p.items.map((t) => t.id);

describe("patching a cached first page", () => {
  const base = [row(3, "2026-11-29T10:03:00Z"), row(2, "2026-11-29T10:02:00Z"), row(1, "2026-11-29T10:01:00Z")];

  it("moves a changed ticket to where the list's order puts it, and inserts a new one", () => {
    expect(ids(patchFirstPage(page(base), all, row(1, "2026-11-29T10:05:00Z")).page)).toEqual([1, 3, 2]);
    const inserted = patchFirstPage(page(base), all, row(9, "2026-11-29T10:02:30Z"));
    expect(inserted.exact).toBe(true);
    expect(ids(inserted.page)).toEqual([3, 9, 2, 1]);
  });

  it("keeps the page's rows (the next cursor points after the last one) and leaves out a ticket that sorts past them", () => {
    expect(ids(patchFirstPage(page(base), all, row(9, "2026-11-29T09:00:00Z")).page)).toEqual([3, 2, 1]);
    // On a last page nothing lies beyond: it goes at the end.
    expect(ids(patchFirstPage(page(base, null), all, row(9, "2026-11-29T09:00:00Z")).page)).toEqual([3, 2, 1, 9]);
  });

  it("follows ascending orders and the created date", () => {
    const asc: SharedListPlan = { kind: "list", orderBy: "updated_datetime:asc" };
    expect(ids(patchFirstPage(page([...base].reverse(), null), asc, row(3, "2026-11-29T10:00:00Z")).page)).toEqual([3, 1, 2]);
    const created: SharedListPlan = { kind: "list", orderBy: "created_datetime:desc" };
    const moved = row(1, "2026-11-29T11:00:00Z", { created_datetime: "2026-11-29T10:01:00Z" });
    expect(ids(patchFirstPage(page(base), created, moved).page)).toEqual([3, 2, 1]);
  });

  it("drops a trashed ticket, and one of another customer from a customer's list", () => {
    expect(ids(patchFirstPage(page(base), all, row(2, "2026-11-29T10:09:00Z", { trashed_datetime: "2026-11-29T10:09:00Z" })).page)).toEqual([3, 1]);
    const mine: SharedListPlan = { kind: "list", customerId: 77, orderBy: "updated_datetime:desc" };
    const elsewhere = patchFirstPage(page(base), mine, row(8, "2026-11-29T10:09:00Z"));
    expect(elsewhere).toMatchObject({ exact: true });
    expect(ids(elsewhere.page)).toEqual([3, 2, 1]);
  });

  it("updates a view's row in place but says only Gorgias knows whether it still belongs, or whether a new one does", () => {
    const view: SharedListPlan = { kind: "view", viewId: 5, orderBy: "updated_datetime:desc" };
    const changed = patchFirstPage(page(base), view, row(1, "2026-11-29T10:09:00Z", { status: "closed" }));
    expect(changed.exact).toBe(false);
    expect(changed.page.items.find((t) => t.id === 1)?.status).toBe("closed");
    expect(ids(changed.page)).toEqual([3, 2, 1]);
    const outsider = patchFirstPage(page(base), view, row(9, "2026-11-29T10:09:00Z"));
    expect(outsider.exact).toBe(false);
    expect(ids(outsider.page)).toEqual([3, 2, 1]);
  });
});

describe("a list row from the full ticket", () => {
  const thread = [
    messageOf(1, 7, "2026-11-29T10:00:00Z", { body_text: "First   question" }),
    messageOf(2, 7, "2026-11-29T10:05:00Z", { body_text: "Latest\n public words", stripped_text: "Latest\n public words" }),
    messageOf(3, 7, "2026-11-29T10:06:00Z", { public: false, channel: "internal-note", body_text: "private note" }),
  ];

  it("previews the latest public message, never a note, trimmed as the list does", () => {
    expect(excerptOf(thread)).toBe("Latest public words");
    expect(excerptOf([messageOf(4, 7, "2026-11-29T10:00:00Z", { body_text: "x".repeat(200) })])).toBe(`${"x".repeat(117)}...`);
  });

  it("takes the count and preview from the thread when known, else from the row it replaces", () => {
    const t = ticketOf(7, "2026-11-29T10:06:00Z", thread);
    const { messages: _m, ...header } = t;
    expect(summaryOf(header, thread, null)).toMatchObject({ id: 7, messagesCount: 3, excerpt: "Latest public words", customer: { id: t.customer!.id } });
    const previous = row(7, "2026-11-29T10:00:00Z", { excerpt: "older preview", messages_count: 2 });
    expect(summaryOf(header, null, previous)).toMatchObject({ messagesCount: 2, excerpt: "older preview", updatedAt: t.updatedAt });
  });

  it("trusts embedded messages as the whole thread only when they reach the latest message and their start is vouched for", () => {
    const whole = ticketOf(7, "2026-11-29T10:06:00Z", thread);
    expect(wholeThreadOf(whole, thread.slice(0, 2))?.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(wholeThreadOf(whole, null, { count: 3, asOf: null })?.map((m) => m.id)).toEqual([1, 2, 3]);
    // A row counted two messages as of 10:05; one came since.
    expect(wholeThreadOf(whole, null, { count: 2, asOf: "2026-11-29T10:05:00Z" })?.map((m) => m.id)).toEqual([1, 2, 3]);
    // Nothing vouches for the oldest end: it may be capped.
    expect(wholeThreadOf(whole, null)).toBeNull();
    expect(wholeThreadOf(whole, null, { count: 5, asOf: null })).toBeNull();
    expect(wholeThreadOf(whole, null, { count: 3, asOf: "2026-11-29T10:05:00Z" })).toBeNull();
    // Capped at the newest end: Gorgias's latest message is not among them.
    expect(wholeThreadOf(ticketOf(7, "2026-11-29T10:06:00Z", thread.slice(0, 2), { last_message_datetime: "2026-11-29T10:06:00Z" }), thread.slice(0, 1))).toBeNull();
    // A message we already hold is missing: capped at the oldest end.
    expect(wholeThreadOf(ticketOf(7, "2026-11-29T10:06:00Z", thread.slice(1)), thread)).toBeNull();
    expect(wholeThreadOf(ticketOf(7, "2026-11-29T10:06:00Z", []), [])).toBeNull();
  });
});

describe("what may be shared between agents", () => {
  const views = [
    { id: 5, filters: "eq(ticket.status, 'open')" },
    { id: 6, filters: "eq(ticket.assignee_user.id, '{{current_user.id}}')" },
  ] as unknown as View[];

  it("only among roles that see the whole account", () => {
    expect(["admin", "agent", "internal-agent", "basic-agent", "lite-agent", "observer-agent"].every(sharesReads)).toBe(true);
    expect(["bot", "some-future-role"].some(sharesReads)).toBe(false);
    expect(sharesReads(null)).toBe(false);
  });

  it("a view's page per account, per agent when it names the current user, and never a view the agent cannot see", () => {
    expect(listScope({ kind: "list", orderBy: "updated_datetime:desc" }, [], 9)).toBe("account");
    expect(listScope({ kind: "view", viewId: 5, orderBy: "updated_datetime:desc" }, views, 9)).toBe("account");
    expect(listScope({ kind: "view", viewId: 6, orderBy: "updated_datetime:desc" }, views, 9)).toBe("user:9");
    expect(listScope({ kind: "view", viewId: 7, orderBy: "updated_datetime:desc" }, views, 9)).toBeNull();
    expect(listScope({ kind: "list", viewId: 7, orderBy: "updated_datetime:desc" }, views, 9)).toBeNull();
  });
});
