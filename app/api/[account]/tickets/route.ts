import { TicketListQuery } from "@/lib/domain/inputs";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/http";
import { err, ok } from "@/lib/result";

const ORDER = {
  "updated:desc": "updated_datetime:desc",
  "updated:asc": "updated_datetime:asc",
  "created:desc": "created_datetime:desc",
  "created:asc": "created_datetime:asc",
} as const;

export const GET = agentRoute(TicketListQuery, async (query, { gorgias }) => {
  const page = await gorgias.tickets.list(
    { cursor: query.cursor, limit: query.limit, viewId: query.viewId, orderBy: ORDER[query.order] },
    { priority: "read" },
  );
  return page.ok ? ok(page.value) : err(fromUpstream(page.error));
});
