import { z } from "zod";
import type { UploadedFile } from "../attachments";
import type { Customer, CustomerRef } from "../customer";
import type { CustomerProfile, CustomerStore, StoreOrder } from "../customer-store";
import type { Message } from "../message";
import type { TagRef } from "../tag";
import type { TeamRef } from "../team";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketSummary } from "../ticket";
import type { PreparedMessageBody, ThreadBody, ThreadMessage, TicketThread } from "../ticket-thread";
import type { UserRef } from "../user";
import type { View } from "../view";
import type { ViewCount } from "../view-counts";
import { restates } from "./restate";

/**
 * What our GET routes answer, as schemas: each handler's result goes through its route's schema
 * (`lib/server/agent-route.ts`), so a field the browser was not meant to get is stripped on the
 * server, and the browser's types are these schemas' outputs. Domain entities are restated with
 * `restates<T>()`, which keeps them and their interfaces in step; shapes that exist only on the
 * wire are declared here once.
 */

const text = z.string().nullable();
const instant = z.string().nullable();
const id = z.number().int();

export const CustomerRefSchema = restates<CustomerRef>()(z.object({ id, email: text, name: text }));
const UserRefSchema = restates<UserRef>()(z.object({ id, email: text, name: text }));
const TeamRefSchema = restates<TeamRef>()(z.object({ id, name: z.string(), emoji: text }));
const TagRefSchema = restates<TagRef>()(z.object({ id, name: z.string(), color: text }));

const CustomerSchema = restates<Customer>()(
  CustomerRefSchema.extend({
    firstname: text,
    lastname: text,
    externalId: text,
    language: text,
    timezone: text,
    note: text,
    channels: z.array(z.object({ type: z.string(), address: z.string(), preferred: z.boolean() })).readonly(),
    data: z.record(z.string(), z.unknown()).nullable(),
    createdAt: instant,
    updatedAt: instant,
    latestOrder: z.object({ name: text, trackingNumber: text, trackingUrl: text }).nullish(),
  }),
);

const StoreOrderSchema = restates<StoreOrder>()(
  z.object({
    name: z.string(),
    createdAt: instant,
    financialStatus: text,
    fulfillmentStatus: text,
    cancelledAt: instant,
    totalPrice: text,
    currency: text,
    items: z.array(z.object({ title: z.string(), quantity: z.number().nullable(), price: text })).readonly(),
    fulfillments: z.array(z.object({ status: text, trackingCompany: text, trackingNumber: text, trackingUrl: text })).readonly(),
  }),
);

const CustomerStoreSchema = restates<CustomerStore>()(
  z.object({ integrationId: z.string(), type: text, orders: z.array(StoreOrderSchema).readonly(), ordersCount: z.number().nullable(), totalSpent: text }),
);

/** The ticket's customer panel: the whole customer, their store data, their page in Gorgias. */
export const CustomerProfileSchema = restates<CustomerProfile>()(
  z.object({ customer: CustomerSchema, stores: z.array(CustomerStoreSchema).readonly(), gorgiasUrl: z.string(), readAt: z.string() }),
);

const ticketCommon = {
  id,
  externalId: text,
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  channel: text,
  via: text,
  subject: text,
  assigneeUser: UserRefSchema.nullable(),
  assigneeTeam: TeamRefSchema.nullable(),
  tags: z.array(TagRefSchema).readonly(),
  isUnread: z.boolean(),
  spam: z.boolean(),
  language: text,
  createdAt: instant,
  updatedAt: instant,
  openedAt: instant,
  lastMessageAt: instant,
  lastReceivedMessageAt: instant,
  closedAt: instant,
  snoozedUntil: instant,
  trashedAt: instant,
};

export const TicketSummarySchema = restates<TicketSummary>()(
  z.object({ ...ticketCommon, excerpt: text, customer: CustomerRefSchema.nullable(), messagesCount: z.number().nullable() }),
);

