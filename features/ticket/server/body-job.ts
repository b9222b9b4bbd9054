import { BODY_TIME_MS } from "./body-limits";
import { prepareBody, type BodyFields, type PrepareOptions, type PreparedBody } from "./prepare-body";

// One body to prepare, as it crosses to a body worker and back (structured clone: plain data only).
// No `server-only` here either: the workers run it (body-worker.ts).

export interface BodyJob {
  readonly fields: BodyFields;
  readonly options: Omit<PrepareOptions, "timeBudgetMs">;
  /** Epoch ms by which the thread wants its bodies (body-limits.ts THREAD_TIME_MS). */
  readonly deadline: number;
}

export interface BodyJobResult {
  readonly prepared: PreparedBody;
  /** False when the deadline cut the time budget short and the body fell back to text: prepare it again next time. */
  readonly keep: boolean;
  /** The thread that did the work (0 is the main thread). */
  readonly threadId: number;
}

export function runBodyJob(job: BodyJob, threadId: number): BodyJobResult {
  const budget = Math.max(0, Math.min(BODY_TIME_MS, job.deadline - Date.now()));
  const prepared = prepareBody(job.fields, { ...job.options, timeBudgetMs: budget });
  const fellBack = prepared.body.format === "html" && prepared.body.fallbackToText;
  return { prepared, keep: !(fellBack && budget < BODY_TIME_MS), threadId };
}

/** Only what preparing reads: the rest of a message (addresses, attachment sizes) is not copied to a worker. */
export const bodyFieldsOf = (m: BodyFields): BodyFields => ({
  kind: m.kind,
  channel: m.channel,
  bodyText: m.bodyText,
  bodyHtml: m.bodyHtml,
  strippedText: m.strippedText,
  strippedHtml: m.strippedHtml,
  ...(m.sourceLengths ? { sourceLengths: m.sourceLengths } : {}),
  ...(m.attachments?.length ? { attachments: m.attachments.map((a) => ({ url: a.url, name: a.name, contentType: a.contentType })) } : {}),
});
