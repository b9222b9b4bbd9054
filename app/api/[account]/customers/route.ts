import { z } from "zod";
import { agentRoute } from "@/lib/server/agent-route";
import { findCustomers } from "@/features/customers/server";

const CustomerLookup = z.object({ q: z.string().trim().min(2, "Type at least two characters.").max(200) }).strict();

/** `GET /api/{account}/customers?q=` → `{ items }`: by e-mail when it looks like one, else by name. */
export const GET = agentRoute(CustomerLookup, async ({ q }, { gorgias }) => findCustomers(gorgias, q));
