import { bulkResponse } from "@/features/inbox/server";
import { agentContext } from "@/lib/server/agent-action";

/** A bulk change from the list, streamed back row by row (features/inbox/server/bulk-route.ts). */
export async function POST(request: Request, context: RouteContext<"/api/[account]/bulk">): Promise<Response> {
  const { account } = await context.params;
  return bulkResponse(request, account, agentContext);
}
