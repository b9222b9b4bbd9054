import type { InboxOrder, InboxQuery } from "./inbox-query";

/**
 * Which Gorgias read serves an inbox query. Pure, so the choice (and the filter expression, which
 * is built here from validated ids only, never from browser text) is tested without a server:
 * - a search → the ad-hoc view search (`PUT /views/0/items`), within the view and customer;
 * - a view alone → that view's items;
 * - otherwise (nothing, or a customer with or without a view) → the ticket list, which filters
 *   by `customer_id` and `view_id` itself.
 */
export type InboxPlan =
  | { readonly kind: "search"; readonly filters: string; readonly search: string; readonly orderBy: OrderField; readonly orderDir: "asc" | "desc" }
  | { readonly kind: "view"; readonly viewId: number; readonly orderBy: `${OrderField}:${"asc" | "desc"}` }
  | { readonly kind: "list"; readonly viewId?: number; readonly customerId?: number; readonly orderBy: `${OrderField}:${"asc" | "desc"}` };

type OrderField = "updated_datetime" | "created_datetime";

export function orderParts(order: InboxOrder): { field: OrderField; dir: "asc" | "desc" } {
  const [field, dir] = order.split(":") as ["updated" | "created", "asc" | "desc"];
  return { field: field === "created" ? "created_datetime" : "updated_datetime", dir };
}

/** `viewFilters` is the selected view's own expression (from Gorgias), needed only for a search. */
export function planInboxList(query: InboxQuery, viewFilters: string | null): InboxPlan {
  const { field, dir } = orderParts(query.order);
  const orderBy = `${field}:${dir}` as const;
  if (query.q !== undefined) {
    const parts = [viewFilters?.trim() ? `(${viewFilters.trim()})` : null, query.customer !== undefined ? `eq(ticket.customer.id, ${query.customer})` : null];
    return { kind: "search", filters: parts.filter((p): p is string => p !== null).join(" && "), search: query.q, orderBy: field, orderDir: dir };
  }
  if (query.view !== undefined && query.customer === undefined) return { kind: "view", viewId: query.view, orderBy };
  return { kind: "list", viewId: query.view, customerId: query.customer, orderBy };
}

export const looksLikeEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
