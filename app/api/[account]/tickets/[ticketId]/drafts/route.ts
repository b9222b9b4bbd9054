import { apiContract } from "@/lib/domain/contract/routes";
import { appStore } from "@/lib/auth/app-store";
import { agentRoute } from "@/lib/server/agent-route";
import { ok } from "@/lib/result";
import { ticketDrafts } from "@/features/composer/server";

/** The signed-in agent's own drafts for one ticket: `{ reply, note }`. */
export const GET = agentRoute(apiContract.drafts, async ({ params }, { agent }) => {
  const { db } = await appStore();
  return ok(await ticketDrafts({ db, agentId: agent.agentId }, params.ticketId));
});
