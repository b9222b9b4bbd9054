import { z } from "zod";
import { API_ROUTES, type ApiPath, type ApiRouteName } from "../api-routes";
import { DEFAULT_ORDER, INBOX_FIELDS, MAX_SEARCH_CHARS } from "../inbox-query";
import type { Result } from "@/lib/result";
import { AccountDomain, GorgiasIdParam } from "./ids";
import {
  AssignableUserListSchema,
  CustomerMatchListSchema,
  CustomerProfileSchema,
  InboxPageSchema,
  MacroChoiceListSchema,
  PreparedMessageBodySchema,
  ReplyFromSchema,
  TagListSchema,
  TeamListSchema,
  TicketDraftsSchema,
  TicketSummaryListSchema,
  TicketThreadSchema,
  ViewListSchema,
  ViewCountListSchema,
} from "./responses";

/**
 * Each GET route's contract: what its path params and search params must be, and what it answers.
 * `agentRoute` parses the first two and shapes the answer with the third; the browser's fetch
 * helper is typed by the same table (types only: this module and zod stay on the server).
 */
export interface RouteSpec<P extends ApiPath = ApiPath> {
  readonly path: P;
  readonly params: z.ZodType<{ account: string }>;
  readonly query: z.ZodType;
  readonly response: z.ZodType;
}

/** A URL field read by the same function the browser uses, so both sides agree on what it means. */
const reading = <T>(read: (text: string) => Result<T, string>) =>
  z.string().transform((text, ctx) => {
    const r = read(text);
    if (r.ok) return r.value;
    ctx.issues.push({ code: "custom", message: r.error, input: text });
    return z.NEVER;
  });

const AccountParams = z.object({ account: AccountDomain });
const TicketParams = AccountParams.extend({ ticketId: GorgiasIdParam });
const MessageParams = TicketParams.extend({ messageId: GorgiasIdParam });

const NoQuery = z.object({}).strict();
/** Comma-separated operation ids, at most four (a reply and a note, twice over). */
const OperationIdList = z
  .string()
  .max(200)
  .optional()
  .transform((v) => (v ? v.split(",") : []))
  .pipe(z.array(z.uuid()).max(4));
const theme = z.enum(["light", "dark"]).default("light");

/** The inbox URL's filters plus paging. Strict: nothing else is accepted (no raw Gorgias filter). */
export const InboxListRequest = z
  .object({
    view: reading(INBOX_FIELDS.view).optional(),
    q: reading(INBOX_FIELDS.q).optional(),
    customer: reading(INBOX_FIELDS.customer).optional(),
    order: reading(INBOX_FIELDS.order).default(DEFAULT_ORDER),
    cursor: z.string().min(1).max(1024).optional(),
    limit: z.coerce.number<string | number>().int().min(1).max(100).default(30),
    /** `1` for the background refresh: it waits behind agents' own reads in the shared budget. */
    refresh: z.enum(["0", "1"]).optional(),
  })
  .strict();

export const apiContract = {
  tickets: { path: API_ROUTES.tickets, params: AccountParams, query: InboxListRequest, response: InboxPageSchema },
  views: { path: API_ROUTES.views, params: AccountParams, query: NoQuery, response: ViewListSchema },
  viewCounts: { path: API_ROUTES.viewCounts, params: AccountParams, query: NoQuery, response: ViewCountListSchema },
  customers: {
    path: API_ROUTES.customers,
    params: AccountParams,
    query: z.object({ q: z.string().trim().min(2, "Type at least two characters.").max(MAX_SEARCH_CHARS) }).strict(),
    response: CustomerMatchListSchema,
  },
  macros: {
    path: API_ROUTES.macros,
    params: AccountParams,
    query: z
      .object({
        q: z.string().trim().max(MAX_SEARCH_CHARS).optional(),
        /** The macros Gorgias ranks most relevant to this ticket instead (with no `q`). */
        ticket: GorgiasIdParam.optional(),
      })
      .strict(),
    response: MacroChoiceListSchema,
  },
  users: { path: API_ROUTES.users, params: AccountParams, query: NoQuery, response: AssignableUserListSchema },
  teams: { path: API_ROUTES.teams, params: AccountParams, query: NoQuery, response: TeamListSchema },
  tags: {
    path: API_ROUTES.tags,
    params: AccountParams,
    query: z.object({ q: z.string().trim().max(MAX_SEARCH_CHARS).optional() }).strict(),
    response: TagListSchema,
  },
  ticket: {
    path: API_ROUTES.ticket,
    params: TicketParams,
    query: z
      .object({
        theme,
        /** Set by the browser's interval refresh, so it waits behind agents' own reads (docs/safety.md#shared-budget). */
        background: z.enum(["1"]).optional(),
      })
      .strict(),
    response: TicketThreadSchema,
  },
  customer: {
    path: API_ROUTES.customer,
    params: AccountParams.extend({ customerId: GorgiasIdParam }),
    query: NoQuery,
    response: CustomerProfileSchema,
  },
  customerTickets: {
    path: API_ROUTES.customerTickets,
    params: AccountParams.extend({ customerId: GorgiasIdParam }),
    query: NoQuery,
    response: TicketSummaryListSchema,
  },
  drafts: {
    path: API_ROUTES.drafts,
    params: TicketParams,
    /** The operation ids this browser's drafts carry: a reload mid-send learns whether each went out. */
    query: z.object({ ops: OperationIdList }).strict(),
    response: TicketDraftsSchema,
  },
  replyFrom: {
    path: API_ROUTES.replyFrom,
    params: TicketParams,
    query: NoQuery,
    response: ReplyFromSchema,
  },
  messageBody: {
    path: API_ROUTES.messageBody,
    params: MessageParams,
    query: z
      .object({
        theme,
        /** The agent asked for this message's remote images (tracking pixels stay removed). */
        images: z.enum(["1"]).optional(),
        /** The agent asked for all of a long body, not the thread's preview ("Show all"). */
        all: z.enum(["1"]).optional(),
      })
      .strict(),
    response: PreparedMessageBodySchema,
  },
} as const satisfies { readonly [N in ApiRouteName]: RouteSpec<(typeof API_ROUTES)[N]> };

type Contract = typeof apiContract;

/** What the browser may put in a route's search params. */
export type ApiQuery<N extends ApiRouteName> = z.input<Contract[N]["query"]>;
/** What a route answers, as its handler shaped it. */
export type ApiResponse<N extends ApiRouteName> = z.output<Contract[N]["response"]>;
