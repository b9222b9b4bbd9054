import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { mapResult } from "@/lib/result";
import { loadCustomerTickets } from "@/features/ticket/server/ticket-thread";

/** The ticket's customer's other tickets (Gorgias scopes what the agent's key may list). */
export const GET = agentRoute(apiContract.customerTickets, async ({ params, query }, { gorgias }) =>
  mapResult(await loadCustomerTickets(gorgias, query.customerId, params.ticketId), (items) => ({ items })),
);
