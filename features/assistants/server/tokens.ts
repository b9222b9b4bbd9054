import "server-only";
import {
  createAssistantToken,
  listAssistantTokens,
  listAudit,
  recordAudit,
  revokeAssistantToken,
  type AssistantTokenInfo,
  type AuditEntry,
  type Db,
} from "@/lib/db";
import type { AssistantCallView, AssistantTokenView } from "@/lib/domain/assistant";
import type { CreateAssistantTokenInput, RevokeAssistantTokenInput } from "@/lib/domain/contract/inputs";
import { isReadOnlyRole } from "@/lib/domain/user";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import { appError, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";

/** How many of a token's calls its row lists. */
export const RECENT_CALLS = 10;

const MCP_PREFIX = "mcp.";

function callView(row: AuditEntry): AssistantCallView {
  const reason = row.detail?.reason;
  return {
    id: row.id,
    at: row.at.toISOString(),
    tool: row.action.startsWith(MCP_PREFIX) ? row.action.slice(MCP_PREFIX.length) : row.action,
    ticketId: row.ticketId,
    outcome: row.outcome,
    reason: typeof reason === "string" ? reason : null,
  };
}

function tokenView(info: AssistantTokenInfo, calls: readonly AuditEntry[]): AssistantTokenView {
  return {
    id: info.id,
    name: info.name,
    hint: info.hint,
    scopes: info.scopes,
    createdAt: info.createdAt.toISOString(),
    lastUsedAt: info.lastUsedAt?.toISOString() ?? null,
    revokedAt: info.revokedAt?.toISOString() ?? null,
    recentCalls: calls.map(callView),
  };
}

/** The agent's tokens with each one's latest tool calls (the audit log's `mcp.*` rows). */
export async function assistantTokensOf(db: Db, agent: SignedInAgent): Promise<AssistantTokenView[]> {
  const tokens = await listAssistantTokens(db, agent.agentId);
  return Promise.all(
    tokens.map(async (t) => {
      const calls = await listAudit(db, { accountDomain: agent.accountDomain, agentId: agent.agentId, assistantTokenId: t.id, limit: RECENT_CALLS * 2 });
      return tokenView(t, calls.filter((c) => c.action.startsWith(MCP_PREFIX)).slice(0, RECENT_CALLS));
    }),
  );
}

/**
 * A new token, returned in clear this once. An observer's key cannot write in Gorgias, so their
 * tokens may only read (docs/safety.md#assistant-tokens).
 */
export async function makeAssistantToken(db: Db, agent: SignedInAgent, input: CreateAssistantTokenInput): Promise<Result<{ token: string; view: AssistantTokenView }, AppError>> {
  if (isReadOnlyRole(agent.role) && input.scopes.some((s) => s !== "read")) {
    return err(appError("forbidden", "Your Gorgias role can read tickets but not change them, so your assistants can only read.", { fields: { scopes: ["Only read is available for your role."] } }));
  }
  const { token, info } = await createAssistantToken(db, { agentId: agent.agentId, accountDomain: agent.accountDomain, name: input.name, scopes: input.scopes });
  await recordAudit(db, { agentId: agent.agentId, accountDomain: agent.accountDomain, action: "assistant_token.create", outcome: "ok", assistantTokenId: info.id, detail: { scopes: info.scopes } });
  return ok({ token, view: tokenView(info, []) });
}

export async function revokeOwnToken(db: Db, agent: SignedInAgent, input: RevokeAssistantTokenInput): Promise<Result<{ revoked: true }, AppError>> {
  const revoked = await revokeAssistantToken(db, agent.agentId, input.tokenId);
  if (!revoked) return err(appError("not_found", "No such token of yours, or it is already revoked."));
  await recordAudit(db, { agentId: agent.agentId, accountDomain: agent.accountDomain, action: "assistant_token.revoke", outcome: "ok", assistantTokenId: input.tokenId });
  return ok({ revoked: true });
}
