/**
 * The exactly-once core shared by replies, notes and new tickets (docs/safety.md#send-once, #no-blind-retry).
 *
 *   claim (short tx) → [read back, if a previous attempt may have landed] → prepare (derive,
 *   stale-thread check) → stamp the attempt → POST once, never retried → record (short tx)
 *
 * Decisions, written down:
 * - One request makes at most one POST. A repost only ever happens in a later request (the
 *   agent's Send or "Check again" with the same operation id), and only after the read-back
 *   confirmed the message is not in Gorgias.
 * - No answer at all (timeout, connection cut, 502/504 from a proxy): Gorgias may still be working
 *   on it. Read back a few times in the same request; found → sent. Not found → the outcome stays
 *   `unknown` until `settleMs` after the POST started; only then is absence confirmed.
 * - An answer that says Gorgias itself failed (500, 503, a 2xx we could not parse): processing is
 *   over, so one clean read-back that does not find it confirms absence → `failed`, and the agent
 *   may send again. We do not repost in that request: Gorgias is in trouble, and a repost is the
 *   agent's decision (their draft is kept).
 * - A definite refusal (4xx, 429, connection refused, DNS): nothing reached Gorgias → `failed`.
 * - `alreadySent: true` means this request's POST is not what produced the result: the outcome
 *   was replayed from the record or found by the read-back.
 */
import { recordAudit } from "@/lib/db";
import { deleteDraftForOperation } from "@/lib/db";
import {
  claimDueSend,
  claimSendOperation,
  markAttempt,
  recordNotSent,
  renewClaim,
  recordSucceeded,
  updateSucceededOutcome,
  type Claim,
  type DueClaim,
  type SendKind,
  type SendOperationRow,
} from "@/lib/db";
import { DIFFERENT_TEXT_MESSAGE, MAYBE_SENT_DIFFERENT_TEXT_MESSAGE } from "@/lib/domain/send";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import { outcomeUnknown, type GorgiasError } from "@/lib/gorgias/errors";
import { err, type Result } from "@/lib/result";
import { renewEveryMs, type ResolvedContext } from "./policy";

/** A reason not to post, decided before the POST: `pending` keeps no error, `failed` records one. */
export type Refusal = { readonly error: AppError; readonly state: "pending" | "failed"; readonly reason: string };

/** What Gorgias has for this operation id. */
export type Landed<F> = { readonly found: F; readonly messageId: number | null; readonly ticketId: number };

export interface OperationSpec<P, F, T> {
  readonly operationId: string;
  readonly kind: SendKind;
  readonly ticketId: number | null;
  readonly bodyHash: string;
  /** Audit verb: ticket.reply, ticket.note, ticket.create. */
  readonly auditAction: string;
  /** Facts for the audit trail (never the body). */
  readonly auditDetail?: Record<string, unknown>;
  readonly prepare: () => Promise<Result<P, Refusal>>;
  readonly post: (prepared: P) => Promise<Result<Landed<F>, GorgiasError>>;
  /** ok(null) is a confirmed "not there"; an error means "could not tell". */
  readonly readBack: () => Promise<Result<Landed<F> | null, GorgiasError>>;
  /** The first outcome to store, and what to return; `finish` may amend it (Send & Close). */
  readonly stored: (landed: Landed<F>) => Record<string, unknown>;
  readonly finish: (landed: Landed<F>, alreadySent: boolean, stored: Record<string, unknown>) => Promise<{ value: T; stored?: Record<string, unknown> }>;
  /** Rebuilds the result from a succeeded row (a replay: no Gorgias call at all). */
  readonly replay: (op: SendOperationRow) => T | null;
}

/** Gorgias answered, so it is done processing (whatever it did). */
const answered = (e: GorgiasError): boolean =>
  (e.kind === "unavailable" && e.status !== 502 && e.status !== 504) || e.kind === "unexpected_response";

const NOT_SENT_RETRY = "Nothing was sent and your text is kept. Send again when ready.";

/** The dispatcher asked for a send that is not its to make (undone, not due, claimed elsewhere). */
export const NOT_DISPATCHED: AppError = appError("conflict", "This send is not waiting to be sent.");

