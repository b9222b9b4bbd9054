/**
 * Macros that act (docs/safety.md#macros): the server's half of "one previewed step".
 *
 * The browser names the macro and the fingerprint of what it previewed; the server reads the macro
 * from Gorgias again, plans it with the same rules (`lib/domain/macro-actions.ts`) and performs it
 * only if the plan is unchanged and has nothing the Desk must refuse — checked before the message
 * is posted, so a refused macro sends nothing and changes nothing.
 *
 * After the message: one `PUT` with every ticket field (status, priority, assignee, team, snooze,
 * with Send & Close and auto-assign folded in), then the tags (`POST`/`DELETE`, never `PUT`), then
 * the internal note, exactly once under an id derived from the send's. Each write is absolute or
 * deduplicated, so "Apply the actions again" repeats them safely and never re-sends the message.
 */
import { createHash } from "node:crypto";
import type { AppliedMacroInput } from "@/lib/domain/contract/inputs";
import { planMacro, type MacroPlan } from "@/lib/domain/macro-actions";
import type { Message } from "@/lib/domain/message";
import { MACRO_CHANGED_MESSAGE, type MacroOutcome } from "@/lib/domain/send";
import type { Ticket } from "@/lib/domain/ticket";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { TicketPatch } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import { runExactlyOnce } from "./exactly-once";
import { messageHash } from "./hash";
import type { ResolvedContext } from "./policy";

/** A macro checked and ready: what the server will perform, and the note as the agent saw it. */
export interface ArmedMacro {
  readonly plan: MacroPlan;
  readonly noteText: string | null;
}

/** Reads the macro again and checks it against the preview. Nothing is written either way. */
export async function armMacro(ctx: ResolvedContext, input: AppliedMacroInput): Promise<Result<ArmedMacro, AppError>> {
  const read = await ctx.gorgias.macros.get(input.id, { priority: "send" });
  if (!read.ok) return err(read.error.kind === "not_found" ? appError("invalid_input", "This macro no longer exists in Gorgias. Nothing was sent.") : fromUpstream(read.error));
  const plan = planMacro(read.value);
  if (plan.refusals.length > 0) {
    const reasons = plan.refusals.map((r) => `${r.title}: ${r.reason}`).join(" ");
    return err(appError("invalid_input", `The Desk cannot apply “${plan.macroName}”. ${reasons} Nothing was sent or changed.`));
  }
  if (plan.fingerprint !== input.fingerprint) return err(appError("conflict", MACRO_CHANGED_MESSAGE));
  if ((plan.noteTemplate === null) !== (input.noteText === null) || input.noteText?.trim() === "") {
    return err(appError("invalid_input", "The macro's internal note does not match the preview. Nothing was sent; choose the macro again."));
  }
  return ok({ plan, noteText: input.noteText });
}

/** The macro's ticket fields as one update; a snooze wakes `snoozeForMs` after `now` and closes the ticket meanwhile. */
export function macroPatch(plan: MacroPlan, now: Date): TicketPatch {
  const f = plan.fields;
  const snoozed = f.snoozeForMs !== undefined;
  return {
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(snoozed ? { status: "closed" as const, snoozeUntil: new Date(now.getTime() + f.snoozeForMs!).toISOString() } : {}),
    ...(f.priority !== undefined ? { priority: f.priority } : {}),
    ...(f.assigneeUserId !== undefined ? { assigneeUserId: f.assigneeUserId } : {}),
    ...(f.assigneeTeamId !== undefined ? { assigneeTeamId: f.assigneeTeamId } : {}),
  };
}

/** A uuid derived from the send's operation id: the macro's note has its own exactly-once record. */
export function noteOperationId(operationId: string): string {
  const h = createHash("sha256").update(`macro-note:${operationId}`).digest("hex");
  // Version 8 (custom), RFC 9562 variant.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const failed = (armed: ArmedMacro, what: string, e: AppError): MacroOutcome => ({
  macroId: armed.plan.macroId,
  name: armed.plan.macroName,
  applied: false,
  error: `${what}: ${e.message}`,
});

