import { MacroSearchQuery, type MacroChoice } from "@/lib/domain/send";
import { fromUpstream } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";

/** Macros for the composer: the `setResponseText` text, template variables left for the UI to fill. */
export const GET = agentRoute(MacroSearchQuery, async (query, { gorgias }) => {
  const page = await gorgias.macros.list({ search: query.q || undefined, limit: 30, archived: false }, { priority: "read" });
  if (!page.ok) return err(fromUpstream(page.error));
  const items: MacroChoice[] = page.value.items.map((m) => ({ id: m.id, name: m.name, bodyText: m.bodyText, bodyHtml: m.bodyHtml }));
  return ok({ items });
});
