/**
 * create_ticket and update_ticket. A new ticket opens with an internal note unless e-mail is asked
 * for and allowed (then previewed and confirmed); an update to more than a few tickets is itemized
 * and confirmed (docs/safety.md#assistant-notes, #assistant-confirm, #absolute-updates).
 */
import { newTicketHash } from "@/features/composer/server";
import { createTicket as createTicketOnce } from "@/features/new-ticket/server";
import { changeTicketTags, updateTicketFields, type UpdateContext } from "@/features/ticket/server";
import type { TicketSummary } from "@/lib/domain/ticket";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";
import { derivedOperationId, issue, payloadHash, presented } from "./confirm";
import { sendContextOf, type AssistantContext } from "./context";
import { NO_SEND_SCOPE } from "./messages";
import { BULK_CONFIRM_ABOVE, type Args, type createTicketInput, type createTicketOutput, type updateTicketInput, type updateTicketOutput } from "./schemas";
import { untrusted } from "./untrusted";

export async function createTicket(ctx: AssistantContext, input: Args<typeof createTicketInput>): Promise<Result<Args<typeof createTicketOutput>, AppError>> {
  const kind = input.channel === "email" ? "email" : "note";
  if (kind === "email" && !ctx.scopes.includes("send")) return err(NO_SEND_SCOPE);
  const request = { customerEmail: input.customerEmail, customerName: input.customerName, subject: input.subject, bodyText: input.bodyText, tagNames: input.tags, kind } as const;
  const hash = newTicketHash(request);
  let operationId = input.operationId ?? derivedOperationId(ctx, "ticket", `customer:${input.customerEmail.toLowerCase()}`, hash);
  if (kind === "email") {
    if (input.confirmationToken === undefined) {
      operationId = input.operationId ?? crypto.randomUUID();
      const confirmation = await issue(ctx, { kind: "ticket", ticketId: null, payloadHash: hash, newestMessageId: null, operationId });
      return ok({
        status: "confirmation_required",
        ticketId: null,
        operationId,
        alreadyCreated: false,
        confirmation: { ...confirmation, to: input.customerEmail, subject: untrusted(input.subject), bodyText: input.bodyText, newestMessageId: null },
      });
    }
    const shown = await presented(ctx, input.confirmationToken, { kind: "ticket", ticketId: null, payloadHash: hash });
    if (!shown.ok) return shown;
    operationId = shown.value.confirmation.operationId;
  }
  const created = await createTicketOnce(sendContextOf(ctx), { ...request, operationId });
  return created.ok ? ok({ status: "created", ticketId: created.value.ticketId, operationId, alreadyCreated: created.value.alreadyCreated, confirmation: null }) : created;
}

type UpdateArgs = Args<typeof updateTicketInput>;
type UpdateOutput = Args<typeof updateTicketOutput>;
type Item = UpdateOutput["items"][number];

/** The change, in words, for the itemized confirmation and the answer. */
function describe(input: UpdateArgs): string {
  const parts: string[] = [];
  if (input.status) parts.push(`status → ${input.status}`);
  if (input.priority) parts.push(`priority → ${input.priority}`);
  if (input.assigneeUserId !== undefined) parts.push(input.assigneeUserId === null ? "unassign the agent" : `assign user ${input.assigneeUserId}`);
  if (input.assigneeTeamId !== undefined) parts.push(input.assigneeTeamId === null ? "unassign the team" : `assign team ${input.assigneeTeamId}`);
  if (input.addTags.length) parts.push(`add tags ${input.addTags.join(", ")}`);
  if (input.removeTags.length) parts.push(`remove tags ${input.removeTags.join(", ")}`);
  return parts.join("; ");
}

const before = (t: TicketSummary): Item["before"] => ({
  status: t.status,
  priority: t.priority,
  assigneeUserId: t.assigneeUser?.id ?? null,
  assigneeTeamId: t.assigneeTeam?.id ?? null,
  tags: t.tags.map((tag) => tag.name),
});

