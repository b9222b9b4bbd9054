/**
 * Compact shapes for assistants: ids, names and stripped text, nothing an assistant does not need
 * (no HTML, no raw Gorgias objects), customer-written text wrapped as untrusted.
 */
import { z } from "zod";
import { htmlToPlainText, splitQuoted } from "@/lib/email/server";
import type { Customer, CustomerRef } from "@/lib/domain/customer";
import type { Message } from "@/lib/domain/message";
import type { Ticket, TicketSummary } from "@/lib/domain/ticket";
import type { TicketHeader } from "@/lib/domain/ticket-thread";
import type { User } from "@/lib/domain/user";
import { Untrusted, untrusted } from "./untrusted";

/** Long enough for any real reply; a pasted log or a newsletter is cut and says so. */
export const MAX_TEXT_CHARS = 4_000;

const Ref = z.object({ id: z.number().int(), name: z.string().nullable() });

export const CustomerBrief = z.object({ id: z.number().int(), email: z.string().nullable(), name: Untrusted.nullable() });
export type CustomerBrief = z.infer<typeof CustomerBrief>;

export const TicketBrief = z.object({
  id: z.number().int(),
  status: z.enum(["open", "closed"]),
  priority: z.string(),
  channel: z.string().nullable(),
  subject: Untrusted.nullable(),
  excerpt: Untrusted.nullable(),
  customer: CustomerBrief.nullable(),
  assignee: Ref.nullable(),
  team: Ref.nullable(),
  tags: z.array(z.string()),
  messagesCount: z.number().int().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
});
export type TicketBrief = z.infer<typeof TicketBrief>;

export const MessageBrief = z.object({
  id: z.number().int(),
  kind: z.enum(["customer", "agent", "note"]).describe("customer: written by the customer; agent: a reply the customer received; note: internal, never seen by the customer"),
  author: z.union([z.string(), Untrusted]).nullable(),
  createdAt: z.string().nullable(),
  delivery: z.enum(["sending", "sent", "failed", "recorded"]),
  text: z.union([z.string(), Untrusted]),
  truncated: z.boolean(),
});
export type MessageBrief = z.infer<typeof MessageBrief>;

export const UserBrief = z.object({ id: z.number().int(), name: z.string().nullable(), email: z.string().nullable(), role: z.string().nullable() });

export const customerBrief = (c: CustomerRef | Customer): CustomerBrief => ({ id: c.id, email: c.email, name: untrusted(c.name) });

function ticketFields(t: TicketHeader | TicketSummary): Omit<TicketBrief, "excerpt" | "messagesCount"> {
  return {
    id: t.id,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    subject: untrusted(t.subject),
    customer: t.customer ? customerBrief(t.customer) : null,
    assignee: t.assigneeUser ? { id: t.assigneeUser.id, name: t.assigneeUser.name } : null,
    team: t.assigneeTeam ? { id: t.assigneeTeam.id, name: t.assigneeTeam.name } : null,
    tags: t.tags.map((tag) => tag.name),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    lastMessageAt: t.lastMessageAt,
  };
}

export const ticketBrief = (t: TicketSummary): TicketBrief => ({ ...ticketFields(t), excerpt: untrusted(t.excerpt), messagesCount: t.messagesCount });

export const ticketHeaderBrief = (t: TicketHeader | Ticket, messagesCount: number | null): TicketBrief => ({ ...ticketFields(t), excerpt: null, messagesCount });

/** The message's own words: quoted history and signature cut, HTML turned into text. */
function plainText(m: Message): string {
  const split = splitQuoted(m);
  return (split.format === "html" ? htmlToPlainText(split.main) : split.main).trim();
}

export function messageBrief(m: Message): MessageBrief {
  const text = plainText(m);
  const truncated = text.length > MAX_TEXT_CHARS;
  const shown = truncated ? `${text.slice(0, MAX_TEXT_CHARS)}…` : text;
  const fromCustomer = m.kind === "customer";
  const author = m.sender?.name ?? m.sender?.email ?? null;
  return {
    id: m.id,
    kind: m.kind,
    author: fromCustomer ? untrusted(author) : author,
    createdAt: m.createdAt,
    delivery: m.delivery,
    text: fromCustomer ? { untrusted: shown } : shown,
    truncated,
  };
}

export const userBrief = (u: User) => ({ id: u.id, name: u.name, email: u.email, role: u.role });
