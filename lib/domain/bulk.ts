import type { TicketStatus, TicketSummary } from "./ticket";

/**
 * Bulk changes from the list: what the agent asks for, how it reaches Gorgias, and how it is undone.
 * Pure, so the server (which runs it) and the browser (which shows it) agree on every rule.
 */

/**
 * At most this many tickets are changed one request each, in the `write` lane; more go to Gorgias
 * as one job. The team's whole budget is 40 requests per 20 s (lib/gorgias/lanes.ts): 25 writes
 * plus the one read of the tickets' values still leave 14 for everyone else's reads and sends in
 * the same window, and they finish within it (~12 s at the bucket's 2 a second once its burst is
 * spent, under the write lane's 15 s wait). A job costs one request, then a status read every 2 s.
 */
export const FANOUT_MAX = 25;
/** Tickets one bulk change may name; a whole view goes as the view (its tickets read for undo up to this). */
export const BULK_MAX_TICKETS = 1_000;

/** What the agent asks of the selected tickets. */
export type BulkChange =
  | { readonly kind: "status"; readonly status: TicketStatus }
  | { readonly kind: "assign"; readonly userId: number | null }
  | { readonly kind: "addTags"; readonly names: readonly string[] }
  | { readonly kind: "snooze"; readonly until: string }
  | { readonly kind: "spam"; readonly spam: boolean }
  | { readonly kind: "trash"; readonly trashed: boolean }
  | { readonly kind: "read"; readonly unread: boolean };

/** Which tickets: the rows the agent selected, or every ticket of a view (beyond the loaded rows). */
export type BulkSelection = { readonly ticketIds: readonly number[] } | { readonly viewId: number };

/** Absolute field values of a ticket update (null unassigns, un-snoozes, restores). */
export interface FieldsPatch {
  readonly status?: TicketStatus;
  readonly assigneeUserId?: number | null;
  readonly snoozeUntil?: string | null;
  readonly spam?: boolean;
  readonly trashedAt?: string | null;
  readonly isUnread?: boolean;
}

/** One kind of write: fields (a `PUT`, or a job), or tags added or removed by name (never the whole set). */
export type BulkOp = { readonly kind: "fields"; readonly patch: FieldsPatch } | { readonly kind: "addTags" | "removeTags"; readonly names: readonly string[] };

/** The same write for some tickets. A bulk change is one step; its undo, one step per distinct previous value. */
export interface BulkStep {
  readonly ticketIds: readonly number[];
  readonly op: BulkOp;
}

/** A ticket's values before the change: everything a bulk change can touch. */
export interface PreviousState {
  readonly id: number;
  readonly status: TicketStatus;
  readonly assigneeUserId: number | null;
  readonly snoozedUntil: string | null;
  readonly spam: boolean;
  readonly trashedAt: string | null;
  readonly isUnread: boolean;
  readonly tagNames: readonly string[];
}

export const previousOf = (t: TicketSummary): PreviousState => ({
  id: t.id,
  status: t.status,
  assigneeUserId: t.assigneeUser?.id ?? null,
  snoozedUntil: t.snoozedUntil,
  spam: t.spam,
  trashedAt: t.trashedAt,
  isUnread: t.isUnread,
  tagNames: t.tags.map((tag) => tag.name),
});

/** The write a change makes; `now` dates a move to the trash. */
export function opOf(change: BulkChange, now: Date): BulkOp {
  switch (change.kind) {
    case "status":
      return { kind: "fields", patch: { status: change.status } };
    case "assign":
      return { kind: "fields", patch: { assigneeUserId: change.userId } };
    case "addTags":
      return { kind: "addTags", names: [...new Set(change.names)] };
    // A snoozed ticket is closed until it wakes (reference §3.4): sent together, not left to Gorgias.
    case "snooze":
      return { kind: "fields", patch: { status: "closed", snoozeUntil: change.until } };
    case "spam":
      return { kind: "fields", patch: { spam: change.spam } };
    case "trash":
      return { kind: "fields", patch: { trashedAt: change.trashed ? now.toISOString() : null } };
    case "read":
      return { kind: "fields", patch: { isUnread: change.unread } };
  }
}

/** How a step reaches Gorgias: tags have no job type, so they always go ticket by ticket. */
export function routeOf(step: { readonly op: BulkOp; readonly ticketIds: readonly number[] } | { readonly op: BulkOp; readonly viewId: number }): "fanout" | "job" {
  if (step.op.kind !== "fields") return "fanout";
  return "viewId" in step || step.ticketIds.length > FANOUT_MAX ? "job" : "fanout";
}

/**
 * How each step of an undo reaches Gorgias. Steps are split by previous value, so one per step would
 * let an undo of 200 assigns with many previous assignees fan out 200 writes: past FANOUT_MAX
 * tickets in all, every field step goes as a job (tags still go ticket by ticket, as they came).
 */
export function undoRoutes(steps: readonly BulkStep[]): ("fanout" | "job")[] {
  const total = new Set(steps.flatMap((s) => s.ticketIds)).size;
  return steps.map((s) => (s.op.kind === "fields" && total > FANOUT_MAX ? "job" : routeOf(s)));
}

const snoozedAt = (p: PreviousState, now: Date) => (p.snoozedUntil !== null && Date.parse(p.snoozedUntil) > now.getTime() ? p.snoozedUntil : null);

