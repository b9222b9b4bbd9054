import { z } from "zod";
import type { View } from "@/lib/domain/view";
import { optString, wireId } from "./common";

export const view = z
  .object({
    id: wireId,
    name: z.string(),
    slug: optString,
    category: optString,
    visibility: optString,
    filters: optString,
    order_by: optString,
    order_dir: z.enum(["asc", "desc"]).nullish().catch(null),
    decoration: z.object({ emoji: optString }).nullish(),
  })
  .transform(
    (v): View => ({
      id: v.id,
      name: v.name,
      slug: v.slug,
      category: v.category,
      visibility: v.visibility,
      filters: v.filters,
      orderBy: v.order_by,
      orderDir: v.order_dir ?? null,
      emoji: v.decoration?.emoji ?? null,
    }),
  );
