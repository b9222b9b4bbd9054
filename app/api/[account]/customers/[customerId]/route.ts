import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { loadCustomerProfile } from "@/features/customers/server";

/** The ticket's customer panel: the whole customer with their store data, from the shared cache when it holds them. */
export const GET = agentRoute(apiContract.customer, async ({ params }, ctx) => loadCustomerProfile(ctx, params.customerId));