/** The values `patch` overwrites on this ticket, or null when the patch changed nothing there. */
function inverseFields(patch: FieldsPatch, p: PreviousState, now: Date): FieldsPatch | null {
  const snooze = snoozedAt(p, now);
  const same =
    (patch.status === undefined || patch.status === p.status) &&
    (patch.assigneeUserId === undefined || patch.assigneeUserId === p.assigneeUserId) &&
    (patch.snoozeUntil === undefined || patch.snoozeUntil === snooze) &&
    (patch.spam === undefined || patch.spam === p.spam) &&
    (patch.trashedAt === undefined || (patch.trashedAt === null) === (p.trashedAt === null)) &&
    (patch.isUnread === undefined || patch.isUnread === p.isUnread);
  if (same) return null;
  const inverse: { -readonly [K in keyof FieldsPatch]: FieldsPatch[K] } = {};
  if (patch.status !== undefined || patch.snoozeUntil !== undefined) {
    inverse.status = p.status;
    // Reopening clears a snooze and snoozing closes: the status and the snooze come back together.
    if (snooze !== null || patch.snoozeUntil !== undefined) inverse.snoozeUntil = snooze;
  }
  if (patch.assigneeUserId !== undefined) inverse.assigneeUserId = p.assigneeUserId;
  if (patch.spam !== undefined) inverse.spam = p.spam;
  if (patch.trashedAt !== undefined) inverse.trashedAt = p.trashedAt;
  if (patch.isUnread !== undefined) inverse.isUnread = p.isUnread;
  return inverse;
}

function inverseOp(op: BulkOp, p: PreviousState, now: Date): BulkOp | null {
  if (op.kind === "fields") {
    const patch = inverseFields(op.patch, p, now);
    return patch && { kind: "fields", patch };
  }
  // Only the tags this change added: one the ticket already had, or one a rule added since, stays.
  const names = op.kind === "addTags" ? op.names.filter((n) => !p.tagNames.includes(n)) : op.names.filter((n) => p.tagNames.includes(n));
  if (names.length === 0) return null;
  return { kind: op.kind === "addTags" ? "removeTags" : "addTags", names };
}

/** A stable key for grouping equal writes (the patch's fields in one order). */
function opKey(op: BulkOp): string {
  if (op.kind !== "fields") return JSON.stringify([op.kind, [...op.names].sort()]);
  const p = op.patch;
  return JSON.stringify(["fields", p.status, p.assigneeUserId, p.snoozeUntil, p.spam, p.trashedAt, p.isUnread]);
}

/**
 * What puts each ticket back as it was before `op`: tickets sharing a previous value share a step,
 * so an undo of 300 closes is one job per previous status; tickets the change did not alter
 * (already closed, already tagged) are left alone.
 */
export function undoSteps(op: BulkOp, previous: readonly PreviousState[], now: Date): BulkStep[] {
  const groups = new Map<string, { op: BulkOp; ticketIds: number[] }>();
  for (const p of previous) {
    const inverse = inverseOp(op, p, now);
    if (!inverse) continue;
    const key = opKey(inverse);
    const group = groups.get(key);
    if (group) group.ticketIds.push(p.id);
    else groups.set(key, { op: inverse, ticketIds: [p.id] });
  }
  return [...groups.values()];
}

/** What the browser sends: tickets and one change, or the id of a change to undo (its values stay on the server). */
export type BulkRequestBody = { readonly selection: BulkSelection; readonly change: BulkChange } | { readonly undo: number };

/**
 * Bulk changes from a list, one after another: a second key (`c` then `o`) pressed before the first
 * change ends waits for it, so each ticket's writes go in the order the agent pressed them, never
 * side by side. Returns a runner that starts each task once the previous one settled.
 */
export function oneAfterAnother(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(task, task);
    last = next.catch(() => undefined);
    return next;
  };
}

/** A ticket's state in the list while a bulk change runs. */
export type RowProgress = "pending" | "done" | "failed";

/** The lines of a bulk change's streamed answer (NDJSON), in order: start, rows and job progress, end. */
export type BulkEvent =
  | { readonly type: "start"; readonly bulkId: number; readonly total: number; readonly ticketIds: readonly number[] | null; readonly via: "fanout" | "job" }
  | { readonly type: "row"; readonly ticketId: number; readonly state: "done" | "failed"; readonly reason?: string }
  | { readonly type: "job"; readonly status: string; readonly processed: number | null; readonly total: number | null }
  | { readonly type: "end"; readonly bulkId: number; readonly done: number; readonly failed: number; readonly undoable: boolean; readonly reason?: string }
  | { readonly type: "error"; readonly message: string; readonly requestId?: string };

/**
 * What a change's end says beyond its rows: tickets that failed without a row of their own (a job
 * counts its failures, it does not name them), and whether the rows not reported failed were
 * changed at all (not when nothing was done: a job that failed throughout, or one still going).
 */
export function endOutcome(end: { readonly done: number; readonly failed: number }, failedRows: number): { readonly unreported: number; readonly restDone: boolean } {
  return { unreported: Math.max(0, end.failed - failedRows), restDone: end.done > 0 };
}

/**
 * The range a shift-click selects: every row between the anchor (the last row toggled) and the
 * clicked one, both included, in list order; just the clicked row when the anchor is gone.
 */
export function rangeBetween(ids: readonly number[], anchor: number | null, clicked: number): number[] {
  const to = ids.indexOf(clicked);
  if (to === -1) return [];
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  if (from === -1) return [clicked];
  const [a, b] = from <= to ? [from, to] : [to, from];
  return ids.slice(a, b + 1);
}
