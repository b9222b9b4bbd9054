import type { Iso } from "../util/time.js";

export type RoleName = "admin" | "agent" | "basic-agent" | "lite-agent" | "observer-agent";
export const ROLE_NAMES: readonly RoleName[] = ["admin", "agent", "basic-agent", "lite-agent", "observer-agent"];

export interface UserRec {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  role: RoleName;
  api_key: string;
  bio: string | null;
  country: string;
  language: string;
  timezone: string;
  external_id: string | null;
  created_datetime: Iso;
  updated_datetime: Iso;
}

export interface TeamRec {
  id: number;
  name: string;
  description: string;
  emoji: string;
  member_ids: number[];
  created_datetime: Iso;
}

export interface TagRec {
  id: number;
  name: string;
  description: string | null;
  color: string | null;
  /** Served as-is when set: real accounts hold tags with `decoration: {}` (or null). */
  decoration?: Record<string, unknown> | null;
  created_datetime: Iso;
}

export interface ChannelRec {
  id: number;
  type: string;
  address: string;
  preferred: boolean;
}

export interface CustomerRec {
  id: number;
  email: string | null;
  firstname: string;
  lastname: string;
  /** Null on real accounts for customers known only by an address. */
  name: string | null;
  external_id: string | null;
  language: string | null;
  timezone: string | null;
  note: string | null;
  channels: ChannelRec[];
  data: Record<string, unknown> | null;
  meta: Record<string, unknown>;
  integrations: Record<string, unknown>;
  created_datetime: Iso;
  updated_datetime: Iso;
}

export interface IntegrationRec {
  id: number;
  type: string;
  name: string;
  description: string | null;
  /** Sending/receiving address for email-like integrations. */
  address: string | null;
  /** An email integration's signature (`meta.signature`), a template with agent variables; absent on records saved before it existed. */
  signature?: SignatureRec | null;
  /** Only for `type: "http"` (webhooks). */
  http: HttpSettingsRec | null;
  /** Deliveries that failed in a row; a success resets it, 100 deactivate the integration. */
  consecutive_failures: number;
  created_datetime: Iso;
  updated_datetime: Iso;
  deactivated_datetime: Iso | null;
}

