import { apiContract } from "@/lib/domain/contract/routes";
import { appStore } from "@/lib/auth/app-store";
import { agentRoute } from "@/lib/server/agent-route";
import { ok } from "@/lib/result";
import { ticketDrafts } from "@/features/composer/server";

/** The signed-in agent's own drafts for one ticket, and where the sends this browser asks about stand. */
export const GET = agentRoute(apiContract.drafts, async ({ params, query }, { agent }) => {
  const { db } = await appStore();
  return ok(await ticketDrafts({ db, agentId: agent.agentId }, params.ticketId, query.ops));
});
