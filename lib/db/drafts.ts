/**
 * Server copies of composer drafts (docs/safety.md#drafts). Keyed by agent id, not session, so they
 * survive sign-out, expiry and deploys. A draft is deleted by the agent (discard) or by the send
 * flow once Gorgias has confirmed the send of its operation id — never on a failure.
 */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./store";
import { drafts, sendOperations, type DraftModeValue, type DraftRow } from "./schema";

export type { DraftRow };

export type SaveDraftRecord = {
  agentId: string;
  ticketId: number;
  mode: DraftModeValue;
  bodyText: string;
  operationId: string;
  now: Date;
};

export type SaveDraftResult =
  | { readonly kind: "saved"; readonly updatedAt: Date }
  /** A newer save (another tab, another instance) is already stored; it stays. */
  | { readonly kind: "older"; readonly updatedAt: Date }
  /** That operation id was already confirmed sent: storing its text again would resurrect it. */
  | { readonly kind: "already_sent" };

export async function saveDraft(db: DbOrTx, input: SaveDraftRecord): Promise<SaveDraftResult> {
  return db.transaction(async (tx) => {
    // FOR SHARE waits for a send that is recording its success (and deleting this draft) right now,
    // then sees its committed state: a late autosave cannot bring a sent text back.
    const [sent] = await tx
      .select({ state: sendOperations.state })
      .from(sendOperations)
      .where(and(eq(sendOperations.operationId, input.operationId), eq(sendOperations.agentId, input.agentId)))
      .for("share");
    if (sent?.state === "succeeded") return { kind: "already_sent" };
    const [row] = await tx
      .insert(drafts)
      .values({
        agentId: input.agentId,
        ticketId: input.ticketId,
        mode: input.mode,
        bodyText: input.bodyText,
        operationId: input.operationId,
        updatedAt: input.now,
      })
      .onConflictDoUpdate({
        target: [drafts.agentId, drafts.ticketId, drafts.mode],
        set: { bodyText: input.bodyText, operationId: input.operationId, updatedAt: input.now },
        // Last write wins by time: a save that arrives late with an older stamp does not clobber.
        setWhere: sql`${drafts.updatedAt} <= excluded.updated_at`,
      })
      .returning({ updatedAt: drafts.updatedAt });
    if (row) return { kind: "saved", updatedAt: row.updatedAt };
    const [current] = await tx
      .select({ updatedAt: drafts.updatedAt })
      .from(drafts)
      .where(and(eq(drafts.agentId, input.agentId), eq(drafts.ticketId, input.ticketId), eq(drafts.mode, input.mode)));
    return { kind: "older", updatedAt: current?.updatedAt ?? input.now };
  });
}

export async function getDraftsForTicket(db: DbOrTx, agentId: string, ticketId: number): Promise<DraftRow[]> {
  return db
    .select()
    .from(drafts)
    .where(and(eq(drafts.agentId, agentId), eq(drafts.ticketId, ticketId)));
}

/** The agent discarded it. */
export async function deleteDraft(db: DbOrTx, agentId: string, ticketId: number, mode: DraftModeValue): Promise<boolean> {
  const rows = await db
    .delete(drafts)
    .where(and(eq(drafts.agentId, agentId), eq(drafts.ticketId, ticketId), eq(drafts.mode, mode)))
    .returning({ ticketId: drafts.ticketId });
  return rows.length > 0;
}

/**
 * Called by the send flow once Gorgias confirmed `operationId`: removes the draft carrying that id
 * only, so a newer draft (a new operation id) typed meanwhile stays.
 */
export async function deleteDraftForOperation(db: DbOrTx, agentId: string, operationId: string): Promise<number> {
  const rows = await db
    .delete(drafts)
    .where(and(eq(drafts.agentId, agentId), eq(drafts.operationId, operationId)))
    .returning({ ticketId: drafts.ticketId });
  return rows.length;
}
