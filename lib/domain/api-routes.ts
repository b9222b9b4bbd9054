/**
 * Our GET routes by name, and the one way to build their URLs. Plain strings, no validator: the
 * browser imports this; the schemas of each route live in `contract/routes.ts` (server and tests),
 * and the browser takes only their types from there.
 */
export const API_ROUTES = {
  tickets: "/api/[account]/tickets",
  views: "/api/[account]/views",
  viewCounts: "/api/[account]/views/counts",
  customers: "/api/[account]/customers",
  macros: "/api/[account]/macros",
  users: "/api/[account]/users",
  teams: "/api/[account]/teams",
  tags: "/api/[account]/tags",
  ticket: "/api/[account]/tickets/[ticketId]",
  customer: "/api/[account]/customers/[customerId]",
  customerTickets: "/api/[account]/customers/[customerId]/tickets",
  drafts: "/api/[account]/tickets/[ticketId]/drafts",
  replyFrom: "/api/[account]/tickets/[ticketId]/reply-from",
  messageBody: "/api/[account]/tickets/[ticketId]/messages/[messageId]/body",
} as const;

export type ApiRouteName = keyof typeof API_ROUTES;
export type ApiPath = (typeof API_ROUTES)[ApiRouteName];

type Segments<P extends string> = P extends `${string}[${infer Name}]${infer Rest}` ? Name | Segments<Rest> : never;

/** The values of a route's `[segments]`, e.g. `{ account, ticketId }`. */
export type ApiPathParams<N extends ApiRouteName> = { readonly [K in Segments<(typeof API_ROUTES)[N]>]: string | number };

export type ApiSearch = Readonly<Record<string, string | number | undefined>>;

/** `/api/acme/tickets/12?theme=dark`: every segment encoded, undefined search values left out. */
export function apiUrl<N extends ApiRouteName>(name: N, params: ApiPathParams<N>, search: ApiSearch = {}): string {
  const values: Readonly<Record<string, string | number>> = params;
  const path = API_ROUTES[name].replace(/\[(\w+)\]/g, (_, key: string) => encodeURIComponent(String(values[key])));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined) query.set(key, String(value));
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

/** The account's live stream (Server-Sent Events), outside the JSON contract above. */
export const apiStreamUrl = (account: string): string => `/api/${encodeURIComponent(account)}/stream`;

/** Where a tab reports its presence (a POST, also sent with `navigator.sendBeacon`). */
export const apiPresenceUrl = (account: string): string => `/api/${encodeURIComponent(account)}/presence`;

/** Where the composer uploads one attachment (multipart, POST; the one body over 1 MB we accept). */
export const apiUploadUrl = (account: string): string => `/api/${encodeURIComponent(account)}/uploads`;
