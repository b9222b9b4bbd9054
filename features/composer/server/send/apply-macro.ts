/**
 * A macro's actions without a message (docs/safety.md#macros): a macro with no reply text, applied
 * on confirm, and "Apply the actions again" after a send whose actions failed. It posts no reply;
 * the macro's note is posted once per operation id, so repeating this is safe.
 */
import { recordAudit } from "@/lib/db";
import type { ApplyMacroInput } from "@/lib/domain/contract/inputs";
import type { MacroOutcome } from "@/lib/domain/send";
import type { TicketStatus } from "@/lib/domain/ticket";
import { isReadOnlyRole } from "@/lib/domain/user";
import type { AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";
import { armMacro, runMacro } from "./macro";
import { OBSERVER_REFUSAL } from "./messages";
import { resolveContext, type SendContext } from "./policy";

export interface AppliedMacro {
  readonly macro: MacroOutcome;
  /** The ticket's status after the update, when there was one. */
  readonly ticketStatus: TicketStatus | null;
}

export async function applyMacro(context: SendContext, input: ApplyMacroInput): Promise<Result<AppliedMacro, AppError>> {
  const ctx = resolveContext(context);
  const { agent } = ctx;
  if (isReadOnlyRole(agent.role)) return err(OBSERVER_REFUSAL);
  const audit = (outcome: "ok" | "error", detail: Record<string, unknown>) =>
    recordAudit(ctx.db, {
      agentId: agent.agentId,
      accountDomain: agent.accountDomain,
      action: "ticket.macro",
      ticketId: input.ticketId,
      outcome,
      assistantTokenId: ctx.assistantTokenId,
      detail: { operationId: input.operationId, macroId: input.macro.id, ...detail },
    });
  const armed = await armMacro(ctx, input.macro);
  if (!armed.ok) {
    await audit("error", { reason: "macro_refused", code: armed.error.code });
    return armed;
  }
  // Send & Close or Snooze was the agent's click: it wins over the macro's status, as in the send (./messages.ts).
  const closing = input.closeAfter || input.snoozeUntil !== undefined ? { status: "closed" as const, ...(input.snoozeUntil ? { snoozeUntil: input.snoozeUntil } : {}) } : {};
  const run = await runMacro(ctx, input.ticketId, input.operationId, armed.value, closing);
  await audit(run.macro.applied ? "ok" : "error", run.macro.applied ? {} : { reason: "actions_failed" });
  return ok({ macro: run.macro, ticketStatus: run.ticket?.status ?? null });
}
