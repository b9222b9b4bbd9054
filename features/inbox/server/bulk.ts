import "server-only";
import { z } from "zod";
import { findAudit, listAudit, recordAudit } from "@/lib/db";
import { BULK_MAX_TICKETS, opOf, previousOf, routeOf, undoRoutes, undoSteps, type BulkChange, type BulkOp, type BulkSelection, type BulkStep, type PreviousState } from "@/lib/domain/bulk";
import type { BulkRequest } from "@/lib/domain/contract/bulk";
import { TICKET_STATUSES } from "@/lib/domain/ticket";
import { isReadOnlyRole } from "@/lib/domain/user";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";
import { fanOut, viaJob, type BulkContext, type Emit } from "./bulk-writes";

export type { BulkContext, Emit } from "./bulk-writes";

/** Ids per read of the tickets' values: Gorgias's page size, so 100 tickets cost one request. */
const READ_CHUNK = 100;

/**
 * The tickets' values before the change, read from Gorgias in the `write` lane (one request per
 * 100 tickets), never taken from the browser: the undo puts back what Gorgias held. Trashed tickets
 * are read too, so a restore from the trash can be undone.
 */
async function readPrevious(ctx: BulkContext, selection: BulkSelection): Promise<Result<{ previous: PreviousState[]; complete: boolean }, AppError>> {
  const previous: PreviousState[] = [];
  if ("ticketIds" in selection) {
    for (let i = 0; i < selection.ticketIds.length; i += READ_CHUNK) {
      const ticketIds = selection.ticketIds.slice(i, i + READ_CHUNK);
      const page = await ctx.gorgias.tickets.list({ ticketIds, limit: READ_CHUNK, trashed: null }, { priority: "write" });
      if (!page.ok) return err(fromUpstream(page.error));
      previous.push(...page.value.items.map(previousOf));
    }
    return ok({ previous, complete: true });
  }
  // A whole view: its tickets as they are now, up to the cap; the job takes the view as Gorgias sees it when it runs.
  let cursor: string | null = null;
  do {
    const page = await ctx.gorgias.views.items(selection.viewId, { limit: READ_CHUNK, cursor }, { priority: "write" });
    if (!page.ok) return err(fromUpstream(page.error));
    previous.push(...page.value.items.map(previousOf));
    cursor = page.value.nextCursor;
  } while (cursor !== null && previous.length < BULK_MAX_TICKETS);
  return ok({ previous, complete: cursor === null });
}

/** Runs one step the way its size and kind call for (lib/domain/bulk.ts: `routeOf`, an undo's `undoRoutes`). */
async function runStep(ctx: BulkContext, bulkId: number, target: { ticketIds: readonly number[] } | { viewId: number }, op: BulkOp, emit: Emit, route = routeOf({ op, ...target })) {
  if (op.kind === "fields" && route === "job") return viaJob(ctx, bulkId, target, op.patch, emit);
  return fanOut(ctx, bulkId, "ticketIds" in target ? target.ticketIds : [], op, emit);
}

const BULK_ACTION = "ticket.bulk";
const UNDO_ACTION = "ticket.bulk.undo";

/**
 * A bulk change: the tickets' values are read, the undo is computed from them and recorded (audit
 * `ticket.bulk`, before any write, so a change cut short can still be undone), then the change runs.
 */
