import "server-only";
import { shareTicket } from "@/features/live/server";
import { changeTicketTags } from "@/features/ticket/server";
import { recordAudit, type Db } from "@/lib/db";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { BulkEvent, BulkOp, FieldsPatch } from "@/lib/domain/bulk";
import { jobFinished, type Job } from "@/lib/domain/job";
import type { GorgiasClient, GorgiasError } from "@/lib/gorgias";

export interface BulkContext {
  readonly db: Db;
  readonly gorgias: GorgiasClient;
  readonly agent: SignedInAgent;
  /** How often a job's status is read (2 s: one request per bulk change every 2 s while it runs). */
  readonly jobPollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type Emit = (event: BulkEvent) => void;

/** Requests of one fan-out in flight at once: the budget orders them anyway; a few overlap its latency. */
const FANOUT_CONCURRENCY = 4;
/** A job still running after this is left to Gorgias: the agent is told it continues there. */
const JOB_WATCH_MS = 10 * 60_000;
const MAX_POLL_FAILURES = 5;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Words for a row that failed, from Gorgias's refusal. */
function reasonOf(error: GorgiasError): string {
  switch (error.kind) {
    case "rate_limited":
      return "Gorgias is busy.";
    case "not_found":
      return "The ticket no longer exists.";
    case "forbidden":
      return "Your role may not change this ticket.";
    case "rejected":
      return error.message || "Gorgias refused the change.";
    default:
      return "Gorgias could not be reached.";
  }
}

async function writeFields(ctx: BulkContext, bulkId: number, ticketId: number, patch: FieldsPatch): Promise<GorgiasError | null> {
  const result = await ctx.gorgias.tickets.update(ticketId, patch, { priority: "write" });
  await recordAudit(ctx.db, {
    agentId: ctx.agent.agentId,
    accountDomain: ctx.agent.accountDomain,
    action: "ticket.update",
    ticketId,
    outcome: result.ok ? "ok" : "error",
    detail: { bulk: bulkId, fields: Object.keys(patch), ...(result.ok ? {} : { error: result.error.kind }) },
  });
  if (!result.ok) return result.error;
  await shareTicket(ctx.agent.accountDomain, result.value);
  return null;
}

/** One ticket's write; a 429 (nothing applied) is tried once more after Gorgias's wait: the values are absolute. */
async function writeOne(ctx: BulkContext, bulkId: number, ticketId: number, op: BulkOp): Promise<string | null> {
  // null: written; else why not, and the wait Gorgias asked for when it was only busy.
  const attempt = async (): Promise<{ reason: string; busyFor: number | null } | null> => {
    if (op.kind === "fields") {
      const error = await writeFields(ctx, bulkId, ticketId, op.patch);
      return error && { reason: reasonOf(error), busyFor: error.kind === "rate_limited" ? (error.retryAfterSeconds ?? 2) : null };
    }
    const change = op.kind === "addTags" ? { add: op.names, remove: [] } : { add: [], remove: op.names };
    const result = await changeTicketTags({ db: ctx.db, gorgias: ctx.gorgias, agent: ctx.agent, auditDetail: { bulk: bulkId } }, ticketId, change);
    return result.ok ? null : { reason: result.error.message, busyFor: result.error.code === "rate_limited" ? (result.error.retryAfterSeconds ?? 2) : null };
  };
  const first = await attempt();
  if (first?.busyFor == null) return first?.reason ?? null;
  await (ctx.sleep ?? realSleep)(Math.min(30, first.busyFor) * 1000);
  return (await attempt())?.reason ?? null;
}

/** The same write ticket by ticket in the `write` lane, each row reported as it is answered. */
export async function fanOut(ctx: BulkContext, bulkId: number, ticketIds: readonly number[], op: BulkOp, emit: Emit): Promise<{ done: number; failed: number }> {
  const queue = [...ticketIds];
  let done = 0;
  let failed = 0;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const reason = await writeOne(ctx, bulkId, id, op);
      if (reason === null) done++;
      else failed++;
      emit(reason === null ? { type: "row", ticketId: id, state: "done" } : { type: "row", ticketId: id, state: "failed", reason });
    }
  };
  await Promise.all(Array.from({ length: Math.min(FANOUT_CONCURRENCY, queue.length) }, worker));
  return { done, failed };
}

/**
 * One Gorgias job for many tickets (its ids, or a whole view), then its status every few seconds
 * until it ends. A job says how many tickets failed, not which: the rows are reported together.
 */
export async function viaJob(
  ctx: BulkContext,
  bulkId: number,
  selection: { readonly ticketIds: readonly number[] } | { readonly viewId: number },
  patch: FieldsPatch,
  emit: Emit,
): Promise<{ done: number; failed: number; reason?: string }> {
  const sleep = ctx.sleep ?? realSleep;
  const count = "ticketIds" in selection ? selection.ticketIds.length : null;
  const created = await ctx.gorgias.jobs.updateTickets(selection, patch, { priority: "write" });
  await recordAudit(ctx.db, {
    agentId: ctx.agent.agentId,
    accountDomain: ctx.agent.accountDomain,
    action: "ticket.bulk.job",
    outcome: created.ok ? "ok" : "error",
    detail: { bulk: bulkId, fields: Object.keys(patch), count, ...("viewId" in selection ? { viewId: selection.viewId } : {}), ...(created.ok ? { job: created.value.id } : { error: created.error.kind }) },
  });
  const reportRows = (state: "done" | "failed", reason?: string) => {
    if ("ticketIds" in selection) for (const ticketId of selection.ticketIds) emit({ type: "row", ticketId, state, ...(reason ? { reason } : {}) });
  };
  if (!created.ok) {
    const reason = reasonOf(created.error);
    reportRows("failed", reason);
    return { done: 0, failed: count ?? 0, reason };
  }
  let job: Job = created.value;
  emit({ type: "job", status: job.status, processed: job.processed, total: job.total ?? count });
  const until = Date.now() + JOB_WATCH_MS;
  let failures = 0;
  while (!jobFinished(job)) {
    if (Date.now() > until || failures >= MAX_POLL_FAILURES) {
      return { done: 0, failed: 0, reason: "The change goes on in Gorgias; the list shows it as it lands." };
    }
    await sleep(ctx.jobPollMs ?? 2_000);
    const read = await ctx.gorgias.jobs.get(job.id, { priority: "refresh" });
    if (!read.ok) {
      failures++;
      continue;
    }
    failures = 0;
    job = read.value;
    emit({ type: "job", status: job.status, processed: job.processed, total: job.total ?? count });
  }
  const total = job.total ?? count ?? 0;
  const failed = job.failed ?? 0;
  if (job.status !== "done") {
    reportRows("failed", `Gorgias stopped the change (${job.status}).`);
    return { done: Math.max(0, (job.processed ?? 0) - failed), failed: total - Math.max(0, (job.processed ?? 0) - failed), reason: `Gorgias stopped the change (${job.status}).` };
  }
  // Gorgias counts a job's failures without naming the tickets: rows are reported only when all
  // share a fate, else the end's counts tell the list (lib/domain/bulk.ts: `endOutcome`).
  if (failed === 0) reportRows("done");
  else if (failed >= total) reportRows("failed", "Gorgias could not change this ticket.");
  return { done: Math.max(0, total - failed), failed };
}
