import type { Macro } from "@/lib/domain/macro";
import type { Page } from "@/lib/domain/page";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { macro } from "./wire/macro";

export interface ListMacrosQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly search?: string;
  readonly orderBy?: string;
  readonly archived?: boolean;
  /** Rank by relevance to this ticket (Gorgias requires `orderBy: "relevance:desc"` with it). */
  readonly ticketId?: number;
}

const macroList = listOf(macro);

export function macrosApi(send: Transport) {
  return {
    list: (q: ListMacrosQuery = {}, o?: CallOptions): Promise<Result<Page<Macro>, GorgiasError>> =>
      send({ method: "GET", path: "/macros", query: { cursor: q.cursor, limit: q.limit, search: q.search, order_by: q.orderBy, archived: q.archived, ticket_id: q.ticketId }, schema: macroList }, o),
    /** The macros Gorgias ranks most relevant to a ticket, best first. */
    suggested: (ticketId: number, limit: number, o?: CallOptions): Promise<Result<Page<Macro>, GorgiasError>> =>
      send({ method: "GET", path: "/macros", query: { ticket_id: ticketId, order_by: "relevance:desc", limit, archived: false }, schema: macroList }, o),
    get: (id: number, o?: CallOptions): Promise<Result<Macro, GorgiasError>> => send({ method: "GET", path: `/macros/${id}`, schema: macro }, o),
  };
}
