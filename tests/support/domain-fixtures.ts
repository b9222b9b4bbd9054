/** Domain objects for tests, made by our own wire parsers from the documented Gorgias examples. */
import type { Message } from "@/lib/domain/message";
import type { Ticket, TicketSummary } from "@/lib/domain/ticket";
import { message as wireMessage } from "@/lib/gorgias/wire/message";
import { ticket as wireTicket, ticketSummary as wireSummary } from "@/lib/gorgias/wire/ticket";
import * as examples from "@/tests/unit/gorgias/fixtures";

export function messageOf(id: number, ticketId: number, at: string, extra: Record<string, unknown> = {}): Message {
  return wireMessage.parse({ ...examples.message, id, ticket_id: ticketId, created_datetime: at, body_text: `Message ${id}`, ...extra });
}

/** A ticket at version `updatedAt`; `messages` embedded as Gorgias sends them (its last one is the latest). */
export function ticketOf(id: number, updatedAt: string, messages: readonly Message[] = [], extra: Record<string, unknown> = {}): Ticket {
  const parsed = wireTicket.parse({ ...examples.ticket, id, updated_datetime: updatedAt, last_message_datetime: messages.at(-1)?.createdAt ?? null, messages: [], ...extra });
  return { ...parsed, messages };
}

export function summaryOf(id: number, updatedAt: string, extra: Record<string, unknown> = {}): TicketSummary {
  return wireSummary.parse({ ...examples.ticketListItem, id, updated_datetime: updatedAt, created_datetime: updatedAt, ...extra });
}
