import { z } from "zod";
import { parseBody } from "../http/body.js";
import { badRequest, notFound } from "../http/errors.js";
import { parseQuery } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { jobJson } from "../jobs.js";
import { isoToMs, nowIso, parseIsoInput } from "../util/time.js";
import { getOr404, listReply } from "./shared.js";
import { updateTicket, viewPredicate } from "./tickets.js";

const MSG = "Failed to create job";
const MAX_SCHEDULE_AHEAD_MS = 60 * 60_000;

const createJob = z.strictObject({
  type: z.string(),
  params: z.looseObject({
    ticket_ids: z.array(z.int().positive()).min(1).max(10_000).optional(),
    view_id: z.int().positive().optional(),
    view: z.strictObject({ filters: z.string().max(10_000) }).optional(),
    updates: z.record(z.string(), z.unknown()).optional(),
  }),
  scheduled_datetime: z.string().nullable().optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
});

function createJobRoute(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const body = parseBody(createJob, ctx.body, MSG);
  // Only the job the Desk uses is emulated; the others are real Gorgias types (README choice 31).
  if (body.type !== "updateTicket") throw badRequest(MSG, { type: [`The sandbox runs only updateTicket jobs, not ${body.type}.`] });
  const { ticket_ids: ids, view_id: viewId, view, updates } = body.params;
  const selectors = [ids, viewId, view].filter((v) => v !== undefined).length;
  if (selectors !== 1) throw badRequest(MSG, { params: ["Give exactly one of ticket_ids, view_id or view."] });
  if (!updates || Object.keys(updates).length === 0) throw badRequest(MSG, { "params.updates": ["Missing data for required field."] });
  // The same rules as PUT /api/tickets/{id}: a job that could not update any ticket is refused now.
  parseBody(updateTicket, updates, MSG);
  let scheduled: string | null = null;
  if (body.scheduled_datetime) {
    const at = parseIsoInput(body.scheduled_datetime);
    if (at === null || isoToMs(at) > Date.now() + MAX_SCHEDULE_AHEAD_MS) {
      throw badRequest(MSG, { scheduled_datetime: ["Must be a datetime at most 60 minutes ahead."] });
    }
    scheduled = nowIso() < at ? at : null;
  }
  const { store } = ctx;
  const filters = viewId !== undefined ? getOr404(store.data.views, viewId).filters : view?.filters;
  const matches = filters === undefined ? null : viewPredicate(ctx, filters);
  const select = () =>
    matches === null
      ? [...new Set(ids)]
      : [...store.data.tickets.values()].filter(matches).map((t) => t.id).sort((a, b) => a - b);
  const job = ctx.state.jobs.create(
    store,
    ctx.user,
    {
      type: "updateTicket",
      status: scheduled ? "scheduled" : "pending",
      params: body.params,
      meta: body.meta ?? null,
      info: { total: null, processed: 0, failed: 0, errors: [] },
      scheduled_datetime: scheduled,
      created_datetime: nowIso(),
      started_datetime: null,
      ended_datetime: null,
      canceled_datetime: null,
    },
    select,
    updates,
  );
  return { status: 201, body: jobJson(job) };
}

function getJob(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const job = ctx.state.jobs.get(ctx.store.domain, ctx.params[0] ?? 0);
  if (!job) throw notFound();
  return { status: 200, body: jobJson(job) };
}

function listJobs(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const jobs = ctx.state.jobs.list(ctx.store.domain).sort((a, b) => b.id - a.id);
  return listReply(ctx, jobs.map(jobJson), { prevCursor: null, nextCursor: null });
}

function cancelJob(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  if (!ctx.state.jobs.cancel(ctx.store.domain, ctx.params[0] ?? 0)) throw notFound();
  return { status: 204 };
}

export function jobRoutes(router: Router): void {
  router.add("GET", "/api/jobs", listJobs).add("POST", "/api/jobs", createJobRoute).add("GET", "/api/jobs/:id", getJob).add("DELETE", "/api/jobs/:id", cancelJob);
}
