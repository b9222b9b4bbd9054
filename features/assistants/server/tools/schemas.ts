/**
 * The eight tools' inputs and outputs (zod, turned into JSON Schema by the MCP SDK). Inputs carry
 * intent only: sender, recipients, `public` and the account are derived on the server
 * (docs/safety.md#client-intent); `accountDomain` must name the token's own account.
 */
import { z } from "zod";
import { AccountDomain, GorgiasId } from "@/lib/domain/contract/ids";
import { OperationId } from "@/lib/domain/contract/inputs";
import { INBOX_ORDERS, MAX_SEARCH_CHARS } from "@/lib/domain/inbox-query";
import { MAX_BODY_CHARS, MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_SUBJECT_CHARS } from "@/lib/domain/inputs";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/domain/ticket";
import { CustomerBrief, MessageBrief, TicketBrief, UserBrief } from "./compact";
import { Untrusted } from "./untrusted";

/** What a tool's raw shape parses into. */
export type Args<T extends z.ZodRawShape> = z.output<z.ZodObject<T>>;

/** More tickets than this in one update_ticket call need an itemized confirmation. */
export const BULK_CONFIRM_ABOVE = 3;
export const MAX_BULK_TICKETS = 50;

const account = { accountDomain: AccountDomain.describe("The Gorgias account's subdomain (acme for acme.gorgias.com): the token's own account.") };
const limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback).describe(`How many to return (1–${max}).`);
const cursor = z.string().max(512).optional().describe("nextCursor of the previous page.");
const operationId = OperationId.optional().describe(
  "A UUID you make for this write and reuse when you retry it: the write then happens once. Without it, one is derived from the content, so the same content through the same token happens once.",
);
const confirmationToken = z.string().max(64).optional().describe("The confirmationToken a preview returned; send it with exactly the same content to go ahead.");
const bodyText = z
  .string()
  .max(MAX_BODY_CHARS)
  .refine((s) => s.trim().length > 0, "The text is empty.")
  .describe("Plain text.");
const channel = z
  .enum(["internal-note", "email"])
  .default("internal-note")
  .describe("internal-note (default): only the team sees it. email: e-mails the customer; needs the token's send scope and a confirmation (two calls).");

export const listTicketsInput = {
  ...account,
  viewId: GorgiasId.optional().describe("Only tickets of this Gorgias view."),
  search: z.string().trim().min(1).max(MAX_SEARCH_CHARS).optional().describe("Words to search for, as in the helpdesk's search box."),
  customerId: GorgiasId.optional().describe("Only this customer's tickets."),
  order: z.enum(INBOX_ORDERS).default("updated:desc"),
  limit: limit(50, 20),
  cursor,
};
export const listTicketsOutput = { tickets: z.array(TicketBrief), nextCursor: z.string().nullable() };

export const getTicketInput = { ...account, ticketId: GorgiasId };
export const getTicketOutput = {
  ticket: TicketBrief,
  messages: z.array(MessageBrief).describe("The newest messages, oldest first."),
  newestMessageId: z.number().int().nullable(),
  olderMessages: z.number().int().describe("How many older messages list_ticket_messages can page through."),
};

export const listTicketMessagesInput = { ...account, ticketId: GorgiasId, limit: limit(50, 20), cursor };
export const listTicketMessagesOutput = { messages: z.array(MessageBrief).describe("Newest first."), nextCursor: z.string().nullable() };

export const createTicketMessageInput = { ...account, ticketId: GorgiasId, bodyText, channel, operationId, confirmationToken };

/** A preview's answer: what would be e-mailed, and the token that sends it. */
const Confirmation = z.object({
  confirmationToken: z.string(),
  expiresAt: z.string(),
  to: z.string().nullable(),
  subject: Untrusted.nullable(),
  bodyText: z.string(),
  newestMessageId: z.number().int().nullable().describe("The thread's newest message when previewed: a newer one voids the token."),
});

export const createTicketMessageOutput = {
  status: z.enum(["note_added", "confirmation_required", "email_sent"]),
  ticketId: z.number().int(),
  operationId: z.string(),
  messageId: z.number().int().nullable(),
  alreadySent: z.boolean().describe("True when this operation had already happened: nothing new was posted."),
  confirmation: Confirmation.nullable(),
};

export const createTicketInput = {
  ...account,
  customerEmail: z.email().max(MAX_EMAIL_CHARS),
  customerName: z.string().trim().max(MAX_NAME_CHARS).optional(),
  subject: z.string().trim().min(1).max(MAX_SUBJECT_CHARS),
  bodyText,
  channel: channel.describe("internal-note (default): the ticket opens with a note the customer never sees. email: its first message e-mails the customer (send scope, two calls)."),
  tags: z.array(z.string().trim().min(1).max(256)).max(20).default([]),
  operationId,
  confirmationToken,
};
export const createTicketOutput = {
  status: z.enum(["created", "confirmation_required"]),
  ticketId: z.number().int().nullable(),
  operationId: z.string(),
  alreadyCreated: z.boolean(),
  confirmation: Confirmation.nullable(),
};

export const listCustomersInput = {
  ...account,
  email: z.email().max(MAX_EMAIL_CHARS).optional().describe("Exactly this e-mail address."),
  search: z.string().trim().min(1).max(MAX_SEARCH_CHARS).optional().describe("A name or part of an e-mail address."),
  limit: limit(50, 20),
  cursor,
};
export const listCustomersOutput = { customers: z.array(CustomerBrief), nextCursor: z.string().nullable() };

export const listUsersInput = { ...account };
export const listUsersOutput = { users: z.array(UserBrief) };

export const updateTicketInput = {
  ...account,
  ticketId: GorgiasId.optional().describe("The ticket to change (or ticketIds for several)."),
  ticketIds: z.array(GorgiasId).min(1).max(MAX_BULK_TICKETS).optional().describe(`Several tickets; more than ${BULK_CONFIRM_ABOVE} need an itemized confirmation (two calls).`),
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  assigneeUserId: GorgiasId.nullable().optional().describe("A user id from list_users; null unassigns."),
  assigneeTeamId: GorgiasId.nullable().optional(),
  addTags: z.array(z.string().trim().min(1).max(256)).max(20).default([]),
  removeTags: z.array(z.string().trim().min(1).max(256)).max(20).default([]),
  operationId,
  confirmationToken,
};

const UpdateItem = z.object({
  ticketId: z.number().int(),
  subject: Untrusted.nullable(),
  before: z.object({ status: z.string(), priority: z.string(), assigneeUserId: z.number().int().nullable(), assigneeTeamId: z.number().int().nullable(), tags: z.array(z.string()) }).nullable(),
  outcome: z.enum(["pending_confirmation", "updated", "failed", "not_found"]),
  error: z.string().nullable(),
});

export const updateTicketOutput = {
  status: z.enum(["updated", "partly_updated", "confirmation_required"]),
  operationId: z.string(),
  change: z.string().describe("The change, in words."),
  items: z.array(UpdateItem),
  confirmation: z.object({ confirmationToken: z.string(), expiresAt: z.string() }).nullable(),
};
