import "server-only";
import { shareTicket } from "@/features/live/server";
import { recordAudit, type Db } from "@/lib/db";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { UpdateTicketInput } from "@/lib/domain/contract/inputs";
import type { Ticket } from "@/lib/domain/ticket";
import { fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient, GorgiasError } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import type { z } from "zod";

export interface UpdateContext {
  readonly db: Db;
  readonly gorgias: GorgiasClient;
  readonly agent: SignedInAgent;
  /** Set when an assistant changes the ticket through a personal access token. */
  readonly assistantTokenId?: string | null;
  /** Facts for the audit row beside the fields (an assistant's operation id). */
  readonly auditDetail?: Record<string, unknown>;
}

/**
 * Status, priority, assignee, team, snooze, spam, trash: absolute values, so a retry is harmless
 * (docs/safety.md#absolute-updates). Audited, and Gorgias's answer goes into the shared cache.
 * A snooze goes with `status: closed` (docs/architecture.md, "Snooze"); trashing stamps the server's time.
 */
export async function updateTicketFields(ctx: UpdateContext, input: z.output<typeof UpdateTicketInput>): Promise<Result<Ticket, AppError>> {
  const { agent, gorgias } = ctx;
  const { ticketId, snoozeUntil, trashed, ...rest } = input;
  const status = snoozeUntil ? "closed" : rest.status;
  const trashedAt = trashed === undefined ? undefined : trashed ? new Date().toISOString() : null;
  const result = await gorgias.tickets.update(ticketId, { ...rest, status, snoozeUntil, trashedAt }, { priority: "write" });
  await recordAudit(ctx.db, {
    agentId: agent.agentId,
    accountDomain: agent.accountDomain,
    action: "ticket.update",
    ticketId,
    outcome: result.ok ? "ok" : "error",
    assistantTokenId: ctx.assistantTokenId ?? null,
    detail: { ...ctx.auditDetail, fields: Object.keys(rest).concat(snoozeUntil !== undefined ? ["snoozeUntil"] : [], trashed !== undefined ? ["trashed"] : []), ...(result.ok ? {} : { error: result.error.kind }) },
  });
  if (result.ok) await shareTicket(agent.accountDomain, result.value);
  return result.ok ? ok(result.value) : err(fromUpstream(result.error));
}

/**
 * Tags added or removed by name, never the whole set replaced (docs/safety.md#absolute-updates): both
 * are safe to repeat. Audited like the fields.
 */
export async function changeTicketTags(ctx: UpdateContext, ticketId: number, change: { add: readonly string[]; remove: readonly string[] }): Promise<Result<void, AppError>> {
  const { agent, gorgias } = ctx;
  let failure: Result<void, GorgiasError> = ok(undefined);
  if (change.add.length > 0) failure = await gorgias.tags.addToTicket(ticketId, { names: change.add }, { priority: "write" });
  if (failure.ok && change.remove.length > 0) failure = await gorgias.tags.removeFromTicket(ticketId, { names: change.remove }, { priority: "write" });
  await recordAudit(ctx.db, {
    agentId: agent.agentId,
    accountDomain: agent.accountDomain,
    action: "ticket.tags",
    ticketId,
    outcome: failure.ok ? "ok" : "error",
    assistantTokenId: ctx.assistantTokenId ?? null,
    detail: { ...ctx.auditDetail, added: change.add.length, removed: change.remove.length, ...(failure.ok ? {} : { error: failure.error.kind }) },
  });
  if (!failure.ok) return err(fromUpstream(failure.error));
  gorgias.reference.invalidate("tags");
  return ok(undefined);
}
