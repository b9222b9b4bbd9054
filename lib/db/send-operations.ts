/**
 * The exactly-once record of every send (docs/safety.md#send-once, #no-blind-retry). The flow that uses it:
 *
 *   1. `claimSendOperation`  one short transaction: insert the row as `in_flight`, or move an
 *                            existing row to `in_flight` with a guarded update (claim_seq), or
 *                            say why not (already sent, other text, still sending);
 *   2. `markAttempt`         right before the POST: stamps attempted_at, refuses if superseded;
 *   3. call Gorgias          outside any transaction;
 *   4. `recordSucceeded` / `recordNotSent`  a second short transaction.
 *
 * Undo send (./scheduled-sends.ts) puts a `scheduled` row with a `send_after` in front of step 1;
 * the dispatcher's step 1 is then `claimDueSend`, and Undo is `cancelScheduledSend`.
 *
 * Timestamps come from the caller's clock (`now`) so the settle and staleness windows are testable.
 */
import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./store";
import { agents, sendOperations, type SendKind, type SendOperationRow, type SendState } from "./schema";

export type { SendOperationRow, SendKind, SendState };

export type ClaimInput = {
  operationId: string;
  agentId: string;
  accountDomain: string;
  /** Null for a new ticket (not known until Gorgias creates it). */
  ticketId: number | null;
  kind: SendKind;
  bodyHash: string;
  now: Date;
  /** An `in_flight` row younger than this belongs to a request still running. */
  inFlightStaleMs: number;
  /** The personal access token an assistant sent it through, so the thread can say so. */
  assistantTokenId?: string | null;
};

/**
 * `fresh`: never attempted, post. `retry`: a previous attempt is known not to be in Gorgias, post.
 * `reconcile`: a previous attempt may be in Gorgias (unknown, or a request that died in flight):
 * read back before anything else.
 */
export type ClaimMode = "fresh" | "retry" | "reconcile";

export type ClaimDecision =
  | { readonly kind: "claimed"; readonly mode: ClaimMode; readonly op: SendOperationRow }
  | { readonly kind: "replay"; readonly op: SendOperationRow }
  | { readonly kind: "mismatch"; readonly op: SendOperationRow }
  | { readonly kind: "busy"; readonly op: SendOperationRow; readonly retryAfterSeconds: number };

function sameTarget(row: SendOperationRow, input: ClaimInput): boolean {
  return (
    row.agentId === input.agentId &&
    row.accountDomain === input.accountDomain &&
    row.kind === input.kind &&
    (input.kind === "ticket" || row.ticketId === input.ticketId)
  );
}

/** States in which nothing of this id is in Gorgias: the agent's edited text may take the id. */
const NOTHING_SENT: readonly SendState[] = ["pending", "failed", "scheduled", "cancelled"];

/** A new record of one send: who, where, which text, in its first state. */
export function newSendOperation(input: Omit<ClaimInput, "inFlightStaleMs">, state: SendState) {
  return {
    operationId: input.operationId,
    agentId: input.agentId,
    accountDomain: input.accountDomain,
    ticketId: input.ticketId,
    kind: input.kind,
    bodyHash: input.bodyHash,
    assistantTokenId: input.assistantTokenId ?? null,
    state,
    claimSeq: 1,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

export async function claimSendOperation(db: DbOrTx, input: ClaimInput): Promise<ClaimDecision> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(sendOperations)
      .values(newSendOperation(input, "in_flight"))
      .onConflictDoNothing({ target: sendOperations.operationId })
      .returning();
    if (inserted) return { kind: "claimed", mode: "fresh", op: inserted };

    // The row exists (maybe committed a moment ago by a concurrent request, whose insert we waited
    // for): lock it so the transition below is decided on its current state.
    const [row] = await tx.select().from(sendOperations).where(eq(sendOperations.operationId, input.operationId)).for("update");
    if (!row) throw new Error(`claimSendOperation: ${input.operationId} vanished`);
    if (!sameTarget(row, input)) return { kind: "mismatch", op: row };
    if (row.bodyHash !== input.bodyHash && !NOTHING_SENT.includes(row.state)) return { kind: "mismatch", op: row };
    if (row.state === "succeeded") return { kind: "replay", op: row };

    let mode: ClaimMode;
    if (row.state === "in_flight") {
      const age = input.now.getTime() - row.updatedAt.getTime();
      if (age < input.inFlightStaleMs) {
        return { kind: "busy", op: row, retryAfterSeconds: Math.max(1, Math.ceil((input.inFlightStaleMs - age) / 1000)) };
      }
      // The request that claimed it died or hung: it may or may not have posted.
      mode = "reconcile";
    } else if (row.state === "unknown") {
      mode = "reconcile";
    } else {
      // pending, failed, scheduled or undone: nothing of this id is in Gorgias. (A scheduled one
      // claimed here goes now; the dispatcher's own claim then finds it taken.)
      mode = "retry";
    }
    const [claimed] = await tx
      .update(sendOperations)
      // The agent's own send now: a waiting send's time and stored input go, so no dispatcher sweep
      // mistakes this claim for its dead dispatch and posts the stale input.
      .set({ state: "in_flight", bodyHash: input.bodyHash, claimSeq: row.claimSeq + 1, updatedAt: input.now, sendAfter: null, payload: null })
      .where(and(eq(sendOperations.operationId, row.operationId), eq(sendOperations.claimSeq, row.claimSeq)))
      .returning();
    if (!claimed) throw new Error(`claimSendOperation: guarded update of ${row.operationId} lost under a row lock`);
    return { kind: "claimed", mode, op: claimed };
  });
}

