import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { findCustomers } from "@/features/customers/server";

/** `GET /api/{account}/customers?q=` → `{ items }`: by e-mail when it looks like one, else by name. */
export const GET = agentRoute(apiContract.customers, async ({ query }, { gorgias }) => findCustomers(gorgias, query.q));
