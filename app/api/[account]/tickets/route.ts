import { InboxListRequest } from "@/lib/domain/inbox-query";
import { agentRoute } from "@/lib/server/agent-route";
import { mapResult } from "@/lib/result";
import { loadInboxPage } from "@/features/inbox/server";

/** `GET /api/{account}/tickets?view=&q=&customer=&order=&cursor=&refresh=1` → `{ items, nextCursor }`. */
export const GET = agentRoute(InboxListRequest, async ({ cursor, limit, refresh, ...query }, { gorgias }) => {
  const page = await loadInboxPage(gorgias, query, { cursor, limit, priority: refresh === "1" ? "refresh" : "read" });
  return mapResult(page, (p) => ({ items: p.items, nextCursor: p.nextCursor }));
});
