import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { RouteSpec } from "@/lib/domain/contract/routes";
import { searchParamsRecord } from "@/lib/domain/inbox-query";
import { appError, type AppError } from "@/lib/errors";
import type { Result } from "@/lib/result";
import { agentContext, type AgentContext } from "./agent-action";
import { invalidInput } from "./invalid-input";
import { logger } from "./logger";
import { errorResponse, NO_STORE } from "./error-response";
import { requestIdFrom } from "./request-id";

export interface RouteCall<S extends RouteSpec> {
  readonly params: z.output<S["params"]>;
  readonly query: z.output<S["query"]>;
}

/** A path that names nothing (a ticket id of "abc") is a 404 that says which part, never a 500. */
function noSuchPath(error: z.ZodError): AppError {
  const names = [...new Set(error.issues.map((i) => String(i.path[0] ?? "path")))];
  return appError("not_found", `Nothing is at this address: its ${names.join(", ")} is not valid.`, { fields: Object.fromEntries(names.map((n) => [n, ["Not valid here."]])) });
}

/**
 * GET route handlers that feed react-query, one per entry of `apiContract`: the session is checked
 * here (never trust the proxy), path params and search params are parsed by the route's schemas
 * (a bad one is a 404 or a 400 saying which), the account in the URL must be the agent's own, and
 * the handler's answer goes out only as its response schema shapes it. Every answer carries a
 * request id; an unexpected failure is logged whole under it.
 */
export function agentRoute<S extends RouteSpec>(
  spec: S,
  handler: (call: RouteCall<S>, ctx: AgentContext) => Promise<Result<z.input<S["response"]>, AppError>>,
) {
  return async (request: Request, context: RouteContext<S["path"]>): Promise<NextResponse> => {
    const requestId = requestIdFrom(request.headers);
    const fail = (error: AppError) => errorResponse({ ...error, requestId });
    try {
      const ctx = await agentContext();
      if (!ctx.ok) return fail(ctx.error);
      const params = z.safeParse<S["params"]>(spec.params, await context.params);
      if (!params.success) return fail(noSuchPath(params.error));
      if (params.data.account !== ctx.value.agent.accountDomain) return fail(appError("not_found", "No such account."));
      const query = z.safeParse<S["query"]>(spec.query, searchParamsRecord(new URL(request.url).searchParams));
      if (!query.success) return fail(invalidInput(query.error));
      const result = await handler({ params: params.data, query: query.data }, ctx.value);
      if (!result.ok) return fail(result.error);
      return NextResponse.json(spec.response.parse(result.value), { headers: { ...NO_STORE, "X-Request-Id": requestId } });
    } catch (e) {
      logger.error({ err: e, requestId, route: spec.path, url: new URL(request.url).pathname }, "route handler failed");
      return fail(appError("internal", "Something went wrong on our side."));
    }
  };
}
