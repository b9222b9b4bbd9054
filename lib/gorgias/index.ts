import "server-only";

/**
 * The Gorgias client: the only code that knows Gorgias's wire format. Next code imports this
 * entry (which refuses to load in a client bundle); tests import the inner modules directly.
 */
export { createGorgiasClient, DEFAULT_TIMEOUT_MS, type GorgiasClient, type GorgiasClientOptions } from "./client";
export { appUrlFor, resolveBaseUrl, DEFAULT_BASE_URL_TEMPLATE, type BaseUrlError } from "./base-url";
export { budgetFor, BudgetScheduler, PRIORITIES, type Priority, type BudgetOptions, type BudgetSnapshot } from "./budget";
export { outcomeUnknown, type GorgiasError, type GorgiasErrorKind } from "./errors";
export { paginate, collectAll, type PageFetcher } from "./pagination";
export type { CallOptions } from "./request";
export type { RetryPolicy } from "./retry";
export type { ListTicketsQuery, NewTicketRequest, TicketPatch } from "./tickets";
export type { ChannelReplyRequest, ReplyRequest, NoteRequest, MailAddress } from "./messages";
export type { TicketSearch, ViewItemsQuery } from "./views";
export type { TagSelection } from "./tags";
export type { FileToUpload } from "./uploads";
export type { JobSelection } from "./jobs";
