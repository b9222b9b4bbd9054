/**
 * Replies and internal notes, exactly once (docs/safety.md#client-intent, #send-once,
 * #no-blind-retry, #stale-thread, #notes-private). Called by the server actions with the signed-in
 * agent; tests call them with a sandbox client and a test store.
 */
import type { SendOperationRow } from "@/lib/db";
import { newerMessageIds, type Message } from "@/lib/domain/message";
import type { AppliedMacroInput, SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import type { MacroOutcome, SendOutcome } from "@/lib/domain/send";
import { wholeThreadOf } from "@/lib/domain/ticket-summary";
import { isReadOnlyRole } from "@/lib/domain/user";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { ChannelReplyRequest, ReplyRequest } from "@/lib/gorgias";
import { replyRoutes } from "@/lib/domain/reply-channel";
import { err, ok, type Result } from "@/lib/result";
import { deriveChannelReply, deriveReply, emailSendersFor } from "./derive";
import { runExactlyOnce, type Landed, type Refusal } from "./exactly-once";
import { messageHash } from "./hash";
import { armMacro, type ArmedMacro, runMacro } from "./macro";
import { signatureFor, signBody } from "./sign";
import { resolveContext, type ResolvedContext, type SendContext } from "./policy";

type TicketStatus = "open" | "closed";

export const OBSERVER_REFUSAL: AppError = appError("forbidden", "Your Gorgias role can read tickets but not send messages.");

const refuse = (error: AppError, state: Refusal["state"], reason: string): Result<never, Refusal> => err({ error, state, reason });

const landedMessage = (m: Message): Landed<Message> => ({ found: m, messageId: m.id, ticketId: m.ticketId });

function readBackFor(ctx: ResolvedContext, ticketId: number, operationId: string) {
  return async (): Promise<Result<Landed<Message> | null, import("@/lib/gorgias").GorgiasError>> => {
    const found = await ctx.gorgias.messages.findByExternalId(ticketId, operationId, { priority: "send" });
    if (!found.ok) return found;
    return ok(found.value ? landedMessage(found.value) : null);
  };
}

function replayOutcome(op: SendOperationRow): SendOutcome | null {
  const stored = op.outcome as { message?: Message; ticketStatus?: TicketStatus; closed?: boolean; snoozedUntil?: string; closeError?: string; macro?: MacroOutcome } | null;
  if (!stored?.message || typeof stored.message !== "object") return null;
  return {
    operationId: op.operationId,
    message: stored.message,
    alreadySent: true,
    ticketStatus: stored.ticketStatus === "closed" ? "closed" : "open",
    closed: stored.closed === true,
    ...(typeof stored.snoozedUntil === "string" ? { snoozedUntil: stored.snoozedUntil } : {}),
    ...(stored.closeError ? { closeError: stored.closeError } : {}),
    ...(stored.macro ? { macro: stored.macro } : {}),
  };
}

/** Stored with the message until the macro's actions report (a crash in between leaves them to retry). */
const macroPending = (armed: ArmedMacro | null): { macro?: MacroOutcome } =>
  armed ? { macro: { macroId: armed.plan.macroId, name: armed.plan.macroName, applied: false, error: "The macro's actions were not confirmed." } } : {};

/**
 * Recorded the moment the message is confirmed, before Send & Close and the macro's actions run:
 * `finishing` tells a browser polling the drafts route that it is provisional (../drafts.ts);
 * `finishMessage`'s outcome replaces it whole. A crash in between leaves it, stale, as the last word.
 */
const firstOutcome = (message: Message, knownStatus: TicketStatus | null, armed: ArmedMacro | null): Record<string, unknown> => ({
  message,
  ticketStatus: knownStatus ?? "open",
  ...macroPending(armed),
  finishing: true,
});

/**
 * The armed macro for `finish`. A reconcile (the read-back found the message before `prepare` ran)
 * armed nothing: arm it now, or report it not applied so the composer offers "Apply the actions again".
 */
async function macroForFinish(ctx: ResolvedContext, macro: AppliedMacroInput | undefined, armed: ArmedMacro | null): Promise<ArmedMacro | MacroOutcome | null> {
  if (armed || !macro) return armed;
  const checked = await armMacro(ctx, macro);
  return checked.ok ? checked.value : { macroId: macro.id, name: "this macro", applied: false, error: checked.error.message };
}

/** `finishMessage` with a macro that could not be armed late: the message stands, the macro is reported. */
async function finishWithMacro(
  ctx: ResolvedContext,
  macro: AppliedMacroInput | undefined,
  armed: ArmedMacro | null,
  finish: (armed: ArmedMacro | null) => Promise<{ value: SendOutcome; stored?: Record<string, unknown> }>,
): Promise<{ value: SendOutcome; stored?: Record<string, unknown> }> {
  const late = await macroForFinish(ctx, macro, armed);
  if (late === null || "plan" in late) return finish(late);
  const done = await finish(null);
  return { value: { ...done.value, macro: late }, stored: { ...done.stored, macro: late } };
}

/** After a confirmed message: Send & Close, then the outcome the agent sees. */
async function finishMessage(
  ctx: ResolvedContext,
  ticketId: number,
  operationId: string,
  message: Message,
  alreadySent: boolean,
  closeAfter: boolean,
  knownStatus: TicketStatus | null,
  /** Auto-assign: the replying agent, when the ticket had no assignee. One update with the close. */
  assignTo: number | null = null,
  /** Send & Snooze: the close carries this wake time (a snooze is `closed` + `snooze_datetime`). */
  snoozeUntil: string | null = null,
  /** A macro applied in the composer: its fields join the same update, its tags and note follow. */
  armed: ArmedMacro | null = null,
): Promise<{ value: SendOutcome; stored?: Record<string, unknown> }> {
  await ctx.share.message(message);
  let ticketStatus: TicketStatus = knownStatus ?? "open";
  let closed = false;
  let closeError: string | undefined;
  let macro: MacroOutcome | undefined;
  const closing = closeAfter ? { status: "closed" as const, ...(snoozeUntil ? { snoozeUntil } : {}) } : {};
  if (armed) {
    // Send & Close (or Snooze) is the agent's own click: it wins over the macro's status. Auto-assign is a
    // default: a macro that names an assignee wins over it.
    const extra = {
      ...closing,
      ...(assignTo !== null && armed.plan.fields.assigneeUserId === undefined ? { assigneeUserId: assignTo } : {}),
    };
    const run = await runMacro(ctx, ticketId, operationId, armed, extra);
    macro = run.macro;
    if (run.ticket) {
      ticketStatus = run.ticket.status;
      closed = closeAfter && ticketStatus === "closed";
    } else if (closeAfter && run.updateError) closeError = run.updateError;
  } else if (closeAfter || assignTo !== null) {
    // Absolute values, safe to repeat; their failure does not undo the send.
    const patch = { ...closing, ...(assignTo !== null ? { assigneeUserId: assignTo } : {}) };
    const update = await ctx.gorgias.tickets.update(ticketId, patch, { priority: "write" });
    if (update.ok) {
      ticketStatus = update.value.status;
      closed = closeAfter && ticketStatus === "closed";
      await ctx.share.ticket(update.value);
    } else if (closeAfter) closeError = fromUpstream(update.error).message;
  }
  if (!closeAfter && knownStatus === null && !armed) {
    const t = await ctx.gorgias.tickets.get(ticketId, { priority: "read" });
    if (t.ok) {
      ticketStatus = t.value.status;
      await ctx.share.ticket(t.value);
    }
  }
  const snoozed = closed && snoozeUntil ? { snoozedUntil: snoozeUntil } : {};
  const extras = { ...snoozed, ...(closeError ? { closeError } : {}), ...(macro ? { macro } : {}) };
  const value: SendOutcome = { operationId, message, alreadySent, ticketStatus, closed, ...extras };
  return { value, stored: { message, ticketStatus, closed, ...extras } };
}

/** What a send's record is keyed on besides its id: the same id with other text is refused. */
export const replyHash = (input: SendReplyInput): string => messageHash("reply", input.ticketId, input.bodyText, input.attachments);
export const noteHash = (input: SendNoteInput): string => messageHash("note", input.ticketId, input.bodyText, input.attachments);

export async function sendReply(context: SendContext, input: SendReplyInput): Promise<Result<SendOutcome, AppError>> {
  const ctx = resolveContext(context);
  const { gorgias, agent } = ctx;
  if (isReadOnlyRole(agent.role)) return err(OBSERVER_REFUSAL);
  const { ticketId, operationId } = input;
  const files = input.attachments ?? [];
  let knownStatus: TicketStatus | null = null;
  let assignTo: number | null = null;
  let armed: ArmedMacro | null = null;

  return runExactlyOnce<OutgoingReply, Message, SendOutcome>(ctx, {
    operationId,
    kind: "reply",
    ticketId,
    bodyHash: replyHash(input),
    auditAction: "ticket.reply",
    auditDetail: { closeAfter: input.closeAfter, ...(input.snoozeUntil ? { snoozeUntil: input.snoozeUntil } : {}), ...(input.macro ? { macroId: input.macro.id } : {}) },
    prepare: async () => {
      // A macro is checked before anything else: refused or changed, nothing is sent (docs/safety.md#macros).
      if (input.macro) {
        const checked = await armMacro(ctx, input.macro);
        if (!checked.ok) return refuse(checked.error, "failed", "macro_refused");
        armed = checked.value;
      }
      const macroIds = armed ? [armed.plan.macroId] : undefined;
      const ticket = await gorgias.tickets.get(ticketId, { priority: "send" });
      if (!ticket.ok) return refuse(fromUpstream(ticket.error), "failed", `ticket_${ticket.error.kind}`);
      knownStatus = ticket.value.status;
      // Auto-assign, as Gorgias does: a reply to an unassigned ticket makes it the replier's.
      assignTo = input.assignIfUnassigned && ticket.value.assigneeUser === null ? agent.gorgiasUserId : null;
      await ctx.share.ticket(ticket.value);
      // The ticket just read carries its thread when the messages we already held vouch that it is
      // whole; else the newest page is enough for both uses below: if even it holds nothing newer,
      // nothing older can be, and it holds the customer's latest message.
      const recent = wholeThreadOf(ticket.value, await ctx.share.knownMessages(ticketId)) ?? (await recentMessages(ctx, ticketId));
      if (!Array.isArray(recent)) return recent;
      if (!input.confirmNewerMessages) {
        // Before a reply goes out, anything newer than what the agent saw must be confirmed (docs/safety.md#stale-thread).
        const newer = newerMessageIds(recent, input.lastSeenMessageId, agent.gorgiasUserId);
        if (newer.length > 0) {
          return refuse(
            appError("conflict", "New messages arrived on this ticket since you opened it. Read them, then confirm to send your reply.", {
              fields: { newerMessages: newer.map(String) },
            }),
            "pending",
            "newer_messages",
          );
        }
      }
      // The channel follows the customer's latest message, or the agent's choice among those the
      // ticket offers, from the thread just read (docs/safety.md#reply-channel).
      const messages = recent;
      const routes = replyRoutes({ channel: ticket.value.channel, messages, customerEmail: ticket.value.customer?.email ?? null, replyChannels: ticket.value.replyChannels ?? [] });
      const route = input.replyOn === undefined ? routes[0] : routes.find((r) => r.channel === input.replyOn);
      if (!route) return refuse(appError("invalid_input", `This ticket cannot be answered on ${input.replyOn}.`), "failed", "no_route");
      if (route.refusal) return refuse(appError("invalid_input", route.refusal), "failed", "no_route");
      if (route.channel !== "email") {
        const addressing = deriveChannelReply({ customer: ticket.value.customer, messages }, route.channel, agent.gorgiasUserId);
        if (!addressing.ok) return refuse(appError("invalid_input", addressing.error), "failed", "no_route");
        return ok({ kind: "channel", request: { ...addressing.value, bodyText: input.bodyText, attachments: files, externalId: operationId, macroIds } });
      }
      // Integrations change rarely: the reference cache's copy (docs/safety.md#reply-from).
      const integrations = await gorgias.reference.integrations({ priority: "send" });
      if (!integrations.ok) return refuse(fromUpstream(integrations.error), "failed", `integrations_${integrations.error.kind}`);
      const addressing = deriveReply(ticket.value, emailSendersFor({ replyOptions: ticket.value.replyOptions, messages }, integrations.value), agent.gorgiasUserId);
      if (!addressing.ok) return refuse(appError("invalid_input", addressing.error), "failed", "no_route");
      // Signed from the integration it leaves from, once (docs/safety.md#signature).
      const signed = signBody(input.bodyText, signatureFor(integrations.value, addressing.value.integrationId, agent));
      return ok({ kind: "email", request: { ...addressing.value, ...signed, attachments: files, externalId: operationId, macroIds } });
    },
    post: async (reply) => {
      const created =
        reply.kind === "email"
          ? await gorgias.messages.createReply(ticketId, reply.request, { priority: "send" })
          : await gorgias.messages.createChannelReply(ticketId, reply.request, { priority: "send" });
      return created.ok ? ok(landedMessage(created.value)) : created;
    },
    readBack: readBackFor(ctx, ticketId, operationId),
    stored: (landed) => firstOutcome(landed.found, knownStatus, armed),
    finish: (landed, alreadySent) =>
      finishWithMacro(ctx, input.macro, armed, (macro) =>
        finishMessage(ctx, ticketId, operationId, landed.found, alreadySent, input.closeAfter || input.snoozeUntil !== undefined, knownStatus, alreadySent ? null : assignTo, input.snoozeUntil ?? null, macro),
      ),
    replay: replayOutcome,
  });
}

/** What a reply posts: an e-mail, or a message on the customer's messaging channel. */
type OutgoingReply = { readonly kind: "email"; readonly request: ReplyRequest } | { readonly kind: "channel"; readonly request: ChannelReplyRequest };

/** The newest page of the thread, when the ticket's embedded messages cannot be vouched for. */
async function recentMessages(ctx: ResolvedContext, ticketId: number): Promise<Message[] | Result<never, Refusal>> {
  const page = await ctx.gorgias.messages.list(ticketId, { limit: 100, order: "desc" }, { priority: "send" });
  return page.ok ? [...page.value.items] : refuse(fromUpstream(page.error), "failed", `thread_${page.error.kind}`);
}

export async function sendNote(context: SendContext, input: SendNoteInput): Promise<Result<SendOutcome, AppError>> {
  const ctx = resolveContext(context);
  const { gorgias, agent } = ctx;
  if (isReadOnlyRole(agent.role)) return err(OBSERVER_REFUSAL);
  const { ticketId, operationId } = input;
  const files = input.attachments ?? [];
  let knownStatus: TicketStatus | null = null;
  let armed: ArmedMacro | null = null;

  return runExactlyOnce<null, Message, SendOutcome>(ctx, {
    operationId,
    kind: "note",
    ticketId,
    bodyHash: noteHash(input),
    auditAction: "ticket.note",
    auditDetail: { closeAfter: input.closeAfter, mentions: input.mentionUserIds.length },
    prepare: async () => {
      if (input.macro) {
        const checked = await armMacro(ctx, input.macro);
        if (!checked.ok) return refuse(checked.error, "failed", "macro_refused");
        armed = checked.value;
      }
      // Nothing to derive beyond the sender (the note body is built by lib/gorgias: never public,
      // no recipients); the read tells a missing ticket apart and gives the status for the outcome.
      const ticket = await gorgias.tickets.get(ticketId, { priority: "send" });
      if (!ticket.ok) return refuse(fromUpstream(ticket.error), "failed", `ticket_${ticket.error.kind}`);
      knownStatus = ticket.value.status;
      await ctx.share.ticket(ticket.value);
      return ok(null);
    },
    post: async () => {
      const created = await gorgias.messages.createNote(
        ticketId,
        // Never signed: a note is for the team (docs/safety.md#signature).
        { senderUserId: agent.gorgiasUserId, bodyText: input.bodyText, attachments: files, externalId: operationId, mentionUserIds: input.mentionUserIds, ...(armed ? { macroIds: [armed.plan.macroId] } : {}) },
        { priority: "send" },
      );
      return created.ok ? ok(landedMessage(created.value)) : created;
    },
    readBack: readBackFor(ctx, ticketId, operationId),
    stored: (landed) => firstOutcome(landed.found, knownStatus, armed),
    finish: (landed, alreadySent) =>
      finishWithMacro(ctx, input.macro, armed, (macro) => finishMessage(ctx, ticketId, operationId, landed.found, alreadySent, input.closeAfter, knownStatus, null, null, macro)),
    replay: replayOutcome,
  });
}
