import { apiContract } from "@/lib/domain/contract/routes";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

/** Teams of the account for the team picker, from the server's reference cache. */
export const GET = agentRoute(apiContract.teams, async (_call, { gorgias }) => {
  const teams = await gorgias.reference.teams({ priority: "read" });
  return teams.ok ? ok({ items: teams.value }) : err(fromUpstream(teams.error));
});
