import type { AccountEvent } from "@/lib/domain/event";
import type { Page } from "@/lib/domain/page";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { accountEvent } from "./wire/event";

export interface ListEventsQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly types?: readonly string[];
  readonly objectType?: string;
  readonly objectId?: number;
  /** Only events strictly after this instant (ISO). */
  readonly createdAfter?: string;
  readonly orderBy?: "created_datetime:asc" | "created_datetime:desc";
}

const eventList = listOf(accountEvent);

/** The account's event log: one call covers every agent's and customer's changes. */
export function eventsApi(send: Transport) {
  return {
    list: (q: ListEventsQuery = {}, o?: CallOptions): Promise<Result<Page<AccountEvent>, GorgiasError>> =>
      send(
        {
          method: "GET",
          path: "/events",
          query: {
            cursor: q.cursor,
            limit: q.limit,
            types: q.types,
            object_type: q.objectType,
            object_id: q.objectId,
            "created_datetime[gt]": q.createdAfter,
            order_by: q.orderBy,
          },
          schema: eventList,
        },
        o,
      ),
  };
}