/** After the ticket update: tags, then the note. Stops at the first failure (a retry repeats all). */
async function runRest(ctx: ResolvedContext, ticketId: number, operationId: string, armed: ArmedMacro): Promise<MacroOutcome> {
  const { plan } = armed;
  if (plan.addTags.length > 0) {
    const added = await ctx.gorgias.tags.addToTicket(ticketId, { names: plan.addTags }, { priority: "write" });
    if (!added.ok) return failed(armed, "Tags were not added", fromUpstream(added.error));
    // A macro may name a tag the account did not have: Gorgias created it.
    ctx.gorgias.reference.invalidate("tags");
  }
  if (plan.removeTags.length > 0) {
    const removed = await ctx.gorgias.tags.removeFromTicket(ticketId, { names: plan.removeTags }, { priority: "write" });
    if (!removed.ok) return failed(armed, "Tags were not removed", fromUpstream(removed.error));
  }
  if (armed.noteText !== null) {
    const noteId = noteOperationId(operationId);
    // The note is the Desk's own follow-up, never a scheduled record: claimed as an immediate send
    // even when the dispatcher runs the message (docs/safety.md#undo-send).
    const note = await runExactlyOnce<null, Message, Message>({ ...ctx, dispatch: false }, {
      operationId: noteId,
      kind: "note",
      ticketId,
      bodyHash: messageHash("note", ticketId, armed.noteText),
      auditAction: "ticket.note",
      auditDetail: { macroId: plan.macroId, for: operationId },
      prepare: async () => ok(null),
      post: async () => {
        const created = await ctx.gorgias.messages.createNote(ticketId, { senderUserId: ctx.agent.gorgiasUserId, bodyText: armed.noteText!, externalId: noteId }, { priority: "write" });
        return created.ok ? ok({ found: created.value, messageId: created.value.id, ticketId }) : created;
      },
      readBack: async () => {
        const found = await ctx.gorgias.messages.findByExternalId(ticketId, noteId, { priority: "write" });
        return found.ok ? ok(found.value ? { found: found.value, messageId: found.value.id, ticketId } : null) : found;
      },
      stored: (landed) => ({ message: landed.found }),
      finish: async (landed) => {
        await ctx.share.message(landed.found);
        return { value: landed.found };
      },
      replay: (op) => (op.outcome as { message?: Message } | null)?.message ?? null,
    });
    if (!note.ok) return failed(armed, "The internal note was not added", note.error);
  }
  return { macroId: plan.macroId, name: plan.macroName, applied: true };
}

export interface MacroRun {
  readonly ticket: Ticket | null;
  readonly macro: MacroOutcome;
  /** The update failed: Gorgias's reason (the caller reports a failed Send & Close with it). */
  readonly updateError: string | null;
}

/**
 * Performs an armed macro on a ticket: the update (with `extra` fields folded in: Send & Close,
 * auto-assign), then tags and note. Never throws for Gorgias's failures; they come back in `macro`.
 */
export async function runMacro(ctx: ResolvedContext, ticketId: number, operationId: string, armed: ArmedMacro, extra: TicketPatch = {}): Promise<MacroRun> {
  const patch: TicketPatch = { ...macroPatch(armed.plan, ctx.now()), ...extra };
  let ticket: Ticket | null = null;
  if (Object.keys(patch).length > 0) {
    const update = await ctx.gorgias.tickets.update(ticketId, patch, { priority: "write" });
    if (!update.ok) {
      const e = fromUpstream(update.error);
      return { ticket: null, macro: failed(armed, "The ticket was not updated", e), updateError: e.message };
    }
    ticket = update.value;
    await ctx.share.ticket(update.value);
  }
  return { ticket, macro: await runRest(ctx, ticketId, operationId, armed), updateError: null };
}
