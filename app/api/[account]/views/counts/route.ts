import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { mapResult } from "@/lib/result";
import { loadViewCounts } from "@/features/inbox/server";

/** `GET /api/{account}/views/counts` → `{ items: ViewCount[] }`, from what the shared cache holds (no list read). */
export const GET = agentRoute(apiContract.viewCounts, async (_call, ctx) => mapResult(await loadViewCounts(ctx), (items) => ({ items })));
