import { apiContract } from "@/lib/domain/contract/routes";
import type { User } from "@/lib/domain/user";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

// Bots and deactivated users cannot take a ticket; the picker offers people only.
const assignable = (u: User) => u.active && u.role !== "bot";

/** Agents of the account for pickers, from the server's 10-minute reference cache (docs/safety.md#shared-budget). */
export const GET = agentRoute(apiContract.users, async (_call, { gorgias }) => {
  const users = await gorgias.reference.users({ priority: "read" });
  return users.ok ? ok({ items: users.value.filter(assignable) }) : err(fromUpstream(users.error));
});
