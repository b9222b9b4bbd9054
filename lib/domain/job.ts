/**
 * A Gorgias background job (`/api/jobs`) as the Desk follows it. Gorgias does not document what its
 * `info` holds, so the counts are null when it does not say.
 */
export const JOB_STATUSES = ["pending", "scheduled", "running", "done", "cancel_requested", "canceled", "errored", "fatal_errored"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  readonly id: number;
  readonly status: JobStatus | (string & {});
  readonly total: number | null;
  readonly processed: number | null;
  readonly failed: number | null;
}

/** A job that will not change any more ticket. */
export const jobFinished = (job: Pick<Job, "status">): boolean => ["done", "canceled", "errored", "fatal_errored"].includes(job.status);