/** An agent's request claims its id (docs/safety.md#send-once); the dispatcher claims only a due, waiting record (#undo-send). */
function claimFor(ctx: ResolvedContext, spec: Pick<OperationSpec<never, never, never>, "operationId" | "kind" | "ticketId" | "bodyHash">): Promise<DueClaim> {
  const now = ctx.now();
  if (ctx.dispatch) return claimDueSend(ctx.db, { operationId: spec.operationId, now, inFlightStaleMs: ctx.policy.inFlightStaleMs });
  return claimSendOperation(ctx.db, {
    operationId: spec.operationId,
    agentId: ctx.agent.agentId,
    accountDomain: ctx.agent.accountDomain,
    ticketId: spec.ticketId,
    kind: spec.kind,
    bodyHash: spec.bodyHash,
    now,
    inFlightStaleMs: ctx.policy.inFlightStaleMs,
    assistantTokenId: ctx.assistantTokenId,
  });
}

export async function runExactlyOnce<P, F, T>(ctx: ResolvedContext, spec: OperationSpec<P, F, T>): Promise<Result<T, AppError>> {
  const { db, agent, policy, assistantTokenId } = ctx;
  const audit = (outcome: "ok" | "error" | "unknown", detail: Record<string, unknown>, ticketId = spec.ticketId) =>
    recordAudit(db, {
      agentId: agent.agentId,
      accountDomain: agent.accountDomain,
      action: spec.auditAction,
      ticketId,
      outcome,
      assistantTokenId,
      detail: { operationId: spec.operationId, ...spec.auditDetail, ...detail },
    });

  const decision = await claimFor(ctx, spec);
  if (decision.kind === "skip") return err(NOT_DISPATCHED);
  if (decision.kind === "mismatch") {
    // Succeeded: the earlier text is in Gorgias. Unknown or in flight: it may be.
    const sent = decision.op.state === "succeeded";
    await audit("error", { reason: sent ? "different_text" : "different_text_maybe_sent" });
    return err(appError("conflict", sent ? DIFFERENT_TEXT_MESSAGE : MAYBE_SENT_DIFFERENT_TEXT_MESSAGE));
  }
  if (decision.kind === "busy") {
    await audit("error", { reason: "still_sending" });
    return err(
      appError("conflict", "This message is still being sent. Wait a moment; it will not be sent twice.", {
        retryAfterSeconds: decision.retryAfterSeconds,
      }),
    );
  }
  if (decision.kind === "replay") {
    const value = spec.replay(decision.op);
    if (value !== null) {
      await audit("ok", { replay: true });
      return { ok: true, value };
    }
    // A succeeded row without a usable outcome (should not happen): say so rather than post again.
    await audit("unknown", { reason: "replay_without_outcome" });
    return err(appError("outcome_unknown", "This message was sent, but its details could not be shown. Reload the ticket."));
  }

  const claim: Claim = { operationId: decision.op.operationId, claimSeq: decision.op.claimSeq };
  // Renewed while this request runs, so only a crashed process's claim goes stale (policy.ts).
  const renewal = setInterval(() => void renewClaim(db, claim, ctx.now()).catch(() => undefined), renewEveryMs(policy));
  renewal.unref?.();
  try {

    const succeed = async (landed: Landed<F>, alreadySent: boolean): Promise<Result<T, AppError>> => {
      const first = spec.stored(landed);
      await db.transaction(async (tx) => {
        await recordSucceeded(tx, {
          operationId: spec.operationId,
          gorgiasMessageId: landed.messageId,
          gorgiasTicketId: landed.ticketId,
          ticketId: landed.ticketId,
          outcome: first,
          now: ctx.now(),
        });
        // Confirmed: only now may the draft of this very operation go (docs/safety.md#drafts).
        await deleteDraftForOperation(tx, agent.agentId, spec.operationId);
        await recordAudit(tx, {
          agentId: agent.agentId,
          accountDomain: agent.accountDomain,
          action: spec.auditAction,
          ticketId: landed.ticketId,
          outcome: "ok",
          assistantTokenId,
          detail: { operationId: spec.operationId, messageId: landed.messageId, alreadySent, ...spec.auditDetail },
        });
      });
      const finished = await spec.finish(landed, alreadySent, first);
      if (finished.stored) {
        await updateSucceededOutcome(db, spec.operationId, finished.stored, ctx.now());
      }
      return { ok: true, value: finished.value };
    };

    const stillUnknown = async (detail: Record<string, unknown>, retryAfterSeconds?: number): Promise<Result<T, AppError>> => {
      await recordNotSent(db, claim, "unknown", detail, ctx.now());
      await audit("unknown", detail);
      return err(
        appError(
          "outcome_unknown",
          "Gorgias did not confirm whether this message was received. Your text is kept; check again in a moment — it will not be sent twice.",
          retryAfterSeconds !== undefined ? { retryAfterSeconds } : {},
        ),
      );
    };

    const settleLeftMs = (attemptedAt: Date | null): number =>
      attemptedAt === null ? 0 : Math.max(0, attemptedAt.getTime() + policy.settleMs - ctx.now().getTime());

    // A previous attempt may have landed: nothing else happens until the read-back says so.
    if (decision.mode === "reconcile") {
      const found = await spec.readBack();
      if (!found.ok) return stillUnknown({ reason: "read_back_failed", error: found.error.kind });
      if (found.value) return succeed(found.value, true);
      const left = settleLeftMs(decision.op.attemptedAt);
      if (left > 0) return stillUnknown({ reason: "not_settled" }, Math.ceil(left / 1000));
      // Confirmed absent: this request may post (once).
    }

    let prepared: Result<P, Refusal>;
    try {
      prepared = await spec.prepare();
    } catch (e) {
      // Nothing was posted: free the id at once instead of leaving it "still sending" until stale.
      await recordNotSent(db, claim, "failed", { reason: "internal" }, ctx.now());
      throw e;
    }
    if (!prepared.ok) {
      const refusal = prepared.error;
      await recordNotSent(db, claim, refusal.state, refusal.state === "failed" ? { reason: refusal.reason, code: refusal.error.code } : null, ctx.now());
      await audit("error", { reason: refusal.reason });
      return err(refusal.error);
    }

    if (!(await markAttempt(db, claim, ctx.now()))) {
      // A later request took this operation over (ours was considered dead): it decides.
      return err(appError("conflict", "This message is still being sent. Wait a moment; it will not be sent twice."));
    }
    const attemptedAt = ctx.now();
    let posted: Result<Landed<F>, GorgiasError>;
    try {
      posted = await spec.post(prepared.value);
    } catch (e) {
      // The transport returns failures as values; a throw here means we cannot tell what happened.
      await recordNotSent(db, claim, "unknown", { reason: "internal" }, ctx.now());
      throw e;
    }
    if (posted.ok) return succeed(posted.value, false);

    const failure = posted.error;
    if (!outcomeUnknown(failure)) {
      await recordNotSent(db, claim, "failed", { reason: "rejected", error: failure.kind, message: failure.message }, ctx.now());
      await audit("error", { reason: "upstream", error: failure.kind });
      return err(fromUpstream(failure));
    }

    // Unknown outcome: read back before anything else (docs/safety.md#no-blind-retry).
    const delays = answered(failure) ? [0] : policy.readBackDelaysMs;
    let lastReadError: GorgiasError | null = null;
    let confirmedAbsent = false;
    for (const delay of delays) {
      if (delay > 0) await ctx.sleep(delay);
      const found = await spec.readBack();
      if (!found.ok) {
        lastReadError = found.error;
        continue;
      }
      if (found.value) return succeed(found.value, true);
      confirmedAbsent = true;
      lastReadError = null;
    }
    if (confirmedAbsent && lastReadError === null && (answered(failure) || settleLeftMs(attemptedAt) === 0)) {
      await recordNotSent(db, claim, "failed", { reason: "confirmed_absent", error: failure.kind }, ctx.now());
      await audit("error", { reason: "confirmed_absent", error: failure.kind });
      return err(appError("upstream_unavailable", `Gorgias had a problem and did not record this message. ${NOT_SENT_RETRY}`));
    }
    return stillUnknown(
      { reason: lastReadError ? "read_back_failed" : "not_settled", error: failure.kind },
      Math.max(1, Math.ceil(settleLeftMs(attemptedAt) / 1000)),
    );
  } finally {
    clearInterval(renewal);
  }
}