export type Claim = { readonly operationId: string; readonly claimSeq: number };

/**
 * Stamps the start of a POST. False when this claim was superseded (a stale takeover): the caller
 * must not post then.
 */
export async function markAttempt(db: DbOrTx, claim: Claim, now: Date): Promise<boolean> {
  return updateCurrentClaim(db, claim, { attempts: sql`${sendOperations.attempts} + 1`, attemptedAt: now, updatedAt: now });
}

/**
 * The request holding `claim` is alive: while it runs it renews the claim, so a claim left by a
 * crashed process goes stale within `inFlightStaleMs` instead of the longest a request can take.
 */
export async function renewClaim(db: DbOrTx, claim: Claim, now: Date): Promise<boolean> {
  return updateCurrentClaim(db, claim, { updatedAt: now });
}

/** Writes only while `claim` is still the current, in-flight one: a superseded claim changes nothing. */
async function updateCurrentClaim(db: DbOrTx, claim: Claim, set: PgUpdateSetSource<typeof sendOperations>): Promise<boolean> {
  const rows = await db
    .update(sendOperations)
    .set(set)
    .where(
      and(
        eq(sendOperations.operationId, claim.operationId),
        eq(sendOperations.claimSeq, claim.claimSeq),
        eq(sendOperations.state, "in_flight"),
      ),
    )
    .returning({ id: sendOperations.operationId });
  return rows.length === 1;
}

export type SucceededInput = {
  operationId: string;
  gorgiasMessageId: number | null;
  gorgiasTicketId: number | null;
  ticketId: number | null;
  outcome: Record<string, unknown>;
  now: Date;
};

/**
 * Gorgias has the message: recorded whatever claim is current (a success is a fact, not a bid).
 * Returns the row as it now stands; a row that was already `succeeded` is left as it was.
 */
export async function recordSucceeded(db: DbOrTx, input: SucceededInput): Promise<SendOperationRow | null> {
  const [row] = await db
    .update(sendOperations)
    .set({
      state: "succeeded",
      gorgiasMessageId: input.gorgiasMessageId,
      gorgiasTicketId: input.gorgiasTicketId,
      ...(input.ticketId !== null ? { ticketId: input.ticketId } : {}),
      outcome: input.outcome,
      error: null,
      // A waiting send's text goes with its wait: the message itself is in Gorgias now.
      payload: null,
      updatedAt: input.now,
    })
    .where(and(eq(sendOperations.operationId, input.operationId), ne(sendOperations.state, "succeeded")))
    .returning();
  if (row) return row;
  return getSendOperation(db, input.operationId);
}

/**
 * The attempt ended without a confirmed message: `failed` (confirmed not in Gorgias, with the
 * reason), `pending` (nothing posted, e.g. the agent must confirm newer messages), or `unknown`
 * (may be in Gorgias; read back before anything else). Only the current claim may record this.
 */
