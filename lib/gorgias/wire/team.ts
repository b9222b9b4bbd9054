import { z } from "zod";
import type { Team } from "@/lib/domain/team";
import { optString, wireId } from "./common";

export const team = z
  .object({
    id: wireId,
    name: z.string(),
    description: optString,
    decoration: z.object({ emoji: optString }).nullish(),
    members: z
      .array(z.object({ id: wireId, name: optString, email: optString }))
      .nullish()
      .transform((m) => m ?? []),
  })
  .transform(
    (t): Team => ({ id: t.id, name: t.name, emoji: t.decoration?.emoji ?? null, description: t.description, members: t.members }),
  );
