import { apiContract } from "@/lib/domain/contract/routes";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

/** Macros for the composer: the `setResponseText` text, template variables left for the UI to fill. */
export const GET = agentRoute(apiContract.macros, async ({ query }, { gorgias }) => {
  const page = await gorgias.macros.list({ search: query.q || undefined, limit: 30, archived: false }, { priority: "read" });
  return page.ok ? ok({ items: page.value.items }) : err(fromUpstream(page.error));
});
