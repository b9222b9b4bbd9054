import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { agentContext, invalidInput, type AgentContext } from "@/lib/server/agent-action";
import { appError, HTTP_STATUS, type AppError } from "@/lib/errors";
import type { Result } from "@/lib/result";

const NO_STORE = { "Cache-Control": "private, no-store" };

export function errorResponse(error: AppError): NextResponse {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.ceil(error.retryAfterSeconds));
  return NextResponse.json({ error }, { status: HTTP_STATUS[error.code], headers });
}

type RouteParams = { account: string };

/**
 * GET route handlers that feed react-query: session checked here (never trust the proxy), the
 * account in the URL must be the agent's own, search params parsed by `schema`.
 */
export function agentRoute<S extends z.ZodType, P extends RouteParams, T>(
  schema: S,
  handler: (query: z.infer<S>, ctx: AgentContext & { params: P }) => Promise<Result<T, AppError>>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<NextResponse> => {
    const ctx = await agentContext();
    if (!ctx.ok) return errorResponse(ctx.error);
    const resolved = await params;
    if (resolved.account !== ctx.value.agent.accountDomain) return errorResponse(appError("not_found", "No such account."));
    const query = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return errorResponse(invalidInput(query.error));
    try {
      const result = await handler(query.data, { ...ctx.value, params: resolved });
      return result.ok ? NextResponse.json(result.value, { headers: NO_STORE }) : errorResponse(result.error);
    } catch (e) {
      console.error("[route]", e instanceof Error ? e.message : e);
      return errorResponse(appError("internal", "Something went wrong on our side."));
    }
  };
}
