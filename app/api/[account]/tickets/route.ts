import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { loadInboxPage } from "@/features/inbox/server";

/** `GET /api/{account}/tickets?view=&q=&customer=&order=&cursor=&refresh=1` → `{ items, nextCursor }`. */
export const GET = agentRoute(apiContract.tickets, async ({ query: { cursor, limit, refresh, ...query } }, ctx) =>
  loadInboxPage(ctx, query, { cursor, limit, priority: refresh === "1" ? "refresh" : "read" }),
);
