import { z } from "zod";
import type { HttpIntegration, Integration } from "@/lib/domain/integration";
import { optDatetime, optString, wireId } from "./common";

export const integration = z
  .object({
    id: wireId,
    name: optString,
    type: z.string(),
    meta: z
      .object({
        address: optString,
        // Gorgias's own shape (reference §12); anything else there is not a signature we can use.
        signature: z.object({ text: optString, html: optString }).nullish().catch(null),
      })
      .nullish(),
    deactivated_datetime: optDatetime,
  })
  .transform(
    (i): Integration => ({
      id: i.id,
      name: i.name ?? `${i.type} #${i.id}`,
      type: i.type,
      address: i.meta?.address ?? null,
      active: i.deactivated_datetime === null,
      signature: i.meta?.signature?.text?.trim() ? { text: i.meta.signature.text, html: i.meta.signature.html } : null,
    }),
  );

export const httpIntegration = z
  .object({
    id: wireId,
    name: optString,
    type: z.literal("http"),
    http: z.object({
      url: z.string(),
      method: optString,
      headers: z.record(z.string(), z.unknown()).nullish(),
      triggers: z.record(z.string(), z.boolean()).nullish(),
    }),
    deactivated_datetime: optDatetime,
  })
  .transform(
    (i): HttpIntegration => ({
      id: i.id,
      name: i.name ?? `http #${i.id}`,
      url: i.http.url,
      method: i.http.method ?? "POST",
      triggers: Object.entries(i.http.triggers ?? {})
        .filter(([, on]) => on)
        .map(([name]) => name),
      headerNames: Object.keys(i.http.headers ?? {}),
      active: i.deactivated_datetime === null,
    }),
  );