export async function updateTicket(ctx: AssistantContext, input: UpdateArgs): Promise<Result<UpdateOutput, AppError>> {
  const ids = [...new Set([...(input.ticketId !== undefined ? [input.ticketId] : []), ...(input.ticketIds ?? [])])].sort((a, b) => a - b);
  if (ids.length === 0) return err(appError("invalid_input", "Name the ticket to change (ticketId or ticketIds).", { fields: { ticketId: ["Required."] } }));
  const change = describe(input);
  if (!change) return err(appError("invalid_input", "Nothing to change: give a status, priority, assignee, team or tags."));
  // Only what is being changed: Gorgias's PUT is partial, and the audit row lists the fields.
  const fields = Object.fromEntries(
    Object.entries({ status: input.status, priority: input.priority, assigneeUserId: input.assigneeUserId, assigneeTeamId: input.assigneeTeamId }).filter(([, v]) => v !== undefined),
  ) as Pick<UpdateArgs, "status" | "priority" | "assigneeUserId" | "assigneeTeamId">;
  const hash = payloadHash({ ids, fields, addTags: [...input.addTags].sort(), removeTags: [...input.removeTags].sort() });
  let operationId = input.operationId ?? derivedOperationId(ctx, "ticket", `update:${ids.join(",")}`, hash);

  if (ids.length > BULK_CONFIRM_ABOVE) {
    if (input.confirmationToken === undefined) return itemizedPreview(ctx, ids, change, hash, input.operationId ?? crypto.randomUUID());
    const shown = await presented(ctx, input.confirmationToken, { kind: "update", ticketId: null, payloadHash: hash });
    if (!shown.ok) return shown;
    operationId = shown.value.confirmation.operationId;
  }

  const uctx: UpdateContext = { db: ctx.db, gorgias: ctx.gorgias, agent: ctx.agent, assistantTokenId: ctx.tokenId, auditDetail: { operationId } };
  const hasFields = Object.keys(fields).length > 0;
  const items: Item[] = [];
  // One after another: each is two requests at most, and the token's cap paces them anyway.
  for (const ticketId of ids) {
    let result: Result<unknown, AppError> = ok(null);
    let subject: string | null = null;
    if (hasFields) {
      const updated = await updateTicketFields(uctx, { ticketId, ...fields });
      result = updated;
      if (updated.ok) subject = updated.value.subject;
    }
    if (result.ok && (input.addTags.length || input.removeTags.length)) result = await changeTicketTags(uctx, ticketId, { add: input.addTags, remove: input.removeTags });
    items.push({
      ticketId,
      subject: untrusted(subject),
      before: null,
      outcome: result.ok ? "updated" : result.error.code === "not_found" ? "not_found" : "failed",
      error: result.ok ? null : result.error.message,
    });
  }
  const failed = items.filter((i) => i.outcome !== "updated").length;
  if (failed === items.length) return err(appError(items[0]?.outcome === "not_found" ? "not_found" : "upstream_unavailable", items.map((i) => `#${i.ticketId}: ${i.error}`).join(" ")));
  return ok({ status: failed ? "partly_updated" : "updated", operationId, change, items, confirmation: null });
}

/** Every ticket with what it is now and what would change, read in one request; nothing changes. */
async function itemizedPreview(ctx: AssistantContext, ids: readonly number[], change: string, hash: string, operationId: string): Promise<Result<UpdateOutput, AppError>> {
  const page = await ctx.gorgias.tickets.list({ ticketIds: ids, limit: ids.length }, { priority: "read" });
  if (!page.ok) return err(fromUpstream(page.error));
  const byId = new Map(page.value.items.map((t) => [t.id, t]));
  const items: Item[] = ids.map((ticketId) => {
    const t = byId.get(ticketId);
    return t
      ? { ticketId, subject: untrusted(t.subject), before: before(t), outcome: "pending_confirmation", error: null }
      : { ticketId, subject: null, before: null, outcome: "not_found", error: "Not found, or not visible to this agent." };
  });
  const confirmation = await issue(ctx, { kind: "update", ticketId: null, payloadHash: hash, newestMessageId: null, operationId });
  return ok({ status: "confirmation_required", operationId, change, items, confirmation });
}
