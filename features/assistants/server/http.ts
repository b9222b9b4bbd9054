import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { writeShare } from "@/features/live/server";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { appStore } from "@/lib/auth/app-store";
import { assistantTokenGate } from "@/lib/auth/budget-options";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import { resolveAssistantToken } from "@/lib/db";
import { appError, type AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/error-response";
import { logger } from "@/lib/server/logger";
import { requestIdFrom } from "@/lib/server/request-id";
import { assistantServer } from "./tools/server";

/** An MCP request is a few kilobytes; a note is at most MAX_BODY_CHARS. */
const MAX_BODY_BYTES = 256 * 1024;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function refuse(error: AppError, requestId: string): Response {
  const response = errorResponse({ ...error, requestId });
  if (error.code === "unauthenticated" || error.code === "reauth_required") response.headers.set("WWW-Authenticate", 'Bearer realm="gorgias-desk"');
  return response;
}

/**
 * A browser page of another site must not drive the endpoint (DNS rebinding, docs/safety.md#assistant-tokens):
 * MCP clients send no Origin; a browser on the Desk itself sends its own.
 */
function foreignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host);
  } catch {
    return true;
  }
}

/**
 * `POST /api/mcp`: Streamable HTTP, stateless (a server per request, so any instance answers any
 * call). The bearer token names the agent and the scopes; the agent's own stored Gorgias key makes the
 * calls, in the assistant lane and within the token's cap (docs/safety.md#assistant-budget).
 */
export async function handleMcpRequest(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const token = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!token) return refuse(appError("unauthenticated", "Send a personal access token from the Desk's Assistants page: Authorization: Bearer <token>."), requestId);
  if (foreignOrigin(request)) return refuse(appError("forbidden", "Requests from another site's pages are refused."), requestId);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(appError("invalid_input", "The request is too large."), requestId);
  try {
    const { db } = await appStore();
    const resolved = await resolveAssistantToken(db, token);
    if (!resolved) return refuse(appError("unauthenticated", "This token is unknown or revoked. Make a new one on the Desk's Assistants page."), requestId);
    const { token: pat, agent: profile } = resolved;
    const agent: SignedInAgent = { agentId: profile.id, accountDomain: profile.accountDomain, gorgiasUserId: profile.gorgiasUserId, email: profile.email, name: profile.name, role: profile.role };
    const gorgias = await gorgiasFor(agent, { lane: "assistant", gate: await assistantTokenGate(pat.id) });
    if (!gorgias) return refuse(appError("reauth_required", "The agent's stored Gorgias key is no longer usable: they must sign in to the Desk again."), requestId);
    const server = assistantServer({ db, gorgias, agent, tokenId: pat.id, scopes: pat.scopes, transport: "http", share: writeShare(agent.accountDomain) });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: MAX_BODY_BYTES });
    await server.connect(transport);
    try {
      const response = await transport.handleRequest(request);
      response.headers.set("Cache-Control", "private, no-store");
      response.headers.set("X-Request-Id", requestId);
      return response;
    } finally {
      await server.close();
    }
  } catch (e) {
    logger.error({ err: e, requestId, route: "/api/mcp" }, "assistant endpoint failed");
    return refuse(appError("internal", "Something went wrong on our side."), requestId);
  }
}
