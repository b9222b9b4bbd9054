import { z } from "zod";
import { err, ok, type Result } from "@/lib/result";

/**
 * What the inbox URL holds (`/{account}?view=12&q=refund&customer=7&order=created:desc`): the one
 * schema the page, the client list and the list route parse, so a hand-edited or stale URL means
 * the same thing everywhere. Unknown keys (utm_…, a future flag) are dropped, never an error.
 */
export const INBOX_ORDERS = ["updated:desc", "updated:asc", "created:desc", "created:asc"] as const;
export type InboxOrder = (typeof INBOX_ORDERS)[number];
export const DEFAULT_ORDER: InboxOrder = "updated:desc";

const id = z.coerce.number().int().positive().max(2_147_483_647);
// An empty `?q=` is what a cleared search box submits: it means "no search", not an error.
const search = z
  .string()
  .trim()
  .max(200, "Search is limited to 200 characters.")
  .transform((s) => (s === "" ? undefined : s));

const fields = {
  view: id.optional(),
  q: search.optional(),
  customer: id.optional(),
  order: z.enum(INBOX_ORDERS).default(DEFAULT_ORDER),
};

export const InboxQuery = z.object(fields);
export type InboxQuery = z.output<typeof InboxQuery>;

/** The list route's input: the URL's filters plus paging. Strict: nothing else is accepted there. */
export const InboxListRequest = z
  .object({
    ...fields,
    cursor: z.string().min(1).max(1024).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
    /** `1` for the background refresh: it waits behind agents' own reads in the shared budget. */
    refresh: z.enum(["0", "1"]).optional(),
  })
  .strict();
export type InboxListRequest = z.output<typeof InboxListRequest>;

export type SearchParamsInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Next hands pages `string | string[]`; a repeated key keeps its first value, as the browser shows it. */
export function searchParamsRecord(input: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) if (!Object.hasOwn(out, k)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(input)) {
    const first = typeof v === "string" ? v : v?.[0];
    if (first !== undefined) out[k] = first;
  }
  return out;
}

export interface InboxQueryError {
  readonly message: string;
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

export function parseInboxQuery(input: SearchParamsInput): Result<InboxQuery, InboxQueryError> {
  const parsed = InboxQuery.safeParse(searchParamsRecord(input));
  if (parsed.success) return ok(parsed.data);
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
  const names = Object.keys(fieldErrors);
  return err({ message: `This link has an invalid ${names.join(", ") || "filter"}; it was ignored.`, fields: fieldErrors });
}

/** The page never fails on a bad URL: invalid keys are dropped and the rest still applies. */
export function inboxQueryOrDefaults(input: SearchParamsInput): { query: InboxQuery; ignored: readonly string[] } {
  const record = searchParamsRecord(input);
  const parsed = parseInboxQuery(record);
  if (parsed.ok) return { query: parsed.value, ignored: [] };
  const ignored = Object.keys(parsed.error.fields);
  const kept = Object.fromEntries(Object.entries(record).filter(([k]) => !ignored.includes(k)));
  const retry = InboxQuery.safeParse(kept);
  return { query: retry.success ? retry.data : InboxQuery.parse({}), ignored };
}

/** The canonical URL search for a query: defaults left out, stable key order. */
export function inboxSearch(query: InboxQuery): string {
  const params = new URLSearchParams();
  if (query.view !== undefined) params.set("view", String(query.view));
  if (query.q !== undefined) params.set("q", query.q);
  if (query.customer !== undefined) params.set("customer", String(query.customer));
  if (query.order !== DEFAULT_ORDER) params.set("order", query.order);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const sameInboxQuery = (a: InboxQuery, b: InboxQuery): boolean => inboxSearch(a) === inboxSearch(b);