async function change(ctx: BulkContext, selection: BulkSelection, what: BulkChange, emit: Emit): Promise<void> {
  const now = new Date();
  const read = await readPrevious(ctx, selection);
  if (!read.ok) return emit({ type: "error", message: read.error.message, requestId: read.error.requestId });
  const { previous, complete } = read.value;
  const op = opOf(what, now);
  const undo = undoSteps(op, previous, now);
  const entry = await recordAudit(ctx.db, {
    agentId: ctx.agent.agentId,
    accountDomain: ctx.agent.accountDomain,
    action: BULK_ACTION,
    outcome: "ok",
    detail: { change: what.kind, count: "ticketIds" in selection ? selection.ticketIds.length : previous.length, ...("viewId" in selection ? { viewId: selection.viewId, complete } : {}), undo },
  });
  const bulkId = entry.id;
  // A view's tags go ticket by ticket over the tickets just read (there is no job for tags).
  const ids = "ticketIds" in selection ? selection.ticketIds : previous.map((p) => p.id);
  const target = "viewId" in selection && op.kind === "fields" ? { viewId: selection.viewId } : { ticketIds: ids };
  emit({ type: "start", bulkId, total: ids.length, ticketIds: ids, via: routeOf({ op, ...target }) });
  const result: { done: number; failed: number; reason?: string } = await runStep(ctx, bulkId, target, op, emit);
  const reason = result.reason;
  emit({ type: "end", bulkId, done: result.done, failed: result.failed, undoable: undo.length > 0, ...(reason ? { reason } : {}) });
}

const fieldsPatch = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  assigneeUserId: z.number().int().positive().nullable().optional(),
  snoozeUntil: z.string().nullable().optional(),
  spam: z.boolean().optional(),
  trashedAt: z.string().nullable().optional(),
  isUnread: z.boolean().optional(),
});
// The undo as recorded: our own row, but JSON in the store, so it is checked on the way out.
const storedUndo = z.array(
  z.object({
    ticketIds: z.array(z.number().int().positive()),
    op: z.union([z.object({ kind: z.literal("fields"), patch: fieldsPatch }), z.object({ kind: z.enum(["addTags", "removeTags"]), names: z.array(z.string()) })]),
  }),
);

/** Puts back each ticket's values from before bulk change `bulkId` (the agent's own), once. */
async function undoChange(ctx: BulkContext, bulkId: number, emit: Emit): Promise<void> {
  const { agent } = ctx;
  const entry = await findAudit(ctx.db, agent.accountDomain, bulkId);
  const steps = entry?.action === BULK_ACTION && entry.agentId === agent.agentId ? storedUndo.safeParse(entry.detail?.undo) : null;
  if (!steps?.success) return emit({ type: "error", message: "That change cannot be undone here." });
  const earlier = await listAudit(ctx.db, { accountDomain: agent.accountDomain, agentId: agent.agentId, action: UNDO_ACTION, limit: 500 });
  if (earlier.some((e) => e.detail?.bulk === bulkId)) return emit({ type: "error", message: "That change was already undone." });
  await recordAudit(ctx.db, { agentId: agent.agentId, accountDomain: agent.accountDomain, action: UNDO_ACTION, outcome: "ok", detail: { bulk: bulkId, steps: steps.data.length } });
  const undo: BulkStep[] = steps.data;
  const ids = [...new Set(undo.flatMap((s) => s.ticketIds))];
  const routes = undoRoutes(undo);
  emit({ type: "start", bulkId, total: ids.length, ticketIds: ids, via: routes.includes("job") ? "job" : "fanout" });
  let done = 0;
  let failed = 0;
  for (const [i, step] of undo.entries()) {
    const result = await runStep(ctx, bulkId, { ticketIds: step.ticketIds }, step.op, emit, routes[i]);
    done += result.done;
    failed += result.failed;
  }
  emit({ type: "end", bulkId, done, failed, undoable: false });
}

/** An observer's change: Gorgias would refuse every write, after a read of the tickets' values. */
export const BULK_REFUSAL: AppError = appError("forbidden", "Your Gorgias role can read tickets but not change them.");

/** A bulk change or its undo, reported through `emit` as it goes (lib/domain/bulk.ts: `BulkEvent`). */
export async function runBulk(ctx: BulkContext, request: BulkRequest, emit: Emit): Promise<void> {
  // Refused here, not by Gorgias: don't spend the team's budget learning it (features/ticket/server/read-state.ts).
  if (isReadOnlyRole(ctx.agent.role)) return emit({ type: "error", message: BULK_REFUSAL.message });
  if ("undo" in request) return undoChange(ctx, request.undo, emit);
  return change(ctx, request.selection, request.change, emit);
}
