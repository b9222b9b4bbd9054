import { inAction } from "./events.js";
import { ApiError } from "./http/errors.js";
import type { RequestContext } from "./http/router.js";
import { updateTicketRoute } from "./routes/tickets.js";
import type { SandboxState } from "./state.js";
import type { AccountStore } from "./store/account-store.js";
import type { UserRec } from "./store/types.js";
import { nowIso } from "./util/time.js";

// Gorgias's background jobs (`/api/jobs`, §12), as far as the Desk uses them: `updateTicket` over
// `ticket_ids`, a `view_id` or an inline `view`. A job works through its tickets a few at a time,
// so a client sees it pending, running with progress, then done (README choice 31).

export const JOB_STATUSES = ["pending", "scheduled", "running", "done", "cancel_requested", "canceled", "errored", "fatal_errored"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Tickets a job updates per tick, and the tick: 25 tickets a second. */
export const JOB_BATCH = 5;
export const JOB_TICK_MS = 200;
/** Errors kept in `info.errors` (the count goes on). */
const MAX_ERRORS_KEPT = 50;

export interface JobRec {
  id: number;
  type: "updateTicket";
  status: JobStatus;
  params: Record<string, unknown>;
  meta: Record<string, unknown> | null;
  info: { total: number | null; processed: number; failed: number; errors: { ticket_id: number; msg: string }[] };
  scheduled_datetime: string | null;
  created_datetime: string;
  started_datetime: string | null;
  ended_datetime: string | null;
  canceled_datetime: string | null;
}

interface Running {
  readonly job: JobRec;
  readonly store: AccountStore;
  readonly user: UserRec;
  /** Resolved when the job starts (a view's tickets as they are then). */
  queue: number[] | null;
  readonly select: () => number[];
  readonly updates: unknown;
}

export const jobJson = (job: JobRec) => ({ ...job, uri: `/api/jobs/${job.id}/` });

export class JobBook {
  private readonly jobs = new Map<string, Map<number, Running>>();
  private nextId = 1;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly state: () => SandboxState) {}

  create(store: AccountStore, user: UserRec, job: Omit<JobRec, "id">, select: () => number[], updates: unknown): JobRec {
    const rec: JobRec = { ...job, id: this.nextId++ };
    let account = this.jobs.get(store.domain);
    if (!account) this.jobs.set(store.domain, (account = new Map()));
    account.set(rec.id, { job: rec, store, user, queue: null, select, updates });
    this.timer ??= setInterval(() => this.tick(), JOB_TICK_MS);
    this.timer.unref();
    return rec;
  }

  get(domain: string, id: number): JobRec | undefined {
    return this.jobs.get(domain)?.get(id)?.job;
  }

  list(domain: string): JobRec[] {
    return [...(this.jobs.get(domain)?.values() ?? [])].map((r) => r.job);
  }

  /** What ran stays applied (Gorgias: "changes already applied will not be reverted"). */
  cancel(domain: string, id: number): JobRec | undefined {
    const job = this.get(domain, id);
    if (job && !["done", "canceled", "errored", "fatal_errored"].includes(job.status)) {
      job.status = "canceled";
      job.canceled_datetime = job.ended_datetime = nowIso();
    }
    return job;
  }

  clear(): void {
    this.jobs.clear();
    this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const now = nowIso();
    let active = 0;
    for (const account of this.jobs.values()) {
      for (const run of account.values()) {
        const { job } = run;
        if (job.status !== "pending" && job.status !== "scheduled" && job.status !== "running") continue;
        active++;
        if (job.scheduled_datetime !== null && job.scheduled_datetime > now) continue;
        if (run.queue === null) {
          run.queue = run.select();
          job.status = "running";
          job.started_datetime = now;
          job.info.total = run.queue.length;
        }
        for (const ticketId of run.queue.splice(0, JOB_BATCH)) this.apply(run, ticketId);
        if (run.queue.length === 0) {
          job.status = "done";
          job.ended_datetime = nowIso();
        }
      }
    }
    if (active === 0) this.stop();
  }

  private apply(run: Running, ticketId: number): void {
    const { job, store, user } = run;
    const path = `/api/tickets/${ticketId}`;
    const ctx: RequestContext = {
      state: this.state(),
      store,
      user,
      method: "PUT",
      path,
      uri: path,
      query: new URLSearchParams(),
      body: run.updates,
      params: [ticketId],
      origin: this.state().origin,
    };
    try {
      inAction(store, user.id, () => updateTicketRoute(ctx));
    } catch (e) {
      job.info.failed++;
      const msg = e instanceof ApiError ? e.msg : "Internal error.";
      if (job.info.errors.length < MAX_ERRORS_KEPT) job.info.errors.push({ ticket_id: ticketId, msg });
    }
    job.info.processed++;
  }
}
