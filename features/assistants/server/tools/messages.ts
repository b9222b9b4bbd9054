/**
 * create_ticket_message: an internal note unless the assistant asks for e-mail and its token may
 * send; an e-mail takes a preview and a confirmation (docs/safety.md#assistant-notes,
 * #assistant-confirm). Both go through the composer's exactly-once pipeline.
 */
import { messageHash, replySubject, sendNote, sendReply } from "@/features/composer/server";
import type { SendOutcome } from "@/lib/domain/send";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";
import { derivedOperationId, issue, newestMessageId, presented, threadUnchanged } from "./confirm";
import { sendContextOf, type AssistantContext } from "./context";
import type { Args, createTicketMessageInput, createTicketMessageOutput } from "./schemas";
import { untrusted } from "./untrusted";

type Output = Args<typeof createTicketMessageOutput>;

export const NO_SEND_SCOPE = appError(
  "forbidden",
  "This token may not e-mail customers. Add an internal note instead (channel internal-note), or ask the agent for a token with the send scope.",
  { fields: { channel: ["send_scope_required"] } },
);

const sent = (status: Output["status"], ticketId: number, operationId: string, outcome: SendOutcome): Output => ({
  status,
  ticketId,
  operationId,
  messageId: outcome.message.id,
  alreadySent: outcome.alreadySent,
  confirmation: null,
});

export async function createTicketMessage(ctx: AssistantContext, input: Args<typeof createTicketMessageInput>): Promise<Result<Output, AppError>> {
  const { ticketId, bodyText } = input;
  if (input.channel === "internal-note") {
    const operationId = input.operationId ?? derivedOperationId(ctx, "note", `ticket:${ticketId}`, messageHash("note", ticketId, bodyText));
    const note = await sendNote(sendContextOf(ctx), { ticketId, operationId, bodyText, mentionUserIds: [], closeAfter: false });
    return note.ok ? ok(sent("note_added", ticketId, operationId, note.value)) : note;
  }
  if (!ctx.scopes.includes("send")) return err(NO_SEND_SCOPE);
  const hash = messageHash("reply", ticketId, bodyText);
  if (input.confirmationToken === undefined) return previewReply(ctx, ticketId, bodyText, hash, input.operationId);

  const shown = await presented(ctx, input.confirmationToken, { kind: "reply", ticketId, payloadHash: hash });
  if (!shown.ok) return shown;
  const { confirmation, started } = shown.value;
  if (!started) {
    const unchanged = await threadUnchanged(ctx, confirmation);
    if (!unchanged.ok) return unchanged;
  }
  const reply = await sendReply(sendContextOf(ctx), {
    ticketId,
    operationId: confirmation.operationId,
    bodyText,
    lastSeenMessageId: confirmation.newestMessageId,
    confirmNewerMessages: false,
    closeAfter: false,
    // The assistant asked for an e-mail, and its preview showed one.
    replyOn: "email",
    assignIfUnassigned: false,
  });
  return reply.ok ? ok(sent("email_sent", ticketId, confirmation.operationId, reply.value)) : reply;
}

/** What would be e-mailed, to whom, and the token that sends it; nothing is sent. */
async function previewReply(ctx: AssistantContext, ticketId: number, bodyText: string, hash: string, given: string | undefined): Promise<Result<Output, AppError>> {
  const ticket = await ctx.gorgias.tickets.get(ticketId, { priority: "read" });
  if (!ticket.ok) return err(fromUpstream(ticket.error));
  const to = ticket.value.customer?.email ?? null;
  if (!to) return err(appError("invalid_input", "This ticket's customer has no e-mail address, so a reply cannot be e-mailed. Add an internal note instead."));
  const newest = await newestMessageId(ctx, ticketId);
  if (!newest.ok) return newest;
  const operationId = given ?? crypto.randomUUID();
  const confirmation = await issue(ctx, { kind: "reply", ticketId, payloadHash: hash, newestMessageId: newest.value, operationId });
  return ok({
    status: "confirmation_required",
    ticketId,
    operationId,
    messageId: null,
    alreadySent: false,
    confirmation: { ...confirmation, to, subject: untrusted(replySubject(ticket.value.subject)), bodyText, newestMessageId: newest.value },
  });
}
