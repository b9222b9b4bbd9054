/**
 * Undo send (docs/safety.md#undo-send): a reply or note the agent sends with a wait is recorded as
 * a waiting send record (`scheduleSendOperation`), and the dispatcher (./dispatcher.ts) sends it
 * through the same exactly-once pipeline once its time comes, whether or not the tab is still open.
 * Until a dispatcher claims it, the agent's Undo cancels it; after, Undo says it went out.
 */
import { z } from "zod";
import { cancelScheduledSend, recordAudit, scheduleSendOperation } from "@/lib/db";
import { SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import type { SendAnswer, UndoAnswer } from "@/lib/domain/send";
import { clampUndoSeconds } from "@/lib/domain/undo-send";
import { isReadOnlyRole } from "@/lib/domain/user";
import type { AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";
import { noteHash, OBSERVER_REFUSAL, replyHash, sendNote, sendReply } from "./messages";
import { resolveContext, type SendContext } from "./policy";

/** A send as it waits in its record's `payload`: the validated action input, whatever it carries. */
export const ScheduledMessage = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("reply"), input: SendReplyInput }),
  z.object({ mode: z.literal("note"), input: SendNoteInput }),
]);
export type ScheduledMessage = z.infer<typeof ScheduledMessage>;

/** Sends it now, through the pipeline (an agent's request: docs/safety.md#send-once). */
export function sendNow(context: SendContext, message: ScheduledMessage) {
  return message.mode === "reply" ? sendReply(context, message.input) : sendNote(context, message.input);
}

/**
 * Sends the message after its `undoSeconds` (clamped), or now when that is 0. `wake` tells this
 * process's dispatcher when to look; any dispatcher's sweep finds it anyway.
 */
export async function sendWithUndo(
  context: SendContext,
  message: ScheduledMessage,
  wake: (operationId: string, at: Date) => void,
): Promise<Result<SendAnswer, AppError>> {
  const delaySeconds = clampUndoSeconds(message.input.undoSeconds);
  if (delaySeconds === 0) return sendNow(context, message);
  const ctx = resolveContext(context);
  if (isReadOnlyRole(ctx.agent.role)) return err(OBSERVER_REFUSAL);
  const now = ctx.now();
  const { input } = message;
  const decision = await scheduleSendOperation(ctx.db, {
    operationId: input.operationId,
    agentId: ctx.agent.agentId,
    accountDomain: ctx.agent.accountDomain,
    ticketId: input.ticketId,
    kind: message.mode,
    bodyHash: message.mode === "reply" ? replyHash(message.input) : noteHash(message.input),
    now,
    sendAfter: new Date(now.getTime() + delaySeconds * 1000),
    payload: message,
    assistantTokenId: ctx.assistantTokenId,
  });
  // Already sent, being sent, or maybe in Gorgias (or not this agent's id): the pipeline answers
  // as for any repeat (a replay, "still sending", a read-back, a refusal) and never posts twice.
  if (decision.kind !== "scheduled") return sendNow(context, message);
  const sendAt = decision.op.sendAfter ?? now;
  await recordAudit(ctx.db, {
    agentId: ctx.agent.agentId,
    accountDomain: ctx.agent.accountDomain,
    action: `ticket.${message.mode}.scheduled`,
    ticketId: input.ticketId,
    outcome: "ok",
    assistantTokenId: ctx.assistantTokenId,
    detail: { operationId: input.operationId, sendAt: sendAt.toISOString() },
  });
  wake(input.operationId, sendAt);
  return ok({ scheduled: true, operationId: input.operationId, sendAt: sendAt.toISOString() });
}

/** Undo: cancels the agent's own waiting send, or says it already went out. */
export async function undoSend(
  context: Pick<SendContext, "db" | "agent" | "now">,
  operationId: string,
): Promise<Result<UndoAnswer, AppError>> {
  const now = context.now?.() ?? new Date();
  const outcome = await cancelScheduledSend(context.db, { operationId, agentId: context.agent.agentId, now });
  await recordAudit(context.db, {
    agentId: context.agent.agentId,
    accountDomain: context.agent.accountDomain,
    action: "ticket.send.undo",
    ticketId: null,
    outcome: outcome === "undone" ? "ok" : "error",
    detail: { operationId, outcome },
  });
  return ok({ outcome });
}