const TicketHeaderSchema = restates<TicketThread["ticket"]>()(
  z.object({
    ...ticketCommon,
    customer: CustomerSchema.nullable(),
    replyOptions: z.array(z.object({ channel: z.string(), integrationId: id, name: text, address: text })).readonly(),
    replyChannels: z.array(z.object({ channel: z.string(), answerable: z.boolean() })).readonly().optional(),
  }),
);

const address = z.object({ address: z.string(), name: text });
const participant = z.object({ id: id.nullable(), email: text, name: text });

const messageFields = restates<Omit<Message, "bodyText" | "bodyHtml" | "strippedText" | "strippedHtml" | "sourceLengths">>()(
  z.object({
    id,
    ticketId: id,
    externalId: text,
    kind: z.enum(["customer", "agent", "note"]),
    delivery: z.enum(["sending", "sent", "failed", "recorded"]),
    channel: text,
    via: text,
    public: z.boolean(),
    fromAgent: z.boolean(),
    sender: participant.nullable(),
    receiver: participant.nullable(),
    source: z
      .object({ type: text, from: address.nullable(), to: z.array(address).readonly(), cc: z.array(address).readonly(), bcc: z.array(address).readonly() })
      .nullable(),
    integrationId: id.nullable(),
    subject: text,
    attachments: z.array(z.object({ url: z.string(), name: text, contentType: text, size: z.number().nullable() })).readonly(),
    createdAt: instant,
    sentAt: instant,
    failedAt: instant,
    openedAt: instant,
    failureReason: text,
  }),
);

const frame = z.object({ srcDoc: z.string(), estimatedHeight: z.number() });

const preview = z.object({ shownChars: z.number(), totalChars: z.number() }).nullable();

const ThreadBodySchema = restates<ThreadBody>()(
  z.discriminatedUnion("format", [
    z.object({ format: z.literal("text"), main: z.string(), full: text, preview }),
    z.object({
      format: z.literal("html"),
      main: frame,
      full: frame.nullable(),
      remoteImages: z.number(),
      trackingPixels: z.number(),
      imagesAllowed: z.boolean(),
      fallbackToText: z.boolean(),
      truncated: z.boolean(),
      preview,
    }),
  ]),
);

const ThreadMessageSchema = restates<ThreadMessage>()(
  messageFields.extend({ body: ThreadBodySchema, hasQuotedHistory: z.boolean(), hasSignature: z.boolean(), assistantOf: text }),
);

export const TicketThreadSchema = restates<TicketThread>()(
  z.object({
    ticket: TicketHeaderSchema,
    messages: z.array(ThreadMessageSchema).readonly(),
    theme: z.enum(["light", "dark"]),
    partial: z.boolean(),
    assistantChanges: z.array(z.object({ at: z.string(), agentName: z.string(), what: z.string() })).readonly(),
    fetchedAt: z.number(),
  }),
);

export const PreparedMessageBodySchema = restates<PreparedMessageBody>()(z.object({ messageId: id, body: ThreadBodySchema }));

export const ViewSchema = restates<View>()(
  z.object({
    id,
    name: z.string(),
    slug: text,
    category: text,
    visibility: text,
    filters: text,
    orderBy: text,
    orderDir: z.enum(["asc", "desc"]).nullable(),
    emoji: text,
  }),
);

/** One page of the inbox list; `nextCursor` is opaque and short-lived. */
export const InboxPageSchema = z.object({ items: z.array(TicketSummarySchema).readonly(), nextCursor: text });
export type InboxPage = z.output<typeof InboxPageSchema>;

/** A customer found by e-mail or name, for the inbox filter and the new-ticket form. */
export const CustomerMatchSchema = CustomerRefSchema.extend({ firstname: text });
export type CustomerMatch = z.output<typeof CustomerMatchSchema>;

/** A person the assignee picker offers (never a bot or a deactivated user). */
export const AssignableUserSchema = z.object({ id, name: text, email: text, role: text });
export type AssignableUser = z.output<typeof AssignableUserSchema>;

