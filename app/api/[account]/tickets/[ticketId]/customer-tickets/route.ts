import type { AgentContext } from "@/lib/server/agent-action";
import { z } from "zod";
import { appError } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, mapResult } from "@/lib/result";
import { loadCustomerTickets, TicketIdParam } from "@/features/ticket/server";

const Query = z.object({ customerId: TicketIdParam }).strict();

type Params = { account: string; ticketId: string };

/** The ticket's customer's other tickets (Gorgias scopes what the agent's key may list). */
export const GET = agentRoute(Query, async (query, { gorgias, params }: AgentContext & { params: Params }) => {
  const ticketId = TicketIdParam.safeParse(params.ticketId);
  if (!ticketId.success) return err(appError("not_found", "This ticket does not exist or was deleted."));
  const tickets = await loadCustomerTickets(gorgias, query.customerId, ticketId.data);
  return mapResult(tickets, (items) => ({ items }));
});
