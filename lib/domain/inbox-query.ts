import { err, ok, type Result } from "@/lib/result";
import { gorgiasIdFrom } from "./ids";

/**
 * What the inbox URL holds (`/{account}?view=12&q=refund&customer=7&order=created:desc`): the one
 * reading the page, the client list and the list route share, so a hand-edited or stale URL means
 * the same thing everywhere. Unknown keys (utm_…, a future flag) are dropped, never an error.
 * Plain functions, no validator: the browser re-reads the URL on every filter change.
 */
export const INBOX_ORDERS = ["updated:desc", "updated:asc", "created:desc", "created:asc"] as const;
export type InboxOrder = (typeof INBOX_ORDERS)[number];
export const DEFAULT_ORDER: InboxOrder = "updated:desc";
export const MAX_SEARCH_CHARS = 200;

export interface InboxQuery {
  readonly view?: number;
  readonly q?: string;
  readonly customer?: number;
  readonly order: InboxOrder;
}

/** One URL value read, or why it cannot be. */
export type FieldReading<T> = Result<T, string>;

const id = (text: string): FieldReading<number> => {
  const n = gorgiasIdFrom(text);
  return n === null ? err("Expected a positive whole number.") : ok(n);
};

/**
 * Each field's reading from its URL text, shared with the list route's schema. An empty `?q=` is
 * what a cleared search box submits: it means "no search", not an error.
 */
export const INBOX_FIELDS = {
  view: id,
  q: (text: string): FieldReading<string | undefined> => {
    const s = text.trim();
    return s.length > MAX_SEARCH_CHARS ? err(`Search is limited to ${MAX_SEARCH_CHARS} characters.`) : ok(s === "" ? undefined : s);
  },
  customer: id,
  order: (text: string): FieldReading<InboxOrder> =>
    (INBOX_ORDERS as readonly string[]).includes(text) ? ok(text as InboxOrder) : err(`Expected one of ${INBOX_ORDERS.join(", ")}.`),
} as const;

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

function readField<T>(record: Readonly<Record<string, string>>, key: string, read: (text: string) => FieldReading<T>, fields: Record<string, string[]>): T | undefined {
  const text = Object.hasOwn(record, key) ? record[key] : undefined;
  if (text === undefined) return undefined;
  const reading = read(text);
  if (reading.ok) return reading.value;
  fields[key] = [reading.error];
  return undefined;
}

/** The query with every readable field, and the fields that could not be read. */
function readInboxQuery(record: Readonly<Record<string, string>>): { query: InboxQuery; fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  const query: InboxQuery = {
    view: readField(record, "view", INBOX_FIELDS.view, fields),
    q: readField(record, "q", INBOX_FIELDS.q, fields),
    customer: readField(record, "customer", INBOX_FIELDS.customer, fields),
    order: readField(record, "order", INBOX_FIELDS.order, fields) ?? DEFAULT_ORDER,
  };
  return { query, fields };
}

export function parseInboxQuery(input: SearchParamsInput): Result<InboxQuery, InboxQueryError> {
  const { query, fields } = readInboxQuery(searchParamsRecord(input));
  const names = Object.keys(fields);
  if (names.length === 0) return ok(query);
  return err({ message: `This link has an invalid ${names.join(", ")}; it was ignored.`, fields });
}

/** The page never fails on a bad URL: invalid keys are dropped and the rest still applies. */
export function inboxQueryOrDefaults(input: SearchParamsInput): { query: InboxQuery; ignored: readonly string[] } {
  const { query, fields } = readInboxQuery(searchParamsRecord(input));
  return { query, ignored: Object.keys(fields) };
}

/** The query as URL values, in a stable key order; a default is left out. */
export function inboxParams(query: InboxQuery): { view?: string; q?: string; customer?: string; order?: InboxOrder } {
  return {
    view: query.view?.toString(),
    q: query.q,
    customer: query.customer?.toString(),
    order: query.order === DEFAULT_ORDER ? undefined : query.order,
  };
}

/** The canonical URL search for a query (`?view=2&q=refund`, or "" for the defaults). */
export function inboxSearch(query: InboxQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(inboxParams(query))) if (value !== undefined) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const sameInboxQuery = (a: InboxQuery, b: InboxQuery): boolean => inboxSearch(a) === inboxSearch(b);
