import { z } from "zod";
import { appError } from "@/lib/errors";
import type { AgentContext } from "@/lib/server/agent-action";
import { agentRoute } from "@/lib/server/agent-route";
import { err, mapResult } from "@/lib/result";
import { loadCustomerTickets } from "@/features/customers/server";
import { TicketIdParam } from "@/features/ticket/server";

type Params = { account: string; customerId: string };

/**
 * A customer's recent tickets, all of them: the list is cached per customer in the browser and
 * shared by every ticket of theirs, so each ticket leaves out only itself (Gorgias scopes what the
 * agent's key may list).
 */
export const GET = agentRoute(z.object({}).strict(), async (_query, { gorgias, params }: AgentContext & { params: Params }) => {
  const customerId = TicketIdParam.safeParse(params.customerId);
  if (!customerId.success) return err(appError("not_found", "This customer does not exist."));
  return mapResult(await loadCustomerTickets(gorgias, customerId.data), (items) => ({ items }));
});
