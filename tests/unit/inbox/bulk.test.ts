import { describe, expect, it } from "vitest";
import { endOutcome, FANOUT_MAX, oneAfterAnother, opOf, rangeBetween, routeOf, undoRoutes, undoSteps, type PreviousState } from "@/lib/domain/bulk";
import { BulkRequest } from "@/lib/domain/contract/bulk";

const NOW = new Date("2026-11-30T08:00:00Z");
const prev = (id: number, over: Partial<PreviousState> = {}): PreviousState => ({
  id,
  status: "open",
  assigneeUserId: null,
  snoozedUntil: null,
  spam: false,
  trashedAt: null,
  isUnread: true,
  tagNames: [],
  ...over,
});
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("selection ranges", () => {
  const list = [10, 11, 12, 13, 14];
  it("selects from the anchor to the clicked row, either way, both included", () => {
    expect(rangeBetween(list, 11, 13)).toEqual([11, 12, 13]);
    expect(rangeBetween(list, 14, 12)).toEqual([12, 13, 14]);
    expect(rangeBetween(list, 12, 12)).toEqual([12]);
  });
  it("is just the clicked row without an anchor in the list, and nothing for a row not in it", () => {
    expect(rangeBetween(list, null, 13)).toEqual([13]);
    expect(rangeBetween(list, 99, 13)).toEqual([13]);
    expect(rangeBetween(list, 11, 99)).toEqual([]);
  });
});

describe("threshold routing", () => {
  const close = opOf({ kind: "status", status: "closed" }, NOW);
  it(`writes up to ${FANOUT_MAX} tickets one by one, more as one job, a whole view always as a job`, () => {
    expect(routeOf({ op: close, ticketIds: ids(1) })).toBe("fanout");
    expect(routeOf({ op: close, ticketIds: ids(FANOUT_MAX) })).toBe("fanout");
    expect(routeOf({ op: close, ticketIds: ids(FANOUT_MAX + 1) })).toBe("job");
    expect(routeOf({ op: close, viewId: 3 })).toBe("job");
  });
  it("tags always go ticket by ticket (no job type; never the whole set)", () => {
    expect(routeOf({ op: opOf({ kind: "addTags", names: ["vip"] }, NOW), ticketIds: ids(300) })).toBe("fanout");
    expect(routeOf({ op: { kind: "removeTags", names: ["vip"] }, ticketIds: ids(300) })).toBe("fanout");
  });
  it("a snooze closes until then; trash is dated now", () => {
    expect(opOf({ kind: "snooze", until: "2026-12-01T09:00:00Z" }, NOW)).toEqual({ kind: "fields", patch: { status: "closed", snoozeUntil: "2026-12-01T09:00:00Z" } });
    expect(opOf({ kind: "trash", trashed: true }, NOW)).toEqual({ kind: "fields", patch: { trashedAt: NOW.toISOString() } });
    expect(opOf({ kind: "addTags", names: ["a", "a", "b"] }, NOW)).toEqual({ kind: "addTags", names: ["a", "b"] });
  });
});

describe("undo computation", () => {
  it("groups tickets by their previous value and leaves out those the change did not alter", () => {
    const op = opOf({ kind: "assign", userId: 7 }, NOW);
    const steps = undoSteps(op, [prev(1), prev(2, { assigneeUserId: 5 }), prev(3), prev(4, { assigneeUserId: 7 }), prev(5, { assigneeUserId: 5 })], NOW);
    expect(steps).toEqual([
      { ticketIds: [1, 3], op: { kind: "fields", patch: { assigneeUserId: null } } },
      { ticketIds: [2, 5], op: { kind: "fields", patch: { assigneeUserId: 5 } } },
    ]);
  });

  it("a close of a snoozed ticket is not undone; a reopen of one brings its snooze back", () => {
    const snoozed = prev(2, { status: "closed", snoozedUntil: "2026-12-02T09:00:00Z" });
    expect(undoSteps(opOf({ kind: "status", status: "closed" }, NOW), [prev(1), snoozed], NOW)).toEqual([{ ticketIds: [1], op: { kind: "fields", patch: { status: "open" } } }]);
    expect(undoSteps(opOf({ kind: "status", status: "open" }, NOW), [snoozed, prev(3, { status: "closed" })], NOW)).toEqual([
      { ticketIds: [2], op: { kind: "fields", patch: { status: "closed", snoozeUntil: "2026-12-02T09:00:00Z" } } },
      { ticketIds: [3], op: { kind: "fields", patch: { status: "closed" } } },
    ]);
  });

  it("an undone snooze restores the status and the earlier snooze (none when it had passed)", () => {
    const op = opOf({ kind: "snooze", until: "2026-12-05T09:00:00Z" }, NOW);
    const steps = undoSteps(op, [prev(1), prev(2, { status: "closed", snoozedUntil: "2026-11-01T09:00:00Z" })], NOW);
    expect(steps).toEqual([
      { ticketIds: [1], op: { kind: "fields", patch: { status: "open", snoozeUntil: null } } },
      { ticketIds: [2], op: { kind: "fields", patch: { status: "closed", snoozeUntil: null } } },
    ]);
  });

  it("spam, trash and read state come back as they were", () => {
    expect(undoSteps(opOf({ kind: "spam", spam: true }, NOW), [prev(1), prev(2, { spam: true })], NOW)).toEqual([{ ticketIds: [1], op: { kind: "fields", patch: { spam: false } } }]);
    expect(undoSteps(opOf({ kind: "trash", trashed: true }, NOW), [prev(1)], NOW)).toEqual([{ ticketIds: [1], op: { kind: "fields", patch: { trashedAt: null } } }]);
    expect(undoSteps(opOf({ kind: "read", unread: false }, NOW), [prev(1), prev(2, { isUnread: false })], NOW)).toEqual([{ ticketIds: [1], op: { kind: "fields", patch: { isUnread: true } } }]);
  });

  it("for tags, removes only those the change added that the ticket did not have", () => {
    const op = opOf({ kind: "addTags", names: ["vip", "refund"] }, NOW);
    const steps = undoSteps(op, [prev(1, { tagNames: ["vip"] }), prev(2), prev(3, { tagNames: ["vip", "refund"] }), prev(4, { tagNames: ["other"] })], NOW);
    expect(steps).toEqual([
      { ticketIds: [1], op: { kind: "removeTags", names: ["refund"] } },
      { ticketIds: [2, 4], op: { kind: "removeTags", names: ["vip", "refund"] } },
    ]);
  });
});

