import "server-only";
import { liveDesk } from "@/features/live/server";
import { planInboxList } from "@/lib/domain/inbox-plan";
import { DEFAULT_ORDER } from "@/lib/domain/inbox-query";
import { listScope, sharesReads } from "@/lib/domain/sharing";
import type { ViewCount } from "@/lib/domain/view-counts";
import { countViewPage } from "@/lib/domain/view-counts";
import type { AppError } from "@/lib/errors";
import { ok, type Result } from "@/lib/result";
import type { AgentContext } from "@/lib/server/agent-action";
import { FIRST_PAGE_LIMIT, loadViews } from "./inbox-list";

/**
 * Unread and open tickets per view, for the sidebar, from the first pages the account's shared
 * cache already holds (docs/safety.md#shared-budget): Gorgias has no count endpoint, and a read per
 * agent per view per refresh would spend the team's 40 requests / 20 s on figures. The only call
 * is the views list, from the 10-minute reference cache. A view nobody has opened lately has no
 * figure; a page with more behind it says so (`more`). Agents who do not share reads get none.
 */
export async function loadViewCounts({ agent, gorgias }: AgentContext): Promise<Result<readonly ViewCount[], AppError>> {
  if (!sharesReads(agent.role)) return ok([]);
  const views = await loadViews(gorgias, "refresh");
  if (!views.ok) return views;
  const cache = liveDesk(agent.accountDomain).cache;
  const counts: ViewCount[] = [];
  for (const view of views.value) {
    const plan = planInboxList({ view: view.id, order: DEFAULT_ORDER }, null);
    if (plan.kind === "search") continue;
    const scope = listScope(plan, views.value, agent.gorgiasUserId);
    const page = scope ? await cache.peekFirstPage(scope, plan, FIRST_PAGE_LIMIT) : null;
    if (page) counts.push(countViewPage(view, page));
  }
  return ok(counts);
}
