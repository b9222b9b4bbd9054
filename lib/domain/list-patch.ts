import type { InboxPlan } from "./inbox-plan";
import type { Page } from "./page";
import type { TicketSummary } from "./ticket";

/** The first page of a list, as cached for the whole team. */
export type SharedListPlan = Extract<InboxPlan, { kind: "list" | "view" }>;

export interface PatchedPage {
  readonly page: Page<TicketSummary>;
  /**
   * False when only Gorgias can say whether the ticket now belongs here (a view's filters): the
   * row is updated in place, and the list must be read again to be sure.
   */
  readonly exact: boolean;
}

/**
 * Whether a ticket belongs to a list, when we can tell without Gorgias: the plain ticket list
 * (all but trashed tickets, optionally of one customer). A view's membership is its own filter.
 */
function membership(plan: SharedListPlan, t: TicketSummary): boolean | null {
  if (plan.kind !== "list" || plan.viewId !== undefined) return null;
  if (t.trashedAt !== null) return false;
  return plan.customerId === undefined || t.customer?.id === plan.customerId;
}

function sortKey(plan: SharedListPlan, t: TicketSummary): number {
  const at = plan.orderBy.startsWith("created") ? t.createdAt : t.updatedAt;
  return at ? Date.parse(at) : Number.NEGATIVE_INFINITY;
}

/**
 * The cached first page with one changed ticket applied. Rows are never dropped to keep the page's
 * length: Gorgias's cursor to the next page points after the original last row, so a row pushed
 * down stays on this page rather than falling between the two.
 */
export function patchFirstPage(page: Page<TicketSummary>, plan: SharedListPlan, changed: TicketSummary): PatchedPage {
  const others = page.items.filter((t) => t.id !== changed.id);
  const member = membership(plan, changed);
  if (member === null) {
    const items = page.items.map((t) => (t.id === changed.id ? changed : t));
    return { page: { ...page, items }, exact: false };
  }
  if (!member) return { page: { ...page, items: others }, exact: true };
  const desc = plan.orderBy.endsWith(":desc");
  const key = sortKey(plan, changed);
  const before = (t: TicketSummary) => (desc ? sortKey(plan, t) > key : sortKey(plan, t) < key) || (sortKey(plan, t) === key && t.id > changed.id);
  const at = others.findIndex((t) => !before(t));
  // Past the last row while more pages exist: a newcomer is on a later page. A row already here
  // stays: the next page starts after the old last row, so it would fall between the two.
  const wasHere = others.length < page.items.length;
  if (at === -1 && page.nextCursor !== null && !wasHere) return { page: { ...page, items: others }, exact: true };
  const items = at === -1 ? [...others, changed] : [...others.slice(0, at), changed, ...others.slice(at)];
  return { page: { ...page, items }, exact: true };
}
