import { z } from "zod";
import type { Tag } from "@/lib/domain/tag";
import { optDatetime, optNumber, optString, wireId } from "./common";

export const tag = z
  .object({
    id: wireId,
    name: z.string(),
    description: optString,
    decoration: z.object({ color: optString }).nullish(),
    usage: optNumber,
    created_datetime: optDatetime,
  })
  .transform(
    (t): Tag => ({
      id: t.id,
      name: t.name,
      color: t.decoration?.color ?? null,
      description: t.description,
      usage: t.usage,
      createdAt: t.created_datetime,
    }),
  );