/**
 * A macro the composer can preview and apply: its `setResponseText` (template variables still in
 * it) and its actions as Gorgias holds them, which the composer plans (`lib/domain/macro-actions.ts`).
 */
export const MacroChoiceSchema = z.object({
  id,
  name: z.string(),
  bodyText: text,
  actions: z.array(z.object({ name: z.string(), title: text, type: text, arguments: z.record(z.string(), z.unknown()) })).readonly(),
});
export type MacroChoice = z.output<typeof MacroChoiceSchema>;

/** The agent's own saved draft for one ticket and mode; its operation id travels with it. */
export const ServerDraftSchema = z.object({ bodyText: z.string(), operationId: z.string(), updatedAt: z.string(), revision: z.number().int() });
export type ServerDraft = z.output<typeof ServerDraftSchema>;
/** A draft save or discard: done, or refused because another tab saved a newer revision (shown here). */
export type DraftWrite = { readonly kind: "saved"; readonly revision: number } | { readonly kind: "discarded" } | { readonly kind: "conflict"; readonly current: ServerDraft };
/**
 * Where a send stands: `sending` is claimed by a live request, `unknown` may or may not be in
 * Gorgias, `waiting` waits on the server for its undo window and `undone` was taken back in it
 * (docs/safety.md#undo-send).
 */
export const SendStateSchema = z.enum(["sent", "sending", "unknown", "not_sent", "waiting", "undone"]);
export type SendState = z.output<typeof SendStateSchema>;
/** One of the agent's sends on the ticket that waits for its time (`sendAt`), or is going out. */
export const WaitingSendSchema = z.object({
  operationId: z.string(),
  mode: z.enum(["reply", "note"]),
  bodyText: z.string(),
  sendAt: z.string(),
  state: z.enum(["waiting", "sending"]),
});
export type WaitingSend = z.output<typeof WaitingSendSchema>;
export const TicketDraftsSchema = z.object({
  reply: ServerDraftSchema.nullable(),
  note: ServerDraftSchema.nullable(),
  /** For the operation ids asked about, the agent's own sends only. */
  sends: z.array(z.object({ operationId: z.string(), state: SendStateSchema, sendAt: z.string().nullable().optional() })).readonly(),
  /** The agent's own sends on this ticket still waiting or going out, so a reloaded page shows them. */
  waiting: z.array(WaitingSendSchema).readonly().default([]),
});
export type TicketDrafts = z.output<typeof TicketDraftsSchema>;

/** The address a reply to the ticket would leave from, or null when the account has none. */
/** `signature`: the text the server will append to an e-mail reply from that address, for this agent (docs/safety.md#signature). */
export const ReplyFromSchema = z.object({ from: z.object({ address: z.string(), name: text }).nullable(), signature: z.object({ text: z.string() }).nullable() });
export type ReplyFrom = z.output<typeof ReplyFromSchema>;

/** What our upload route answers: the file as Gorgias holds it, to send with a message. */
export const UploadedFileSchema = restates<UploadedFile>()(z.object({ url: z.string(), name: z.string(), contentType: z.string(), size: z.number().int() }));

const items = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item).readonly() });

export const ViewListSchema = items(ViewSchema);
export const ViewCountSchema = restates<ViewCount>()(z.object({ viewId: id, open: z.number().int().nonnegative(), unread: z.number().int().nonnegative(), more: z.boolean() }));
export const ViewCountListSchema = items(ViewCountSchema);
export const CustomerMatchListSchema = items(CustomerMatchSchema);
export const AssignableUserListSchema = items(AssignableUserSchema);
export const TeamListSchema = items(TeamRefSchema);
export const TagListSchema = items(TagRefSchema);
export const MacroChoiceListSchema = items(MacroChoiceSchema);
export const TicketSummaryListSchema = items(TicketSummarySchema);
