import type { Page } from "@/lib/domain/page";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { View } from "@/lib/domain/view";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf, viewItemsOf, viewPageParams } from "./wire/common";
import { ticketSummary } from "./wire/ticket";
import { view } from "./wire/view";

export interface ListViewsQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly category?: "system" | "user";
}

export interface ViewItemsQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly direction?: "next" | "prev";
  readonly orderBy?: string;
}

/** An unsaved view: Gorgias's only way to filter tickets by status, assignee or date. */
export interface TicketSearch {
  /** Gorgias filter expression, e.g. `eq(ticket.status, 'open')`. Build it on the server only. */
  readonly filters: string;
  readonly orderBy?: string;
  readonly orderDir?: "asc" | "desc";
  readonly search?: string;
  readonly cursor?: string | null;
  readonly limit?: number;
}

const viewList = listOf(view);
const viewItems = viewItemsOf(ticketSummary);

export function viewsApi(send: Transport) {
  return {
    list: (q: ListViewsQuery = {}, o?: CallOptions): Promise<Result<Page<View>, GorgiasError>> =>
      send({ method: "GET", path: "/views", query: { cursor: q.cursor, limit: q.limit, category: q.category }, schema: viewList }, o),
    items: (viewId: number, q: ViewItemsQuery = {}, o?: CallOptions): Promise<Result<Page<TicketSummary>, GorgiasError>> =>
      send(
        // The page token's own parameters (cursor, direction, ignored_item…) win: they are followed as given.
        { method: "GET", path: `/views/${viewId}/items`, query: { limit: q.limit, direction: q.direction, order_by: q.orderBy, ...viewPageParams(q.cursor) }, schema: viewItems },
        o,
      ),
    /**
     * `PUT /views/0/items`. A read in effect, but not a GET, so it is neither coalesced nor retried.
     * Gorgias has been seen answering 202 with no body here; that surfaces as `unexpected_response`.
     */
    search: (s: TicketSearch, o?: CallOptions): Promise<Result<Page<TicketSummary>, GorgiasError>> =>
      send(
        {
          method: "PUT",
          path: "/views/0/items",
          query: { limit: s.limit, ...viewPageParams(s.cursor) },
          body: {
            view: {
              type: "ticket-list",
              filters: s.filters,
              ...(s.orderBy ? { order_by: s.orderBy } : {}),
              ...(s.orderDir ? { order_dir: s.orderDir } : {}),
              ...(s.search ? { search: s.search } : {}),
            },
          },
          schema: viewItems,
        },
        { priority: "read", ...o },
      ),
  };
}
