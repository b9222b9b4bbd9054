/** Server drafts for the composer (docs/safety.md#drafts): the agent's own, by agent id. */
import type { Db } from "@/lib/db";
import { deleteDraft, getDraftsForTicket, saveDraft, type DraftRow } from "@/lib/db";
import type { DiscardDraftInput, SaveDraftInput } from "@/lib/domain/contract/inputs";
import type { DraftWrite, ServerDraft, TicketDrafts } from "@/lib/domain/contract/responses";
import { appError, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";

export interface DraftContext {
  readonly db: Db;
  readonly agentId: string;
  readonly now?: () => Date;
}

const shown = (row: DraftRow): ServerDraft => ({
  bodyText: row.bodyText,
  operationId: row.operationId,
  updatedAt: row.updatedAt.toISOString(),
  revision: row.revision,
});

export async function saveAgentDraft(ctx: DraftContext, input: SaveDraftInput): Promise<Result<DraftWrite, AppError>> {
  const saved = await saveDraft(ctx.db, { agentId: ctx.agentId, ...input, now: ctx.now?.() ?? new Date() });
  if (saved.kind === "already_sent") {
    return err(appError("conflict", "This text was already sent; start a new message to keep writing."));
  }
  return ok(saved.kind === "saved" ? { kind: "saved", revision: saved.revision } : { kind: "conflict", current: shown(saved.current) });
}

export async function discardAgentDraft(ctx: DraftContext, input: DiscardDraftInput): Promise<Result<DraftWrite, AppError>> {
  const done = await deleteDraft(ctx.db, { agentId: ctx.agentId, ...input });
  return ok(done.kind === "discarded" ? done : { kind: "conflict", current: shown(done.current) });
}

export async function ticketDrafts(ctx: DraftContext, ticketId: number): Promise<TicketDrafts> {
  const rows = await getDraftsForTicket(ctx.db, ctx.agentId, ticketId);
  const pick = (mode: "reply" | "note") => {
    const row = rows.find((r) => r.mode === mode);
    return row ? shown(row) : null;
  };
  return { reply: pick("reply"), note: pick("note") };
}
