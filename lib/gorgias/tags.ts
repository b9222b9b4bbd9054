import type { Page } from "@/lib/domain/page";
import type { Tag } from "@/lib/domain/tag";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { tag } from "./wire/tag";

export interface ListTagsQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly search?: string;
  readonly orderBy?: "name:asc" | "name:desc" | "created_datetime:asc" | "created_datetime:desc" | "usage:desc,name:desc" | "usage:asc,name:asc";
}

/** Tag changes name what to add or remove; the full set is never replaced (docs/safety.md#absolute-updates). */
export interface TagSelection {
  readonly ids?: readonly number[];
  readonly names?: readonly string[];
}

const tagList = listOf(tag);

const selectionBody = (s: TagSelection) => ({
  ...(s.ids && s.ids.length > 0 ? { ids: s.ids } : {}),
  ...(s.names && s.names.length > 0 ? { names: s.names } : {}),
});

export function tagsApi(send: Transport) {
  return {
    list: (q: ListTagsQuery = {}, o?: CallOptions): Promise<Result<Page<Tag>, GorgiasError>> =>
      send({ method: "GET", path: "/tags", query: { cursor: q.cursor, limit: q.limit, search: q.search, order_by: q.orderBy }, schema: tagList }, o),
    /** A bare array in some versions, an envelope in others; either way one complete page. */
    forTicket: (ticketId: number, o?: CallOptions): Promise<Result<Page<Tag>, GorgiasError>> =>
      send({ method: "GET", path: `/tickets/${ticketId}/tags`, schema: tagList }, o),
    addToTicket: (ticketId: number, s: TagSelection, o?: CallOptions): Promise<Result<void, GorgiasError>> =>
      send<void>({ method: "POST", path: `/tickets/${ticketId}/tags`, body: selectionBody(s), schema: null }, o),
    removeFromTicket: (ticketId: number, s: TagSelection, o?: CallOptions): Promise<Result<void, GorgiasError>> =>
      send<void>({ method: "DELETE", path: `/tickets/${ticketId}/tags`, body: selectionBody(s), schema: null }, o),
  };
}
