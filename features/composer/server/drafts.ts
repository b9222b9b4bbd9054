/** Server drafts for the composer (docs/safety.md#drafts): the agent's own, by agent id. */
import type { Db } from "@/lib/db";
import { deleteDraft, getDraftsForTicket, saveDraft } from "@/lib/db";
import type { DiscardDraftInput, SaveDraftInput } from "@/lib/domain/contract/inputs";
import type { TicketDrafts } from "@/lib/domain/contract/responses";
import { appError, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";

export interface DraftContext {
  readonly db: Db;
  readonly agentId: string;
  readonly now?: () => Date;
}

export async function saveAgentDraft(ctx: DraftContext, input: SaveDraftInput): Promise<Result<{ updatedAt: string }, AppError>> {
  const saved = await saveDraft(ctx.db, { agentId: ctx.agentId, ...input, now: ctx.now?.() ?? new Date() });
  if (saved.kind === "already_sent") {
    return err(appError("conflict", "This text was already sent; start a new message to keep writing."));
  }
  return ok({ updatedAt: saved.updatedAt.toISOString() });
}

export async function discardAgentDraft(ctx: DraftContext, input: DiscardDraftInput): Promise<Result<null, AppError>> {
  await deleteDraft(ctx.db, ctx.agentId, input.ticketId, input.mode);
  return ok(null);
}

export async function ticketDrafts(ctx: DraftContext, ticketId: number): Promise<TicketDrafts> {
  const rows = await getDraftsForTicket(ctx.db, ctx.agentId, ticketId);
  const pick = (mode: "reply" | "note") => {
    const row = rows.find((r) => r.mode === mode);
    return row ? { bodyText: row.bodyText, operationId: row.operationId, updatedAt: row.updatedAt.toISOString() } : null;
  };
  return { reply: pick("reply"), note: pick("note") };
}
