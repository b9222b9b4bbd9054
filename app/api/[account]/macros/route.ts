import { apiContract } from "@/lib/domain/contract/routes";
import type { Macro } from "@/lib/domain/macro";
import { actionsForBrowser } from "@/lib/domain/macro-actions";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

/**
 * Macros for the composer: the `setResponseText` text, template variables left for the UI to fill,
 * and the actions it previews. With `ticket` (and no search), the few Gorgias ranks most relevant
 * to that ticket, from the reference cache (one read per ticket per ten minutes).
 */
export const GET = agentRoute(apiContract.macros, async ({ query }, { gorgias }) => {
  if (query.ticket !== undefined && !query.q) {
    const suggested = await gorgias.reference.suggestedMacros(query.ticket);
    return suggested.ok ? ok({ items: suggested.value.map(forBrowser) }) : err(fromUpstream(suggested.error));
  }
  const page = await gorgias.macros.list({ search: query.q || undefined, limit: 30, archived: false }, { priority: "read" });
  return page.ok ? ok({ items: page.value.items.map(forBrowser) }) : err(fromUpstream(page.error));
});

const forBrowser = (m: Macro): Macro => ({ ...m, actions: actionsForBrowser(m.actions) });
