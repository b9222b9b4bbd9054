import type { Ticket, TicketPriority, TicketStatus, TicketSummary } from "@/lib/domain/ticket";
import type { Page } from "@/lib/domain/page";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { ticket, ticketSummary } from "./wire/ticket";
import { oneLine } from "@/lib/domain/safe-text";

export interface ListTicketsQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly orderBy?: "created_datetime:asc" | "created_datetime:desc" | "updated_datetime:asc" | "updated_datetime:desc";
  readonly customerId?: number;
  readonly viewId?: number;
  readonly externalId?: string;
  readonly ticketIds?: readonly number[];
  /** Gorgias includes trashed tickets unless told otherwise; we default to excluding them (null: both). */
  readonly trashed?: boolean | null;
}

/** What the server decided to send as a new outgoing e-mail ticket (never browser input). */
export interface NewTicketRequest {
  readonly customer: { readonly id: number } | { readonly email: string; readonly name?: string | null };
  readonly subject: string;
  readonly senderUserId: number;
  readonly from: { readonly address: string; readonly name?: string | null };
  readonly to: { readonly address: string; readonly name?: string | null };
  readonly integrationId?: number | null;
  readonly bodyText: string;
  readonly bodyHtml?: string | null;
  /**
   * `email` (default) e-mails the customer; `note` opens the ticket with an internal note that the
   * customer never sees (no receiver, no source, `public: false`).
   */
  readonly firstMessage?: "email" | "note";
  /** Our operation id; lets a retry find the ticket instead of creating a second one. */
  readonly externalId: string;
  readonly tagNames?: readonly string[];
  readonly assigneeUserId?: number | null;
  readonly assigneeTeamId?: number | null;
}

/** Absolute values only (safe to repeat); `null` unassigns or un-snoozes. */
export interface TicketPatch {
  readonly status?: TicketStatus;
  readonly priority?: TicketPriority;
  readonly assigneeUserId?: number | null;
  readonly assigneeTeamId?: number | null;
  readonly subject?: string;
  readonly snoozeUntil?: string | null;
  readonly isUnread?: boolean;
  readonly spam?: boolean;
  /** A time moves the ticket to the trash; null restores it. */
  readonly trashedAt?: string | null;
}

const ref = (id: number | null) => (id === null ? null : { id });
// Names and subjects go into e-mail headers: one line each (docs/safety.md#untrusted-text).
const headerName = (name: string | null | undefined) => (name && oneLine(name)) || undefined;
const dropUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Only the fields being changed are sent: Gorgias `PUT` is partial and we must not clobber others' edits. */
export function ticketPatchBody(patch: TicketPatch): Record<string, unknown> {
  return dropUndefined({
    status: patch.status,
    priority: patch.priority,
    assignee_user: patch.assigneeUserId === undefined ? undefined : ref(patch.assigneeUserId),
    assignee_team: patch.assigneeTeamId === undefined ? undefined : ref(patch.assigneeTeamId),
    subject: patch.subject,
    snooze_datetime: patch.snoozeUntil,
    is_unread: patch.isUnread,
    spam: patch.spam,
    trashed_datetime: patch.trashedAt,
  });
}

function firstNote(req: NewTicketRequest): Record<string, unknown> {
  return dropUndefined({
    channel: "internal-note",
    via: "api",
    from_agent: true,
    public: false,
    sender: { id: req.senderUserId },
    subject: oneLine(req.subject),
    body_text: req.bodyText,
    body_html: req.bodyHtml ?? undefined,
    external_id: req.externalId,
  });
}

function firstEmail(req: NewTicketRequest): Record<string, unknown> {
  return dropUndefined({
    channel: "email",
    via: "api",
    from_agent: true,
    public: true,
    sender: { id: req.senderUserId },
    receiver: "id" in req.customer ? { id: req.customer.id } : { email: req.customer.email },
    source: { type: "email", from: dropUndefined({ address: req.from.address, name: headerName(req.from.name) }), to: [dropUndefined({ address: req.to.address, name: headerName(req.to.name) })] },
    integration_id: req.integrationId ?? undefined,
    subject: oneLine(req.subject),
    body_text: req.bodyText,
    body_html: req.bodyHtml ?? undefined,
    external_id: req.externalId,
  });
}

export function newTicketBody(req: NewTicketRequest): Record<string, unknown> {
  const message = req.firstMessage === "note" ? firstNote(req) : firstEmail(req);
  return dropUndefined({
    // The ticket's channel is how the customer will be answered, whatever its first message is.
    channel: "email",
    via: "api",
    from_agent: true,
    status: "open",
    subject: oneLine(req.subject),
    // Reference by id or e-mail only: extra fields on a nested object would edit the customer.
    customer: "id" in req.customer ? { id: req.customer.id } : dropUndefined({ email: req.customer.email, name: headerName(req.customer.name) }),
    external_id: req.externalId,
    tags: req.tagNames?.map((name) => ({ name })),
    assignee_user: req.assigneeUserId === undefined ? undefined : ref(req.assigneeUserId),
    assignee_team: req.assigneeTeamId === undefined ? undefined : ref(req.assigneeTeamId),
    messages: [message],
  });
}

const ticketList = listOf(ticketSummary);

export function ticketsApi(send: Transport) {
  return {
    list: (q: ListTicketsQuery = {}, o?: CallOptions): Promise<Result<Page<TicketSummary>, GorgiasError>> =>
      send(
        {
          method: "GET",
          path: "/tickets",
          query: {
            cursor: q.cursor,
            limit: q.limit,
            order_by: q.orderBy,
            customer_id: q.customerId,
            view_id: q.viewId,
            external_id: q.externalId,
            ticket_ids: q.ticketIds,
            trashed: q.trashed === null ? undefined : (q.trashed ?? false),
          },
          schema: ticketList,
        },
        o,
      ),
    get: (id: number, o?: CallOptions): Promise<Result<Ticket, GorgiasError>> => send({ method: "GET", path: `/tickets/${id}`, schema: ticket }, o),
    /** Never retried: after a timeout or 5xx, look the ticket up by `externalId` before trying again. */
    create: (req: NewTicketRequest, o?: CallOptions): Promise<Result<Ticket, GorgiasError>> =>
      send({ method: "POST", path: "/tickets", body: newTicketBody(req), schema: ticket }, { priority: "send", ...o }),
    update: (id: number, patch: TicketPatch, o?: CallOptions): Promise<Result<Ticket, GorgiasError>> =>
      send({ method: "PUT", path: `/tickets/${id}`, body: ticketPatchBody(patch), schema: ticket }, o),
  };
}
