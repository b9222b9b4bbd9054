/** Server drafts for the composer (docs/safety.md#drafts): the agent's own, by agent id. */
import type { Db } from "@/lib/db";
import { deleteDraft, getAgentSendStates, getDraftsForTicket, type AgentSendState, saveDraft, scheduledSendsForTicket, type DraftRow, type SendState as StoredSendState } from "@/lib/db";
import type { DiscardDraftInput, SaveDraftInput } from "@/lib/domain/contract/inputs";
import type { DraftWrite, SendState, ServerDraft, TicketDrafts, WaitingSend } from "@/lib/domain/contract/responses";
import { appError, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";
import { DEFAULT_SEND_POLICY } from "./send/policy";

export interface DraftContext {
  readonly db: Db;
  readonly agentId: string;
  readonly now?: () => Date;
  /** The send policy's in-flight window (./send/policy.ts): how long a provisional outcome is believed. */
  readonly inFlightStaleMs?: number;
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

const SHOWN_STATE: Readonly<Record<StoredSendState, SendState>> = {
  succeeded: "sent",
  in_flight: "sending",
  unknown: "unknown",
  failed: "not_sent",
  pending: "not_sent",
  scheduled: "waiting",
  cancelled: "undone",
};

/** The text a waiting send carries, from its stored input (./send/scheduled.ts). */
const waitingText = (payload: Record<string, unknown> | null): string => {
  const input = payload?.input;
  return typeof input === "object" && input !== null && "bodyText" in input && typeof input.bodyText === "string" ? input.bodyText : "";
};

/**
 * A succeeded send whose first outcome is still provisional (Send & Close, the macro's actions running)
 * is still "sending", so the browser does not replay a half-finished outcome; past the in-flight window
 * its request is presumed dead and the outcome stands.
 */
function shownState(op: AgentSendState, now: Date, staleMs: number): SendState {
  if (op.state === "succeeded" && op.finishing && now.getTime() - op.updatedAt.getTime() < staleMs) return "sending";
  return SHOWN_STATE[op.state];
}

export async function ticketDrafts(ctx: DraftContext, ticketId: number, operationIds: readonly string[] = []): Promise<TicketDrafts> {
  const [rows, sends, waiting] = await Promise.all([
    getDraftsForTicket(ctx.db, ctx.agentId, ticketId),
    getAgentSendStates(ctx.db, ctx.agentId, operationIds),
    scheduledSendsForTicket(ctx.db, ctx.agentId, ticketId),
  ]);
  const now = ctx.now?.() ?? new Date();
  const staleMs = ctx.inFlightStaleMs ?? DEFAULT_SEND_POLICY.inFlightStaleMs;
  const pick = (mode: "reply" | "note") => {
    const row = rows.find((r) => r.mode === mode);
    return row ? shown(row) : null;
  };
  return {
    reply: pick("reply"),
    note: pick("note"),
    sends: sends.map((op) => ({ operationId: op.operationId, state: shownState(op, now, staleMs), sendAt: op.sendAfter?.toISOString() ?? null })),
    waiting: waiting.flatMap((op): WaitingSend[] =>
      op.kind === "ticket" || !op.sendAfter
        ? []
        : [{ operationId: op.operationId, mode: op.kind, bodyText: waitingText(op.payload), sendAt: op.sendAfter.toISOString(), state: op.state === "scheduled" ? "waiting" : "sending" }],
    ),
  };
}
