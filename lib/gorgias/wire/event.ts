import { z } from "zod";
import type { AccountEvent } from "@/lib/domain/event";
import { datetime, optNumber, optRecord, optString, wireId } from "./common";

const TICKET_OBJECTS = new Set(["Ticket", "ticket"]);

/** A message event names its ticket in `data`; the wire leaves the exact key open, so take either. */
function ticketOf(objectType: string | null, objectId: number | null, data: Record<string, unknown> | null): number | null {
  if (objectType !== null && TICKET_OBJECTS.has(objectType)) return objectId;
  const direct = data?.ticket_id;
  if (typeof direct === "number" && Number.isInteger(direct)) return direct;
  const nested = (data?.ticket as { id?: unknown } | undefined)?.id;
  return typeof nested === "number" && Number.isInteger(nested) ? nested : null;
}

export const accountEvent = z
  .object({
    id: wireId,
    type: z.string(),
    object_type: optString,
    object_id: optNumber,
    user_id: optNumber,
    context: optString,
    data: optRecord,
    created_datetime: datetime,
  })
  .transform(
    (e): AccountEvent => ({
      id: e.id,
      type: e.type,
      objectType: e.object_type,
      objectId: e.object_id,
      userId: e.user_id,
      context: e.context,
      createdAt: e.created_datetime,
      ticketId: ticketOf(e.object_type, e.object_id, e.data),
    }),
  );
