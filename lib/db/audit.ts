import { and, desc, eq, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "./store";
import { agents, auditLog, type AuditOutcome, type AuditRow } from "./schema";

export type AuditEntryInput = {
  agentId: string | null;
  accountDomain: string;
  /** A stable verb, e.g. 'sign_in', 'ticket.reply', 'ticket.status'. */
  action: string;
  ticketId?: number | null;
  outcome: AuditOutcome;
  /** Small, non-secret facts only: never message bodies, never keys or tokens. */
  detail?: Record<string, unknown> | null;
  /** The personal access token an assistant acted through, if it was one (its id, never the token). */
  assistantTokenId?: string | null;
  at?: Date;
};

export type AuditEntry = AuditRow;

export async function recordAudit(db: DbOrTx, entry: AuditEntryInput): Promise<AuditEntry> {
  const [row] = await db
    .insert(auditLog)
    .values({
      agentId: entry.agentId,
      accountDomain: entry.accountDomain,
      action: entry.action,
      ticketId: entry.ticketId ?? null,
      outcome: entry.outcome,
      detail: entry.detail ?? null,
      assistantTokenId: entry.assistantTokenId ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    })
    .returning();
  if (!row) throw new Error("recordAudit: insert returned no row");
  return row;
}

export type ListAuditOptions = {
  accountDomain: string;
  agentId?: string;
  ticketId?: number;
  action?: string;
  assistantTokenId?: string;
  /** Keyset pagination: pass the last id of the previous page. */
  beforeId?: number;
  limit?: number;
};

/** Newest first, always scoped to one account. */
export async function listAudit(db: DbOrTx, options: ListAuditOptions): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const conditions: SQL[] = [eq(auditLog.accountDomain, options.accountDomain)];
  if (options.agentId !== undefined) conditions.push(eq(auditLog.agentId, options.agentId));
  if (options.ticketId !== undefined) conditions.push(eq(auditLog.ticketId, options.ticketId));
  if (options.action !== undefined) conditions.push(eq(auditLog.action, options.action));
  if (options.assistantTokenId !== undefined) conditions.push(eq(auditLog.assistantTokenId, options.assistantTokenId));
  if (options.beforeId !== undefined) conditions.push(lt(auditLog.id, options.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** One entry by its id, within the account (null when it is another account's or does not exist). */
export async function findAudit(db: DbOrTx, accountDomain: string, id: number): Promise<AuditEntry | null> {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.id, id), eq(auditLog.accountDomain, accountDomain)))
    .limit(1);
  return row ?? null;
}

/** The audit verbs of ticket changes (the ticket feature's updates and tag changes). */
export const TICKET_CHANGE_ACTIONS = ["ticket.update", "ticket.tags"] as const;

/**
 * The latest successful changes to a ticket made through an assistant token, newest first, with the
 * name of the agent the assistant acted for (docs/safety.md#assistant-visible).
 */
export async function assistantTicketChanges(db: DbOrTx, accountDomain: string, ticketId: number, limit = 5): Promise<Array<AuditEntry & { agentName: string | null }>> {
  const rows = await db
    .select({ entry: auditLog, agentName: agents.name })
    .from(auditLog)
    .leftJoin(agents, eq(agents.id, auditLog.agentId))
    .where(
      and(
        eq(auditLog.accountDomain, accountDomain),
        eq(auditLog.ticketId, ticketId),
        isNotNull(auditLog.assistantTokenId),
        eq(auditLog.outcome, "ok"),
        inArray(auditLog.action, [...TICKET_CHANGE_ACTIONS]),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.entry, agentName: r.agentName }));
}