export async function recordNotSent(
  db: DbOrTx,
  claim: Claim,
  state: Extract<SendState, "failed" | "pending" | "unknown">,
  error: Record<string, unknown> | null,
  now: Date,
): Promise<boolean> {
  // A waiting send's text is not needed once its dispatch ended: the agent's draft keeps it.
  return updateCurrentClaim(db, claim, { state, error, payload: null, updatedAt: now });
}

/** Replaces the replayable outcome of a succeeded send (e.g. after Send & Close's status change). */
export async function updateSucceededOutcome(db: DbOrTx, operationId: string, outcome: Record<string, unknown>, now: Date): Promise<void> {
  await db
    .update(sendOperations)
    .set({ outcome, updatedAt: now })
    .where(and(eq(sendOperations.operationId, operationId), eq(sendOperations.state, "succeeded")));
}

export async function getSendOperation(db: DbOrTx, operationId: string): Promise<SendOperationRow | null> {
  const [row] = await db.select().from(sendOperations).where(eq(sendOperations.operationId, operationId));
  return row ?? null;
}

/** Where the agent's own operations stand, for a composer reopened mid-send (a reload, a crash). */
export interface AgentSendState extends Pick<SendOperationRow, "operationId" | "state" | "sendAfter" | "updatedAt"> {
  /** Succeeded, but its first outcome is provisional: Send & Close or the macro's actions are still running. */
  readonly finishing: boolean;
}

export async function getAgentSendStates(db: DbOrTx, agentId: string, operationIds: readonly string[]): Promise<AgentSendState[]> {
  if (operationIds.length === 0) return [];
  const rows = await db
    .select({ operationId: sendOperations.operationId, state: sendOperations.state, sendAfter: sendOperations.sendAfter, updatedAt: sendOperations.updatedAt, outcome: sendOperations.outcome })
    .from(sendOperations)
    .where(and(eq(sendOperations.agentId, agentId), inArray(sendOperations.operationId, [...operationIds])));
  return rows.map(({ outcome, ...row }) => ({ ...row, finishing: (outcome as { finishing?: unknown } | null)?.finishing === true }));
}

/** Where the agent's sends waiting for their time (or going out) stand, for one ticket's thread. */
export async function scheduledSendsForTicket(
  db: DbOrTx,
  agentId: string,
  ticketId: number,
): Promise<Array<Pick<SendOperationRow, "operationId" | "kind" | "state" | "sendAfter" | "payload">>> {
  return db
    .select({ operationId: sendOperations.operationId, kind: sendOperations.kind, state: sendOperations.state, sendAfter: sendOperations.sendAfter, payload: sendOperations.payload })
    .from(sendOperations)
    .where(
      and(
        eq(sendOperations.agentId, agentId),
        eq(sendOperations.ticketId, ticketId),
        isNotNull(sendOperations.sendAfter),
        inArray(sendOperations.state, ["scheduled", "in_flight"]),
      ),
    )
    .orderBy(sendOperations.sendAfter);
}

/** Finished operations older than the cutoff (the id is useless once the composer has moved on). */
export async function pruneSendOperations(db: DbOrTx, olderThan: Date): Promise<number> {
  const rows = await db
    .delete(sendOperations)
    .where(and(sql`${sendOperations.updatedAt} < ${olderThan}`, sql`${sendOperations.state} in ('succeeded', 'failed', 'pending', 'cancelled')`))
    .returning({ id: sendOperations.operationId });
  return rows.length;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Of these operation ids (a thread's messages' external ids), the ones an assistant sent through a
 * personal access token, with the name of the agent it acted for (docs/safety.md#assistant-visible).
 * Other integrations' external ids are not ours, and not even UUIDs: they are skipped.
 */
export async function assistantSends(db: DbOrTx, accountDomain: string, operationIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(operationIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ operationId: sendOperations.operationId, agentName: agents.name })
    .from(sendOperations)
    .leftJoin(agents, eq(agents.id, sendOperations.agentId))
    .where(and(eq(sendOperations.accountDomain, accountDomain), isNotNull(sendOperations.assistantTokenId), inArray(sendOperations.operationId, ids)));
  return new Map(rows.map((r) => [r.operationId, r.agentName ?? "An agent"]));
}
