/**
 * Personal access tokens for assistants (docs/safety.md#assistant-tokens). The token is shown once,
 * when it is made; the table keeps its SHA-256 and a short hint. A call with it resolves to the
 * agent who made it, within its scopes, until it is revoked.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { profileColumns, type AgentProfile } from "./agents";
import type { DbOrTx } from "./store";
import { agents, assistantScopes, assistantTokens, type AssistantScope } from "./schema";

export { assistantScopes, type AssistantScope };

/** Says what it is wherever it is pasted (and lets secret scanners spot a leaked one). */
export const ASSISTANT_TOKEN_PREFIX = "gdk_";
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^gdk_[A-Za-z0-9_-]{43}$/;
/** Shown in the list: the prefix and 4 characters, far too few to guess the rest. */
const HINT_CHARS = ASSISTANT_TOKEN_PREFIX.length + 4;

export const hashAssistantToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export const looksLikeAssistantToken = (token: string): boolean => TOKEN_SHAPE.test(token);

/** What the settings page lists: never the token or its hash. */
export interface AssistantTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly hint: string;
  readonly scopes: readonly AssistantScope[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

const infoColumns = {
  id: assistantTokens.id,
  name: assistantTokens.name,
  hint: assistantTokens.hint,
  scopes: assistantTokens.scopes,
  createdAt: assistantTokens.createdAt,
  lastUsedAt: assistantTokens.lastUsedAt,
  revokedAt: assistantTokens.revokedAt,
};

/** Scopes in their canonical order, each once; the column's CHECK refuses anything else. */
const canonicalScopes = (scopes: readonly string[]): AssistantScope[] => assistantScopes.filter((s) => scopes.includes(s));

const toInfo = (row: { scopes: string[] } & Omit<AssistantTokenInfo, "scopes">): AssistantTokenInfo => ({ ...row, scopes: canonicalScopes(row.scopes) });

export type CreateAssistantTokenInput = {
  agentId: string;
  accountDomain: string;
  name: string;
  scopes: readonly AssistantScope[];
  now?: Date;
};

/** Returns the token itself exactly once; only its hash is stored. */
export async function createAssistantToken(db: DbOrTx, input: CreateAssistantTokenInput): Promise<{ token: string; info: AssistantTokenInfo }> {
  const token = `${ASSISTANT_TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  const [row] = await db
    .insert(assistantTokens)
    .values({
      agentId: input.agentId,
      accountDomain: input.accountDomain,
      name: input.name,
      tokenHash: hashAssistantToken(token),
      hint: token.slice(0, HINT_CHARS),
      scopes: canonicalScopes(input.scopes),
      createdAt: input.now ?? new Date(),
    })
    .returning(infoColumns);
  if (!row) throw new Error("createAssistantToken: insert returned no row");
  return { token, info: toInfo(row) };
}

/** The agent's tokens, live ones first, newest first within each group. */
export async function listAssistantTokens(db: DbOrTx, agentId: string): Promise<AssistantTokenInfo[]> {
  const rows = await db
    .select(infoColumns)
    .from(assistantTokens)
    .where(eq(assistantTokens.agentId, agentId))
    .orderBy(asc(sql`${assistantTokens.revokedAt} is not null`), desc(assistantTokens.createdAt));
  return rows.map(toInfo);
}

/** Revokes one of the agent's own tokens; false when it is not theirs or already revoked. */
export async function revokeAssistantToken(db: DbOrTx, agentId: string, tokenId: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(assistantTokens)
    .set({ revokedAt: now })
    .where(and(eq(assistantTokens.id, tokenId), eq(assistantTokens.agentId, agentId), isNull(assistantTokens.revokedAt)))
    .returning({ id: assistantTokens.id });
  return rows.length > 0;
}

export interface ResolvedAssistantToken {
  readonly token: { readonly id: string; readonly name: string; readonly scopes: readonly AssistantScope[] };
  readonly agent: AgentProfile;
}

/**
 * The live token and the agent it acts for, stamping its last use; null when it is unknown or
 * revoked. Check and stamp are one guarded UPDATE, so a token revoked a moment ago cannot be used by
 * a call racing the revocation.
 */
export async function resolveAssistantToken(db: DbOrTx, token: string, now: Date = new Date()): Promise<ResolvedAssistantToken | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .update(assistantTokens)
    .set({ lastUsedAt: now })
    .from(agents)
    .where(and(eq(assistantTokens.tokenHash, hashAssistantToken(token)), eq(assistantTokens.agentId, agents.id), isNull(assistantTokens.revokedAt)))
    .returning({
      tokenId: assistantTokens.id,
      tokenName: assistantTokens.name,
      scopes: assistantTokens.scopes,
      ...profileColumns,
    });
  if (!row) return null;
  const { tokenId, tokenName, scopes, ...agent } = row;
  return { token: { id: tokenId, name: tokenName, scopes: canonicalScopes(scopes) }, agent };
}
