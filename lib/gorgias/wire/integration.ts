import { z } from "zod";
import type { Integration } from "@/lib/domain/integration";
import { optDatetime, optString, wireId } from "./common";

export const integration = z
  .object({
    id: wireId,
    name: optString,
    type: z.string(),
    meta: z.object({ address: optString }).nullish(),
    deactivated_datetime: optDatetime,
  })
  .transform(
    (i): Integration => ({
      id: i.id,
      name: i.name ?? `${i.type} #${i.id}`,
      type: i.type,
      address: i.meta?.address ?? null,
      active: i.deactivated_datetime === null,
    }),
  );
