import { apiContract } from "@/lib/domain/contract/routes";
import { mapResult } from "@/lib/result";
import { agentRoute } from "@/lib/server/agent-route";
import { loadCustomerTickets } from "@/features/customers/server";

/**
 * A customer's recent tickets, all of them: the browser caches the list per customer and shares it
 * between their tickets, each leaving out only itself (Gorgias scopes what the agent's key may list).
 */
export const GET = agentRoute(apiContract.customerTickets, async ({ params }, ctx) =>
  mapResult(await loadCustomerTickets(ctx, params.customerId), (items) => ({ items })),
);
