import { apiContract } from "@/lib/domain/contract/routes";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

const SEARCH_LIMIT = 50;

/**
 * Tags for the tag picker: the account's whole list from the server's reference cache, or, for a
 * search, Gorgias's own case-insensitive `search` (by name), so an account with thousands
 * of tags is never listed whole on each keystroke.
 */
export const GET = agentRoute(apiContract.tags, async ({ query }, { gorgias }) => {
  if (!query.q) {
    const tags = await gorgias.reference.tags({ priority: "read" });
    return tags.ok ? ok({ items: tags.value.map(({ id, name, color }) => ({ id, name, color })) }) : err(fromUpstream(tags.error));
  }
  const page = await gorgias.tags.list({ search: query.q, limit: SEARCH_LIMIT, orderBy: "name:asc" }, { priority: "read" });
  return page.ok ? ok({ items: page.value.items.map(({ id, name, color }) => ({ id, name, color })) }) : err(fromUpstream(page.error));
});
