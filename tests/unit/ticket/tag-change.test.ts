import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Ticket } from "@/lib/domain/ticket";
import type { TicketThread } from "@/lib/domain/ticket-thread";
import { ticketKeys } from "@/lib/client/query-keys";
import { ok } from "@/lib/result";

// The server actions, answered by hand: each call waits until the test settles it.
const calls: Array<{ kind: "tags" | "update"; input: unknown; answer: () => void }> = [];
vi.mock("@/features/ticket/server/actions", () => ({
  changeTags: (input: unknown) => new Promise((resolve) => calls.push({ kind: "tags", input, answer: () => resolve(ok(undefined)) })),
  updateTicket: (input: { status?: "open" | "closed" }) =>
    new Promise((resolve) => calls.push({ kind: "update", input, answer: () => resolve(ok({ ...ticket(), status: input.status ?? "open" })) })),
}));
vi.mock("@/components/ui/toast", () => ({ toast: { prepare: () => {}, error: () => {}, info: () => {}, undoable: () => {} } }));

const { changeTicketTags } = await import("@/features/ticket/client/tag-change");
const { changeTicket } = await import("@/features/ticket/client/ticket-update");
const { ticketThreadKey } = await import("@/features/ticket/client/queries");

function ticket(): Ticket {
  return {
    id: 7, externalId: null, status: "open", priority: "normal", channel: "email", via: "email", subject: "Ticket 7", customer: null,
    assigneeUser: null, assigneeTeam: null, tags: [], isUnread: false, spam: false, language: null, createdAt: null, updatedAt: null,
    openedAt: null, lastMessageAt: null, lastReceivedMessageAt: null, closedAt: null, snoozedUntil: null, trashedAt: null, messages: [], replyOptions: [],
  };
}

const A = "demo";
const vip = { id: -1, name: "vip", color: null };
const flush = () => new Promise((r) => setTimeout(r, 0));
const tagsOnScreen = (qc: QueryClient) => qc.getQueryData<TicketThread>(ticketThreadKey(A, 7, "light"))!.ticket.tags.map((t) => t.name);
function seeded() {
  const qc = new QueryClient();
  qc.setQueryData(ticketThreadKey(A, 7, "light"), { ticket: ticket(), messages: [], theme: "light", partial: false, assistantChanges: [], fetchedAt: 1 });
  return qc;
}
/** How often the ticket's detail was marked for a re-read. */
const detailReads = (spy: { mock: { calls: ReadonlyArray<readonly unknown[]> } }) =>
  spy.mock.calls.filter(([filters]) => JSON.stringify((filters as { queryKey?: unknown } | undefined)?.queryKey) === JSON.stringify(ticketKeys.detail(A, 7))).length;

beforeEach(() => {
  calls.length = 0;
});

describe("tag changes in the ticket's write order", () => {
  it("add then remove: the remove waits for the add's answer, and the add's answer re-reads nothing", async () => {
    const qc = seeded();
    const invalidate = vi.spyOn(qc, "invalidateQueries");
    changeTicketTags(qc, A, 7, { add: [vip], remove: [] });
    changeTicketTags(qc, A, 7, { add: [], remove: [vip] });
    await flush();
    expect(tagsOnScreen(qc)).toEqual([]);
    expect(calls).toHaveLength(1);
    calls[0]!.answer();
    await flush();
    expect(calls).toHaveLength(2);
    expect(detailReads(invalidate)).toBe(0);
    calls[1]!.answer();
    await flush();
    expect(detailReads(invalidate)).toBe(1);
  });

  it("a tag change and a status change share one line and re-read the ticket once, after the last", async () => {
    const qc = seeded();
    const invalidate = vi.spyOn(qc, "invalidateQueries");
    changeTicketTags(qc, A, 7, { add: [{ id: 3, name: "known", color: null }], remove: [] });
    changeTicket(qc, A, 7, { status: "closed" });
    await flush();
    expect(calls.map((c) => c.kind)).toEqual(["tags"]);
    calls[0]!.answer();
    await flush();
    expect(calls.map((c) => c.kind)).toEqual(["tags", "update"]);
    expect(detailReads(invalidate)).toBe(0);
    calls[1]!.answer();
    await flush();
    expect(detailReads(invalidate)).toBe(1);
  });
});
