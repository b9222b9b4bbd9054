import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { currentAgent } from "@/lib/auth/session";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import { appError, UNAUTHENTICATED, type AppError } from "@/lib/errors";
import type { GorgiasClient } from "@/lib/gorgias";
import { err, type Result } from "@/lib/result";
import { logger } from "./logger";
import { invalidInput } from "./invalid-input";
import { requestIdFrom } from "./request-id";

export interface AgentContext {
  readonly agent: SignedInAgent;
  readonly gorgias: GorgiasClient;
}

const REAUTH = appError("reauth_required", "Your stored Gorgias key is no longer usable. Sign in again.");

/** Session, then the agent's own Gorgias client: shared by actions and route handlers. */
export async function agentContext(): Promise<Result<AgentContext, AppError>> {
  const agent = await currentAgent();
  if (!agent) return err(UNAUTHENTICATED);
  const gorgias = await gorgiasFor(agent);
  if (!gorgias) return err(REAUTH);
  return { ok: true, value: { agent, gorgias } };
}


/**
 * Every server action goes through this: actions are public POST endpoints, so each one checks the
 * session itself, parses its input, and never leaks an unexpected error's details. An unexpected
 * failure is logged whole under a request id, which the agent is shown so they can quote it.
 */
export function agentAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: AgentContext) => Promise<Result<T, AppError>>,
): (input: z.input<S>) => Promise<Result<T, AppError>> {
  return async (raw) => {
    const ctx = await agentContext();
    if (!ctx.ok) return ctx;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return err(invalidInput(parsed.error));
    try {
      return await handler(parsed.data, ctx.value);
    } catch (e) {
      const requestId = requestIdFrom(await headers());
      logger.error({ err: e, requestId, agentId: ctx.value.agent.agentId, account: ctx.value.agent.accountDomain }, "server action failed");
      return err(appError("internal", "Something went wrong on our side. Nothing was changed that you cannot see.", { requestId }));
    }
  };
}
