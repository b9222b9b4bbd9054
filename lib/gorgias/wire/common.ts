import { z } from "zod";
import { toUtcIso } from "@/lib/domain/datetime";
import type { Page } from "@/lib/domain/page";

/**
 * Wire schemas are open (`z.object` drops keys it does not know, so new Gorgias fields pass)
 * and strict only about the fields we read. Nullable-ish fields are normalized to `null`.
 */

export const wireId = z.number().int();

export const datetime = z.string().transform((raw, ctx) => {
  const iso = toUtcIso(raw);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: "not an ISO datetime" });
    return z.NEVER;
  }
  return iso;
});

export const optDatetime = datetime.nullish().transform((v) => v ?? null);
export const optString = z.string().nullish().transform((v) => v ?? null);
export const optNumber = z.number().nullish().transform((v) => v ?? null);
export const optBool = (fallback: boolean) => z.boolean().nullish().transform((v) => v ?? fallback);
export const optRecord = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((v) => v ?? null);

const cursorMeta = z
  .object({ next_cursor: z.string().nullish(), prev_cursor: z.string().nullish() })
  .nullish();

/**
 * A list answer: the `{object:"list", data, meta}` envelope, or a bare array (some versions
 * answer users, teams and ticket tags that way; a bare array is one complete page).
 */
export function listOf<S extends z.ZodType>(item: S) {
  const envelope = z.object({ data: z.array(item), meta: cursorMeta });
  return z.union([envelope, z.array(item)]).transform((body): Page<z.output<S>> => {
    if (Array.isArray(body)) return { items: body, nextCursor: null, prevCursor: null };
    return { items: body.data, nextCursor: body.meta?.next_cursor ?? null, prevCursor: body.meta?.prev_cursor ?? null };
  });
}

/**
 * View items link their pages with URLs (`next_items`) whose query carries `cursor`, `direction` and
 * `ignored_item`, and clients must follow them as given: the page token is that whole query
 * (`cursor=…&direction=next&ignored_item=12…`), turned back into parameters by `viewPageParams`.
 */
export function pageTokenFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const params = new URL(url, "http://relative.invalid").searchParams;
    return params.get("cursor") ? params.toString() : null;
  } catch {
    return null;
  }
}

/** The query a view-items page token stands for; a bare cursor (another version's meta) is just `cursor`. */
export function viewPageParams(token: string | null | undefined): Record<string, string> {
  if (!token) return {};
  const params = new URLSearchParams(token);
  return params.has("cursor") ? Object.fromEntries(params) : { cursor: token };
}

export function viewItemsOf<S extends z.ZodType>(item: S) {
  const meta = z
    .object({
      next_items: z.string().nullish(),
      prev_items: z.string().nullish(),
      next_cursor: z.string().nullish(),
      prev_cursor: z.string().nullish(),
    })
    .nullish();
  return z.object({ data: z.array(item), meta }).transform(
    (body): Page<z.output<S>> => ({
      items: body.data,
      // Tolerate the ordinary cursor meta too, in case a version answers with it.
      nextCursor: pageTokenFromUrl(body.meta?.next_items) ?? body.meta?.next_cursor ?? null,
      prevCursor: pageTokenFromUrl(body.meta?.prev_items) ?? body.meta?.prev_cursor ?? null,
    }),
  );
}

export const userRef = z
  .object({ id: wireId, email: optString, name: optString, firstname: optString, lastname: optString })
  .transform((u) => ({ id: u.id, email: u.email, name: u.name ?? joinName(u.firstname, u.lastname) }));

export function joinName(first: string | null, last: string | null): string | null {
  const joined = [first, last].filter((p): p is string => !!p && p.trim() !== "").join(" ");
  return joined === "" ? null : joined;
}

export const teamRef = z
  .object({ id: wireId, name: z.string(), decoration: z.object({ emoji: optString }).nullish() })
  .transform((t) => ({ id: t.id, name: t.name, emoji: t.decoration?.emoji ?? null }));

export const tagRef = z
  .object({ id: wireId, name: z.string(), decoration: z.object({ color: optString }).nullish() })
  .transform((t) => ({ id: t.id, name: t.name, color: t.decoration?.color ?? null }));
