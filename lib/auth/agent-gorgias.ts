import "server-only";
import { getAgentCredentials, latestActiveAgentOf } from "@/lib/db";
import { FULL_VISIBILITY_ROLES } from "@/lib/domain/user";
import { createGorgiasClient, type BudgetScheduler, type GorgiasClient, type Priority } from "@/lib/gorgias";
import { serverEnv } from "@/lib/env";
import { appStore } from "./app-store";
import { sharedBudgetOptions } from "./budget-options";
import type { SignedInAgent } from "./signed-in-agent";

/** How an assistant's client differs from the agent's own: its lane and its token's gate. */
export interface ClientLane {
  readonly lane: Priority;
  readonly gate: BudgetScheduler;
}

/**
 * A Gorgias client with the agent's own key, so Gorgias enforces their role and attributes their
 * actions to them. Null when the stored key is gone (the agent must sign in again).
 */
export async function gorgiasFor(agent: Pick<SignedInAgent, "agentId">, lane?: ClientLane): Promise<GorgiasClient | null> {
  const { db, credentialsKey } = await appStore();
  const credentials = await getAgentCredentials(db, credentialsKey, agent.agentId);
  if (!credentials) return null;
  const env = serverEnv();
  const client = createGorgiasClient({
    baseUrl: env.GORGIAS_API_URL,
    accountDomain: credentials.accountDomain,
    email: credentials.email,
    apiKey: credentials.apiKey,
    timeoutMs: env.GORGIAS_TIMEOUT_MS,
    budget: await sharedBudgetOptions(),
    ...lane,
  });
  return client.ok ? client.value : null;
}

/**
 * A client for the account's own background work (the change feed's re-reads): the key of its most
 * recently active agent who sees every ticket. Null when no such agent is signed in.
 */
export async function gorgiasForAccount(accountDomain: string): Promise<GorgiasClient | null> {
  const { db } = await appStore();
  const agentId = await latestActiveAgentOf(db, accountDomain, FULL_VISIBILITY_ROLES);
  return agentId ? gorgiasFor({ agentId }) : null;
}
