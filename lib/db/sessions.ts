import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { profileColumns, type AgentProfile } from "./agents";
import type { DbOrTx } from "./store";
import { agents, sessions } from "./schema";

export const SESSION_IDLE_TIMEOUT_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const SESSION_TOKEN_BYTES = 32;

export type SessionMeta = { userAgent?: string | null; ip?: string | null };

export type SessionInfo = {
  id: string;
  agentId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
};

export type ResolvedSession = { session: SessionInfo; agent: AgentProfile };

/** 43 characters of base64url; anything else cannot be one of our tokens. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Only this digest is stored, so a read of the table or a backup cannot be replayed as a cookie. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Returns the opaque token for the cookie; the database keeps only its hash. */
export async function createSession(
  db: DbOrTx,
  agentId: string,
  meta: SessionMeta = {},
  now: Date = new Date(),
): Promise<{ token: string; session: SessionInfo }> {
  const token = randomBytes(SESSION_TOKEN_BYTES).toString("base64url");
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
  const idleExpiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_TIMEOUT_MS, absoluteExpiresAt.getTime()));
  const [row] = await db
    .insert(sessions)
    .values({
      id: hashSessionToken(token),
      agentId,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt,
      absoluteExpiresAt,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      ip: meta.ip ?? null,
    })
    .returning(sessionColumns);
  if (!row) throw new Error("createSession: insert returned no row");
  return { token, session: row };
}

const sessionColumns = {
  id: sessions.id,
  agentId: sessions.agentId,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  idleExpiresAt: sessions.idleExpiresAt,
  absoluteExpiresAt: sessions.absoluteExpiresAt,
};

/**
 * The live session and its agent (never the API key), or null when the token is unknown, revoked
 * or expired. Validity check and idle slide are one guarded UPDATE, so a session revoked or
 * expired a moment ago cannot be revived by a request racing it.
 */
export async function resolveSession(
  db: DbOrTx,
  token: string,
  now: Date = new Date(),
): Promise<ResolvedSession | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const nowIso = now.toISOString();
  const slidTo = new Date(now.getTime() + SESSION_IDLE_TIMEOUT_MS).toISOString();
  const [row] = await db
    .update(sessions)
    .set({
      lastSeenAt: sql`${nowIso}::timestamptz`,
      idleExpiresAt: sql`least(${slidTo}::timestamptz, ${sessions.absoluteExpiresAt})`,
    })
    .from(agents)
    .where(
      and(
        eq(sessions.id, hashSessionToken(token)),
        eq(sessions.agentId, agents.id),
        isNull(sessions.revokedAt),
        gt(sessions.idleExpiresAt, sql`${nowIso}::timestamptz`),
        gt(sessions.absoluteExpiresAt, sql`${nowIso}::timestamptz`),
      ),
    )
    .returning({
      ...sessionColumns,
      agentAccountDomain: agents.accountDomain,
      agentGorgiasUserId: agents.gorgiasUserId,
      agentEmail: agents.email,
      agentName: agents.name,
      agentRole: agents.role,
    });
  if (!row) return null;
  return {
    session: {
      id: row.id,
      agentId: row.agentId,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      idleExpiresAt: row.idleExpiresAt,
      absoluteExpiresAt: row.absoluteExpiresAt,
    },
    agent: {
      id: row.agentId,
      accountDomain: row.agentAccountDomain,
      gorgiasUserId: row.agentGorgiasUserId,
      email: row.agentEmail,
      name: row.agentName,
      role: row.agentRole,
    },
  };
}

/** Sign-out. Returns whether a live session was revoked. */
export async function revokeSession(db: DbOrTx, token: string, now: Date = new Date()): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, hashSessionToken(token)), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Signs the agent out everywhere (key changed, access removed). Returns how many were revoked. */
export async function revokeAgentSessions(db: DbOrTx, agentId: string, now: Date = new Date()): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.agentId, agentId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Housekeeping: drops sessions that can no longer be used. Returns how many were deleted. */
export async function deleteDeadSessions(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const nowIso = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .delete(sessions)
    .where(
      or(
        sql`${sessions.revokedAt} is not null`,
        lt(sessions.idleExpiresAt, nowIso),
        lt(sessions.absoluteExpiresAt, nowIso),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * The account's most recently active signed-in agent whose role sees every ticket: whose key the
 * change feed reads with when no agent's request is at hand. Null when nobody of the account is
 * signed in (then nobody is watching either).
 */
export async function latestActiveAgentOf(db: DbOrTx, accountDomain: string, roles: readonly string[], now: Date = new Date()): Promise<string | null> {
  const nowIso = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .select({ agentId: sessions.agentId })
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(
      and(
        eq(agents.accountDomain, accountDomain),
        inArray(agents.role, [...roles]),
        isNull(sessions.revokedAt),
        gt(sessions.idleExpiresAt, nowIso),
        gt(sessions.absoluteExpiresAt, nowIso),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(1);
  return row?.agentId ?? null;
}

/**
 * The agent of a live session, without sliding its idle expiry: for requests that are not the
 * agent's activity — a long-lived response (the live stream) re-checking the session it was opened
 * with, a tab's presence heartbeats. An open tab must not keep a session alive forever.
 */
export async function liveSessionAgent(db: DbOrTx, token: string, now: Date = new Date()): Promise<AgentProfile | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const nowIso = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .select(profileColumns)
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(and(eq(sessions.id, hashSessionToken(token)), isNull(sessions.revokedAt), gt(sessions.idleExpiresAt, nowIso), gt(sessions.absoluteExpiresAt, nowIso)));
  return row ?? null;
}

/** Whether a session is still live, without sliding its idle expiry (see `liveSessionAgent`). */
export async function isSessionLive(db: DbOrTx, token: string, now: Date = new Date()): Promise<boolean> {
  return (await liveSessionAgent(db, token, now)) !== null;
}