describe("bulk request", () => {
  it("takes ids or a view and one change; an undo names only the change", () => {
    expect(BulkRequest.parse({ selection: { ticketIds: [3, 3, 4] }, change: { kind: "status", status: "closed" } })).toEqual({ selection: { ticketIds: [3, 4] }, change: { kind: "status", status: "closed" } });
    expect(BulkRequest.safeParse({ selection: { viewId: 2 }, change: { kind: "read", unread: true } }).success).toBe(true);
    expect(BulkRequest.safeParse({ undo: 12 }).success).toBe(true);
    expect(BulkRequest.safeParse({ undo: 12, previous: [] }).success).toBe(false);
    expect(BulkRequest.safeParse({ selection: { ticketIds: [] }, change: { kind: "status", status: "closed" } }).success).toBe(false);
    expect(BulkRequest.safeParse({ selection: { ticketIds: ids(1001) }, change: { kind: "status", status: "closed" } }).success).toBe(false);
    expect(BulkRequest.safeParse({ selection: { ticketIds: [1] }, change: { kind: "status", status: "pending" } }).success).toBe(false);
  });
});

describe("bulk changes one after another", () => {
  it("a second change (`c` then `o`) starts only once the first settled, even when the first fails", async () => {
    const inTurn = oneAfterAnother();
    const log: string[] = [];
    let finishClose!: () => void;
    const close = inTurn(async () => {
      log.push("close starts");
      await new Promise<void>((resolve) => (finishClose = resolve));
      log.push("close ends");
      throw new Error("Gorgias refused");
    });
    const reopen = inTurn(async () => {
      log.push("reopen starts");
      return "reopened";
    });
    await Promise.resolve();
    expect(log).toEqual(["close starts"]);
    finishClose();
    await expect(close).rejects.toThrow("Gorgias refused");
    await expect(reopen).resolves.toBe("reopened");
    expect(log).toEqual(["close starts", "close ends", "reopen starts"]);
  });
});

describe("undo routing", () => {
  it(`past ${FANOUT_MAX} tickets in all, every field step of an undo goes as a job, however small`, () => {
    // An assign of 200 tickets from 100 previous assignees: 100 steps of 2 tickets each.
    const steps = undoSteps(opOf({ kind: "assign", userId: 7 }, NOW), ids(200).map((id) => prev(id, { assigneeUserId: 1000 + Math.ceil(id / 2) })), NOW);
    expect(steps).toHaveLength(100);
    expect(undoRoutes(steps)).toEqual(steps.map(() => "job"));
  });
  it(`up to ${FANOUT_MAX} tickets an undo fans out; tags always do`, () => {
    const steps = undoSteps(opOf({ kind: "assign", userId: 7 }, NOW), ids(FANOUT_MAX).map((id) => prev(id, { assigneeUserId: 1000 + id })), NOW);
    expect(undoRoutes(steps)).toEqual(steps.map(() => "fanout"));
    expect(undoRoutes([{ ticketIds: ids(300), op: { kind: "removeTags", names: ["vip"] } }])).toEqual(["fanout"]);
  });
});

describe("a change's end", () => {
  it("tells the failures a job counted but did not name, and leaves rows unmarked when nothing was done", () => {
    expect(endOutcome({ done: 197, failed: 3 }, 0)).toEqual({ unreported: 3, restDone: true });
    expect(endOutcome({ done: 0, failed: 40 }, 0)).toEqual({ unreported: 40, restDone: false });
    expect(endOutcome({ done: 3, failed: 2 }, 2)).toEqual({ unreported: 0, restDone: true });
    // A job still going in Gorgias: nothing done yet, nothing failed.
    expect(endOutcome({ done: 0, failed: 0 }, 0)).toEqual({ unreported: 0, restDone: false });
  });
});
