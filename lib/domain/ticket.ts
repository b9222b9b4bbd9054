import type { CustomerRef, Customer } from "./customer";
import type { IsoDateTime } from "./datetime";
import type { Message } from "./message";
import type { TagRef } from "./tag";
import type { TeamRef } from "./team";
import type { UserRef } from "./user";
import type { ReplyChannelOption } from "./reply-channel";

export const TICKET_STATUSES = ["open", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ["critical", "high", "normal", "low"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const LEGACY_CHANNELS = [
  "aircall", "api", "chat", "contact_form", "email", "facebook", "facebook-mention", "facebook-messenger",
  "facebook-recommendations", "help-center", "instagram-ad-comment", "instagram-comment",
  "instagram-direct-message", "instagram-mention", "internal-note", "phone", "sms", "twitter",
  "twitter-direct-message", "whatsapp", "yotpo-review",
] as const;
/** Gorgias keeps adding channel slugs (`tiktok-shop`, …): known ones autocomplete, others stay text. */
export type Channel = (typeof LEGACY_CHANNELS)[number] | (string & {});

/** An integration the ticket can be answered through (from `reply_options`). */
export interface ReplyOption {
  readonly channel: string;
  readonly integrationId: number;
  readonly name: string | null;
  readonly address: string | null;
}

/** A ticket as it appears in a list (no messages). */
export interface TicketSummary {
  readonly id: number;
  readonly externalId: string | null;
  readonly status: TicketStatus;
  readonly priority: TicketPriority;
  readonly channel: Channel | null;
  readonly via: string | null;
  readonly subject: string | null;
  readonly excerpt: string | null;
  readonly customer: CustomerRef | null;
  readonly assigneeUser: UserRef | null;
  readonly assigneeTeam: TeamRef | null;
  readonly tags: readonly TagRef[];
  readonly messagesCount: number | null;
  readonly isUnread: boolean;
  readonly spam: boolean;
  readonly language: string | null;
  readonly createdAt: IsoDateTime | null;
  readonly updatedAt: IsoDateTime | null;
  readonly openedAt: IsoDateTime | null;
  readonly lastMessageAt: IsoDateTime | null;
  readonly lastReceivedMessageAt: IsoDateTime | null;
  readonly closedAt: IsoDateTime | null;
  /** When a snoozed ticket re-opens. */
  readonly snoozedUntil: IsoDateTime | null;
  readonly trashedAt: IsoDateTime | null;
}

/** The full ticket. `messages` may be capped by Gorgias: page the messages endpoint for the thread. */
export interface Ticket extends Omit<TicketSummary, "customer" | "excerpt" | "messagesCount"> {
  readonly customer: Customer | null;
  readonly messages: readonly Message[];
  readonly replyOptions: readonly ReplyOption[];
  /** The channels `reply_options` names, with whether Gorgias lets the ticket be answered on each. */
  readonly replyChannels?: readonly ReplyChannelOption[];
}

export const isSnoozed = (t: Pick<TicketSummary, "snoozedUntil">, now: Date): boolean =>
  t.snoozedUntil !== null && Date.parse(t.snoozedUntil) > now.getTime();
