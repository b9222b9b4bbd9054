import "server-only";
import { liveDesk } from "@/features/live/server";
import { planInboxList } from "@/lib/domain/inbox-plan";
import { excludedFromList } from "@/lib/domain/view-membership";
import type { InboxQuery } from "@/lib/domain/inbox-query";
import { listScope, sharesReads } from "@/lib/domain/sharing";
import type { Page } from "@/lib/domain/page";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { View } from "@/lib/domain/view";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient, Priority } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import type { AgentContext } from "@/lib/server/agent-action";

/** Rows of a first page, unless the caller asks otherwise: also the page the view counts read. */
export const FIRST_PAGE_LIMIT = 30;

export interface InboxPageRequest {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly priority: Priority;
  /**
   * false: read Gorgias directly, never through the account's shared cache. An assistant's read
   * waits in the lowest lane, and an agent's identical read must not join it there
   * (docs/safety.md#assistant-budget).
   */
  readonly shared?: boolean;
}

/** The account's views (cached per credential by the client, so this rarely costs a request). */
export async function loadViews(gorgias: GorgiasClient, priority: Priority): Promise<Result<readonly View[], AppError>> {
  const views = await gorgias.reference.views({ priority });
  return views.ok ? ok(views.value) : err(fromUpstream(views.error));
}

/**
 * One page of the inbox for `query`, shared by the page's prefetch and the list route. A first page
 * the whole team may share (lib/domain/sharing.ts) comes from the account's shared cache.
 */
export async function loadInboxPage({ agent, gorgias }: AgentContext, query: InboxQuery, req: InboxPageRequest): Promise<Result<Page<TicketSummary>, AppError>> {
  const shared = req.shared !== false && sharesReads(agent.role) && !req.cursor;
  let views: readonly View[] = [];
  if (query.view !== undefined && (query.q !== undefined || shared)) {
    const read = await loadViews(gorgias, req.priority);
    if (!read.ok) return read;
    views = read.value;
  }
  let viewFilters: string | null = null;
  if (query.q !== undefined && query.view !== undefined) {
    const view = views.find((v) => v.id === query.view);
    if (!view) return err(appError("not_found", "That view no longer exists."));
    viewFilters = view.filters;
  }
  const plan = planInboxList(query, viewFilters);
  const paging = { cursor: req.cursor ?? null, limit: req.limit ?? FIRST_PAGE_LIMIT };
  const o = { priority: req.priority };
  const read = async () => {
    const page =
      plan.kind === "search"
        ? await gorgias.views.search({ filters: plan.filters, search: plan.search, orderBy: plan.orderBy, orderDir: plan.orderDir, ...paging }, o)
        : plan.kind === "view"
          ? await gorgias.views.items(plan.viewId, { ...paging, orderBy: plan.orderBy }, o)
          : await gorgias.tickets.list({ ...paging, viewId: plan.viewId, customerId: plan.customerId, orderBy: plan.orderBy }, o);
    return page.ok ? ok(page.value) : err(fromUpstream(page.error));
  };
  if (shared && plan.kind !== "search") {
    const scope = listScope(plan, views, agent.gorgiasUserId);
    if (scope) {
      const page = await liveDesk(agent.accountDomain).cache.firstPage(scope, plan, paging.limit, read);
      // The shared page of a view is patched in place until Gorgias is asked again: a ticket whose
      // change took it out of the view (closed in an open view) leaves it now, not a refresh later.
      const view = query.view === undefined ? null : { filters: views.find((v) => v.id === query.view)?.filters ?? null };
      return page.ok ? ok({ ...page.value, items: page.value.items.filter((t) => !excludedFromList(view, t)) }) : page;
    }
  }
  return read();
}
