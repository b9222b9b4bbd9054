/**
 * Server copies of composer drafts (docs/safety.md#drafts). Keyed by agent id, not session, so they
 * survive sign-out, expiry and deploys. A draft is deleted by the agent (discard) or by the send
 * flow once Gorgias has confirmed the send of its operation id — never on a failure.
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "./store";
import { drafts, sendOperations, type DraftModeValue, type DraftRow } from "./schema";

export type { DraftRow };

export type SaveDraftRecord = {
  agentId: string;
  ticketId: number;
  mode: DraftModeValue;
  bodyText: string;
  operationId: string;
  /** The revision this tab last saw of the server copy; null when it saw none. */
  baseRevision?: number | null;
  now: Date;
};

export type SaveDraftResult =
  | { readonly kind: "saved"; readonly revision: number; readonly updatedAt: Date }
  /** Another tab or device saved since `baseRevision`: its text stays, and the caller is shown it. */
  | { readonly kind: "conflict"; readonly current: DraftRow }
  /** That operation id was already confirmed sent: storing its text again would resurrect it. */
  | { readonly kind: "already_sent" };

const keyOf = (k: { agentId: string; ticketId: number; mode: DraftModeValue }) =>
  and(eq(drafts.agentId, k.agentId), eq(drafts.ticketId, k.ticketId), eq(drafts.mode, k.mode));

/**
 * Saves the draft only over the revision the tab saw (docs/safety.md#drafts), so a stale tab never
 * silently replaces newer text. The same text and id as stored is not a conflict, whatever the base.
 */
export async function saveDraft(db: DbOrTx, input: SaveDraftRecord): Promise<SaveDraftResult> {
  const base = input.baseRevision ?? null;
  return db.transaction(async (tx) => {
    // FOR SHARE waits for a send that is recording its success (and deleting this draft) right now,
    // then sees its committed state: a late autosave cannot bring a sent text back.
    const [sent] = await tx
      .select({ state: sendOperations.state })
      .from(sendOperations)
      .where(and(eq(sendOperations.operationId, input.operationId), eq(sendOperations.agentId, input.agentId)))
      .for("share");
    if (sent?.state === "succeeded") return { kind: "already_sent" };
    const [current] = await tx.select().from(drafts).where(keyOf(input)).for("update");
    if (!current) {
      const insertFirst = async () =>
        (
          await tx
            .insert(drafts)
            .values({ agentId: input.agentId, ticketId: input.ticketId, mode: input.mode, bodyText: input.bodyText, operationId: input.operationId, updatedAt: input.now, revision: 1 })
            .onConflictDoNothing()
            .returning()
        )[0];
      const row = await insertFirst();
      if (row) return { kind: "saved", revision: row.revision, updatedAt: row.updatedAt };
      // Another save inserted it between our read and our insert: judge against that one. If it was
      // discarded again meanwhile, the key is free: insert once more rather than claim a save.
      const [raced] = await tx.select().from(drafts).where(keyOf(input));
      if (raced) return { kind: "conflict", current: raced };
      const again = await insertFirst();
      if (!again) throw new Error("draft save kept racing with other saves of the same draft");
      return { kind: "saved", revision: again.revision, updatedAt: again.updatedAt };
    }
    if (current.bodyText === input.bodyText && current.operationId === input.operationId) {
      return { kind: "saved", revision: current.revision, updatedAt: current.updatedAt };
    }
    if (current.revision !== base) return { kind: "conflict", current };
    const [row] = await tx
      .update(drafts)
      .set({ bodyText: input.bodyText, operationId: input.operationId, updatedAt: input.now, revision: current.revision + 1 })
      .where(keyOf(input))
      .returning();
    return { kind: "saved", revision: row!.revision, updatedAt: row!.updatedAt };
  });
}

export async function getDraftsForTicket(db: DbOrTx, agentId: string, ticketId: number): Promise<DraftRow[]> {
  return db
    .select()
    .from(drafts)
    .where(and(eq(drafts.agentId, agentId), eq(drafts.ticketId, ticketId)));
}

export type DeleteDraftResult =
  | { readonly kind: "discarded" }
  /** A newer save than the tab saw is stored: it stays. */
  | { readonly kind: "conflict"; readonly current: DraftRow };

/** The agent discarded it: only the revision the tab saw goes, so a stale tab never wipes newer text. */
export async function deleteDraft(
  db: DbOrTx,
  k: { agentId: string; ticketId: number; mode: DraftModeValue; baseRevision: number | null },
): Promise<DeleteDraftResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(drafts).where(keyOf(k)).for("update");
    if (!current) return { kind: "discarded" };
    if (current.revision !== k.baseRevision) return { kind: "conflict", current };
    await tx.delete(drafts).where(keyOf(k));
    return { kind: "discarded" };
  });
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
