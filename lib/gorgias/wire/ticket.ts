import { z } from "zod";
import type { ReplyChannelOption } from "@/lib/domain/reply-channel";
import { TICKET_PRIORITIES, TICKET_STATUSES, type ReplyOption, type Ticket, type TicketSummary } from "@/lib/domain/ticket";
import { customer } from "./customer";
import { message } from "./message";
import { optBool, optDatetime, optNumber, optString, tagRef, teamRef, userRef, wireId } from "./common";

const customerRef = z
  .object({ id: wireId, email: optString, name: optString, firstname: optString, lastname: optString })
  .transform((c) => ({ id: c.id, email: c.email, name: c.name ?? ([c.firstname, c.lastname].filter(Boolean).join(" ") || null) }));

// Fields both the list item and the full ticket carry. `status` is strict: the inbox's meaning
// depends on it. `priority` is missing on old tickets, which Gorgias treats as normal.
const shared = {
  id: wireId,
  external_id: optString,
  status: z.enum(TICKET_STATUSES),
  priority: z
    .enum(TICKET_PRIORITIES)
    .nullish()
    .transform((p) => p ?? "normal"),
  channel: optString,
  via: optString,
  subject: optString,
  assignee_user: userRef.nullish().transform((u) => u ?? null),
  assignee_team: teamRef.nullish().transform((t) => t ?? null),
  tags: z
    .array(tagRef)
    .nullish()
    .transform((t) => t ?? []),
  is_unread: optBool(false),
  spam: optBool(false),
  language: optString,
  created_datetime: optDatetime,
  updated_datetime: optDatetime,
  opened_datetime: optDatetime,
  last_message_datetime: optDatetime,
  last_received_message_datetime: optDatetime,
  closed_datetime: optDatetime,
  snooze_datetime: optDatetime,
  trashed_datetime: optDatetime,
};

type Shared = z.output<z.ZodObject<typeof shared>>;

const common = (t: Shared): Omit<TicketSummary, "customer" | "excerpt" | "messagesCount"> => ({
  id: t.id,
  externalId: t.external_id,
  status: t.status,
  priority: t.priority,
  channel: t.channel,
  via: t.via,
  subject: t.subject,
  assigneeUser: t.assignee_user,
  assigneeTeam: t.assignee_team,
  tags: t.tags,
  isUnread: t.is_unread,
  spam: t.spam,
  language: t.language,
  createdAt: t.created_datetime,
  updatedAt: t.updated_datetime,
  openedAt: t.opened_datetime,
  lastMessageAt: t.last_message_datetime,
  lastReceivedMessageAt: t.last_received_message_datetime,
  closedAt: t.closed_datetime,
  snoozedUntil: t.snooze_datetime,
  trashedAt: t.trashed_datetime,
});

export const ticketSummary = z
  .object({ ...shared, customer: customerRef.nullish(), excerpt: optString, messages_count: optNumber })
  .transform((t): TicketSummary => ({ ...common(t), customer: t.customer ?? null, excerpt: t.excerpt, messagesCount: t.messages_count }));

const integrationOption = z.object({ id: wireId, name: optString, address: optString });

/**
 * `reply_options` maps a channel to how the ticket can be answered on it. Its inner shape is
 * not documented, so any `{id, name, address}` integration found under a channel is collected
 * (as a list, under `integrations`, or as `integration`), and anything else is ignored.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function replyOptionsFrom(raw: unknown): ReplyOption[] {
  if (!isRecord(raw)) return [];
  const out: ReplyOption[] = [];
  for (const [channel, value] of Object.entries(raw)) {
    const candidates: unknown[] = Array.isArray(value)
      ? value
      : isRecord(value)
        ? [...(Array.isArray(value.integrations) ? value.integrations : []), value.integration]
        : [];
    for (const c of candidates) {
      const parsed = integrationOption.safeParse(c);
      if (parsed.success) out.push({ channel, integrationId: parsed.data.id, name: parsed.data.name, address: parsed.data.address });
    }
  }
  return out;
}

/** Each channel `reply_options` names, with its `answerable` flag (absent counts as answerable). */
function replyChannelsFrom(raw: unknown): ReplyChannelOption[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).map(([channel, value]) => ({ channel, answerable: !(isRecord(value) && value.answerable === false) }));
}

export const ticket = z
  .object({
    ...shared,
    customer: customer.nullish(),
    messages: z
      .array(message)
      .nullish()
      .transform((m) => m ?? []),
    reply_options: z.unknown().optional(),
  })
  .transform(
    (t): Ticket => ({
      ...common(t),
      customer: t.customer ?? null,
      messages: t.messages,
      replyOptions: replyOptionsFrom(t.reply_options),
      replyChannels: replyChannelsFrom(t.reply_options),
    }),
  );
