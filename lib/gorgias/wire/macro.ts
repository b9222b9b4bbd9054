import { z } from "zod";
import type { Macro } from "@/lib/domain/macro";
import { optDatetime, optNumber, optString, wireId } from "./common";

const action = z.object({
  name: z.string(),
  title: optString,
  type: optString,
  arguments: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((a) => a ?? {}),
});

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

export const macro = z
  .object({
    id: wireId,
    name: z.string(),
    intent: optString,
    language: optString,
    usage: optNumber,
    actions: z
      .array(action)
      .nullish()
      .transform((a) => a ?? []),
    archived_datetime: optDatetime,
    updated_datetime: optDatetime,
  })
  .transform((m): Macro => {
    const response = m.actions.find((a) => a.name === "setResponseText");
    const tags = m.actions.find((a) => a.name === "addTags");
    return {
      id: m.id,
      name: m.name,
      intent: m.intent,
      language: m.language,
      usage: m.usage,
      bodyText: str(response?.arguments.body_text),
      bodyHtml: str(response?.arguments.body_html),
      tagNames: (str(tags?.arguments.tags) ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t !== ""),
      actions: m.actions,
      archivedAt: m.archived_datetime,
      updatedAt: m.updated_datetime,
    };
  });
