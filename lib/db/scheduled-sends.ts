/**
 * Undo send: a send record that waits (docs/safety.md#undo-send). The row is the one of
 * ./send-operations.ts, so the exactly-once rules hold unchanged; three transitions are added:
 *
 *   schedule  insert `scheduled` with `send_after` and the send's input (`payload`);
 *   claim     `scheduled` and due → `in_flight`, one guarded UPDATE: of every dispatcher that
 *             tries (timers and sweeps, in any number of processes on one database), one wins;
 *   undo      `scheduled` → `cancelled`, one guarded UPDATE: it wins only if no claim came first.
 *
 * A claim whose process died leaves an `in_flight` row whose renewals stop; once stale, a sweep
 * claims it again to read back (reconcile), as a reload does for an immediate send.
 */
import { and, eq, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "./store";
import { sendOperations, type SendOperationRow } from "./schema";
import { newSendOperation, type ClaimDecision, type ClaimInput } from "./send-operations";

export type ScheduleInput = Omit<ClaimInput, "inFlightStaleMs"> & {
  readonly sendAfter: Date;
  readonly payload: Record<string, unknown>;
};

/**
 * `scheduled`: the row now waits (a repeat of the same schedule keeps its first time).
 * `mismatch`: the id belongs to another target. `settled`: the id is sent, being sent or may be in
 * Gorgias: the immediate pipeline decides (it replays, says "still sending" or reads back).
 */
export type ScheduleDecision =
  | { readonly kind: "scheduled"; readonly op: SendOperationRow }
  | { readonly kind: "mismatch"; readonly op: SendOperationRow }
  | { readonly kind: "settled"; readonly op: SendOperationRow };

/** States whose text is not in Gorgias: a new schedule may take the id (and its edited text). */
const RESCHEDULABLE = new Set<SendOperationRow["state"]>(["pending", "failed", "cancelled"]);

export async function scheduleSendOperation(db: DbOrTx, input: ScheduleInput): Promise<ScheduleDecision> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(sendOperations)
      .values({ ...newSendOperation(input, "scheduled"), sendAfter: input.sendAfter, payload: input.payload })
      .onConflictDoNothing({ target: sendOperations.operationId })
      .returning();
    if (inserted) return { kind: "scheduled", op: inserted };

    const [row] = await tx.select().from(sendOperations).where(eq(sendOperations.operationId, input.operationId)).for("update");
    if (!row) throw new Error(`scheduleSendOperation: ${input.operationId} vanished`);
    const sameTarget =
      row.agentId === input.agentId && row.accountDomain === input.accountDomain && row.kind === input.kind && row.ticketId === input.ticketId;
    if (!sameTarget) return { kind: "mismatch", op: row };
    // The same text scheduled again (an answer lost on the way, or Send & Close after Send): it keeps
    // its time, but the latest choices (close, snooze, macro, channel) are what goes out.
    if (row.state === "scheduled" && row.bodyHash === input.bodyHash) {
      const [kept] = await tx
        .update(sendOperations)
        .set({ payload: input.payload, updatedAt: input.now })
        .where(eq(sendOperations.operationId, row.operationId))
        .returning();
      if (!kept) throw new Error(`scheduleSendOperation: update of ${row.operationId} lost under a row lock`);
      return { kind: "scheduled", op: kept };
    }
    if (row.state !== "scheduled" && !RESCHEDULABLE.has(row.state)) return { kind: "settled", op: row };
    // Nothing of it is in Gorgias (still waiting with other text, undone, refused, failed): the
    // text now sent takes the id and waits afresh.
    const [updated] = await tx
      .update(sendOperations)
      // Its earlier attempt was confirmed absent: the attempt stamp goes, so the dispatcher posts
      // instead of waiting out a read-back's settle window.
      .set({ state: "scheduled", bodyHash: input.bodyHash, payload: input.payload, sendAfter: input.sendAfter, attemptedAt: null, error: null, updatedAt: input.now })
      .where(eq(sendOperations.operationId, row.operationId))
      .returning();
    if (!updated) throw new Error(`scheduleSendOperation: update of ${row.operationId} lost under a row lock`);
    return { kind: "scheduled", op: updated };
  });
}

