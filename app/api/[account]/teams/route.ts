import { z } from "zod";
import type { TeamRef } from "@/lib/domain/team";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

/** Teams of the account for the team picker, from the server's reference cache. */
export const GET = agentRoute(z.object({}).strict(), async (_query, { gorgias }) => {
  const teams = await gorgias.reference.teams({ priority: "read" });
  if (!teams.ok) return err(fromUpstream(teams.error));
  const items: TeamRef[] = teams.value.map((t) => ({ id: t.id, name: t.name, emoji: t.emoji }));
  return ok({ items });
});
