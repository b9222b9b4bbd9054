import "server-only";
import { planInboxList } from "@/lib/domain/inbox-plan";
import type { InboxQuery } from "@/lib/domain/inbox-query";
import type { Page } from "@/lib/domain/page";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { View } from "@/lib/domain/view";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient, Priority } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";

export interface InboxPageRequest {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly priority: Priority;
}

/** The account's views (cached per credential by the client, so this rarely costs a request). */
export async function loadViews(gorgias: GorgiasClient, priority: Priority): Promise<Result<readonly View[], AppError>> {
  const views = await gorgias.reference.views({ priority });
  return views.ok ? ok(views.value) : err(fromUpstream(views.error));
}

/** One page of the inbox for `query`, shared by the page's prefetch and the list route. */
export async function loadInboxPage(gorgias: GorgiasClient, query: InboxQuery, req: InboxPageRequest): Promise<Result<Page<TicketSummary>, AppError>> {
  let viewFilters: string | null = null;
  if (query.q !== undefined && query.view !== undefined) {
    const views = await loadViews(gorgias, req.priority);
    if (!views.ok) return views;
    const view = views.value.find((v) => v.id === query.view);
    if (!view) return err(appError("not_found", "That view no longer exists."));
    viewFilters = view.filters;
  }
  const plan = planInboxList(query, viewFilters);
  const paging = { cursor: req.cursor ?? null, limit: req.limit ?? 30 };
  const o = { priority: req.priority };
  const page =
    plan.kind === "search"
      ? await gorgias.views.search({ filters: plan.filters, search: plan.search, orderBy: plan.orderBy, orderDir: plan.orderDir, ...paging }, o)
      : plan.kind === "view"
        ? await gorgias.views.items(plan.viewId, { ...paging, orderBy: plan.orderBy }, o)
        : await gorgias.tickets.list({ ...paging, viewId: plan.viewId, customerId: plan.customerId, orderBy: plan.orderBy }, o);
  return page.ok ? ok(page.value) : err(fromUpstream(page.error));
}