export type DueClaim = ClaimDecision | { readonly kind: "skip"; readonly op: SendOperationRow | null };

/**
 * The dispatcher's claim: a `scheduled` row whose time has come, or a dispatched row whose claim
 * went stale (its process died: read back before anything else). Anything else is skipped:
 * undone, not due yet, already claimed by another dispatcher or by the agent's own send.
 */
export async function claimDueSend(db: DbOrTx, input: { operationId: string; now: Date; inFlightStaleMs: number }): Promise<DueClaim> {
  const staleBefore = new Date(input.now.getTime() - input.inFlightStaleMs);
  const [claimed] = await db
    .update(sendOperations)
    .set({ state: "in_flight", claimSeq: sql`${sendOperations.claimSeq} + 1`, updatedAt: input.now })
    .where(and(eq(sendOperations.operationId, input.operationId), dueCondition(input.now, staleBefore)))
    .returning();
  if (!claimed) {
    const [row] = await db.select().from(sendOperations).where(eq(sendOperations.operationId, input.operationId));
    return { kind: "skip", op: row ?? null };
  }
  // The claim rewrote `state`: what it was is told by the attempt stamp. Never attempted → post;
  // a stale dispatch that may have posted → read back first.
  const mode = claimed.attemptedAt === null ? "fresh" : "reconcile";
  return { kind: "claimed", mode, op: claimed };
}

/**
 * Rows a dispatcher should claim now: due and waiting, or dispatched by a process that died. Only
 * with a stored input: without one there is nothing the dispatcher could send.
 */
function dueCondition(now: Date, staleBefore: Date) {
  return and(
    isNotNull(sendOperations.payload),
    or(
      and(eq(sendOperations.state, "scheduled"), lte(sendOperations.sendAfter, now)),
      and(eq(sendOperations.state, "in_flight"), isNotNull(sendOperations.sendAfter), lt(sendOperations.updatedAt, staleBefore)),
    ),
  );
}

/** The ids a sweep should try, oldest first (a claim decides; listing claims nothing). */
export async function dueSendOperations(db: DbOrTx, now: Date, inFlightStaleMs: number, limit = 50): Promise<string[]> {
  const rows = await db
    .select({ operationId: sendOperations.operationId })
    .from(sendOperations)
    .where(dueCondition(now, new Date(now.getTime() - inFlightStaleMs)))
    .orderBy(sendOperations.sendAfter)
    .limit(limit);
  return rows.map((r) => r.operationId);
}

/** `undone`: it will never be sent. `sent`: it went out or is going out. `not_sent`: it failed or was refused. */
export type UndoOutcome = "undone" | "sent" | "not_sent" | "not_found";

/** Undo: only a row still waiting (claimed by no one) is cancelled, and only by its own agent. */
export async function cancelScheduledSend(db: DbOrTx, input: { operationId: string; agentId: string; now: Date }): Promise<UndoOutcome> {
  const [cancelled] = await db
    .update(sendOperations)
    // The text stays only in the agent's draft (docs/safety.md#drafts), never in this record.
    .set({ state: "cancelled", payload: null, updatedAt: input.now })
    .where(and(eq(sendOperations.operationId, input.operationId), eq(sendOperations.agentId, input.agentId), eq(sendOperations.state, "scheduled")))
    .returning({ id: sendOperations.operationId });
  if (cancelled) return "undone";
  const [row] = await db
    .select({ state: sendOperations.state })
    .from(sendOperations)
    .where(and(eq(sendOperations.operationId, input.operationId), eq(sendOperations.agentId, input.agentId)));
  if (!row) return "not_found";
  if (row.state === "cancelled") return "undone";
  return row.state === "failed" || row.state === "pending" ? "not_sent" : "sent";
}

/** A waiting send that cannot be dispatched at all (its agent's key is gone): it fails, still unsent. */
export async function failScheduledSend(db: DbOrTx, operationId: string, error: Record<string, unknown>, now: Date): Promise<boolean> {
  const rows = await db
    .update(sendOperations)
    .set({ state: "failed", error, payload: null, updatedAt: now })
    .where(and(eq(sendOperations.operationId, operationId), eq(sendOperations.state, "scheduled")))
    .returning({ id: sendOperations.operationId });
  return rows.length === 1;
}