export interface SignatureRec {
  text: string;
  html: string;
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;
export const CONTENT_TYPES = ["application/json", "application/x-www-form-urlencoded"] as const;

/** Settings of an HTTP integration; `url`, `headers` and `form` are templates. */
export interface HttpSettingsRec {
  url: string;
  method: (typeof HTTP_METHODS)[number];
  request_content_type: (typeof CONTENT_TYPES)[number];
  response_content_type: string;
  headers: Record<string, string>;
  /** The body: one template string (e.g. "{{context}}"), an object of templates, or none. */
  form: string | Record<string, unknown> | null;
  triggers: Record<string, boolean>;
}

export interface MacroActionRec {
  name: string;
  title: string;
  type: "system" | "user";
  arguments: Record<string, unknown>;
}

export interface MacroRec {
  id: number;
  name: string;
  intent: string | null;
  language: string;
  usage: number;
  actions: MacroActionRec[];
  external_id: string | null;
  created_datetime: Iso;
  updated_datetime: Iso;
  archived_datetime: Iso | null;
}

export interface ViewRec {
  id: number;
  name: string;
  slug: string;
  category: "system" | "user";
  visibility: "public" | "shared" | "private";
  filters: string;
  order_by: string;
  order_dir: "asc" | "desc";
  search: string | null;
  emoji: string | null;
  created_datetime: Iso;
}

/** `via` values a client may send (the reference's create/update enum, §7.2); others are a 400. */
export const VIA_INPUT = [
  "aircall", "api", "chat", "contact_form", "email", "facebook", "facebook-mention", "facebook-messenger",
  "facebook-recommendations", "form", "help-center", "helpdesk", "instagram", "instagram-ad-comment",
  "instagram-comment", "instagram-direct-message", "instagram-mention", "internal-note", "phone", "rule",
  "shopify", "sms", "twilio", "twitter", "twitter-direct-message", "whatsapp", "yotpo", "yotpo-review", "zendesk",
] as const;

export type Status = "open" | "closed";
export type Priority = "critical" | "high" | "normal" | "low";
export const PRIORITIES: readonly Priority[] = ["critical", "high", "normal", "low"];

export interface TicketRec {
  id: number;
  external_id: string | null;
  language: string | null;
  status: Status;
  priority: Priority;
  channel: string;
  via: string;
  from_agent: boolean;
  customer_id: number;
  assignee_user_id: number | null;
  assignee_team_id: number | null;
  subject: string | null;
  meta: Record<string, unknown> | null;
  tag_ids: number[];
  message_ids: number[];
  is_unread: boolean;
  spam: boolean;
  /** Email integration the ticket arrived through; replies default to it. */
  integration_id: number | null;
  last_sent_message_not_delivered: boolean;
  created_datetime: Iso;
  opened_datetime: Iso | null;
  last_received_message_datetime: Iso | null;
  last_message_datetime: Iso | null;
  updated_datetime: Iso;
  closed_datetime: Iso | null;
  snooze_datetime: Iso | null;
  trashed_datetime: Iso | null;
}

export interface PartyRef {
  /** `integration`: an incoming message's receiver, the integration's own user on real accounts. */
  type: "user" | "customer" | "integration";
  id: number;
}

export interface AddressRec {
  name: string | null;
  address: string;
}

export interface SourceRec {
  type: string;
  from: AddressRec | null;
  to: AddressRec[];
  cc: AddressRec[] | null;
  bcc: AddressRec[] | null;
}

export interface AttachmentRec {
  url: string; // path on the sandbox, made absolute when served
  name: string;
  size: number;
  content_type: string;
  public: boolean;
}

/** Seeded messages keep a recipe instead of bodies so 100 000 tickets fit in memory. */
export interface BodyRecipe {
  topic: number;
  step: number;
  variant: number;
  hostile: number | null;
  quote: boolean;
}

export interface BodyRec {
  body_text: string | null;
  body_html: string | null;
  stripped_text: string | null;
  stripped_html: string | null;
  stripped_signature: string | null;
}

export interface MessageRec {
  id: number;
  ticket_id: number;
  message_id: string | null;
  external_id: string | null;
  channel: string;
  via: string;
  public: boolean;
  from_agent: boolean;
  sender: PartyRef;
  receiver: PartyRef | null;
  source: SourceRec | null;
  subject: string | null;
  body: BodyRec | null;
  recipe: BodyRecipe | null;
  attachments: AttachmentRec[];
  integration_id: number | null;
  macros: { id: number }[];
  mention_ids: number[];
  meta: Record<string, unknown> | null;
  headers: Record<string, unknown> | null;
  created_datetime: Iso;
  sent_datetime: Iso | null;
  failed_datetime: Iso | null;
  opened_datetime: Iso | null;
  last_sending_error: { error: string } | null;
  is_retriable: boolean;
  /** An outgoing email waiting for the simulated mail server. */
  pending_send: boolean;
}

/** A satisfaction survey (CSAT) of one ticket. */
export interface SurveyRec {
  id: number;
  ticket_id: number;
  customer_id: number;
  score: number | null;
  body_text: string | null;
  meta: Record<string, unknown> | null;
  created_datetime: Iso;
  should_send_datetime: Iso | null;
  sent_datetime: Iso | null;
  scored_datetime: Iso | null;
}

/** One entry of the account's event log (`GET /api/events`). */
export interface EventRec {
  id: number;
  /** Shared by every event one action caused (uuid4). */
  context: string;
  object_id: number;
  object_type: "Ticket" | "TicketMessage" | "Integration";
  type: string;
  /** The agent whose action caused it; null for customers and the system. */
  user_id: number | null;
  data: Record<string, unknown> | null;
  created_datetime: Iso;
}
