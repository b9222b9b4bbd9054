import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { mapResult } from "@/lib/result";
import { loadViews } from "@/features/inbox/server";

/** `GET /api/{account}/views` → `{ items: View[] }`, the views the agent can see. */
export const GET = agentRoute(apiContract.views, async (_call, { gorgias }) => mapResult(await loadViews(gorgias, "read"), (items) => ({ items })));
