import { z } from "zod";
import type { User } from "@/lib/domain/user";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

export interface UserOption {
  readonly id: number;
  readonly name: string | null;
  readonly email: string | null;
  readonly role: string | null;
}

// Bots and deactivated users cannot take a ticket; the picker offers people only.
const assignable = (u: User) => u.active && u.role !== "bot";

/** Agents of the account for pickers, from the server's 10-minute reference cache (docs/safety.md#shared-budget). */
export const GET = agentRoute(z.object({}).strict(), async (_query, { gorgias }) => {
  const users = await gorgias.reference.users({ priority: "read" });
  if (!users.ok) return err(fromUpstream(users.error));
  const items: UserOption[] = users.value.filter(assignable).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }));
  return ok({ items });
});
