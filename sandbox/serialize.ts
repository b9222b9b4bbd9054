import { materializeBody } from "./seed/bodies.js";
import type { AccountStore } from "./store/account-store.js";
import type {
  CustomerRec,
  EventRec,
  IntegrationRec,
  MacroRec,
  MessageRec,
  PartyRef,
  SurveyRec,
  TagRec,
  TeamRec,
  TicketRec,
  UserRec,
  ViewRec,
} from "./store/types.js";

// Wire shapes, following the reference's field lists (§3-§6). Records never leave the sandbox
// as-is: these functions decide exactly which fields a client sees.

export interface WireContext {
  store: AccountStore;
  /** Absolute origin for attachment URLs, e.g. http://127.0.0.1:4010 */
  origin: string;
}

export function userCompact(u: UserRec) {
  return { id: u.id, email: u.email, name: `${u.firstname} ${u.lastname}`, firstname: u.firstname, lastname: u.lastname, meta: {} };
}

export function userFull(u: UserRec) {
  return {
    id: u.id,
    uri: `/api/users/${u.id}/`,
    active: true,
    bio: u.bio,
    country: u.country,
    email: u.email,
    external_id: u.external_id,
    firstname: u.firstname,
    lastname: u.lastname,
    name: `${u.firstname} ${u.lastname}`,
    language: u.language,
    meta: { profile_picture_url: null },
    role: { name: u.role },
    timezone: u.timezone,
    created_datetime: u.created_datetime,
    updated_datetime: u.updated_datetime,
    deactivated_datetime: null,
  };
}

export function customerCompact(c: CustomerRec) {
  return { id: c.id, email: c.email, name: c.name, firstname: c.firstname, lastname: c.lastname, meta: c.meta };
}

/** A customer as listed: real accounts leave out `channels` and `integrations` (choice 22). */
export function customerListItem(c: CustomerRec) {
  return {
    id: c.id,
    uri: `/api/customers/${c.id}/`,
    email: c.email,
    external_id: c.external_id,
    firstname: c.firstname,
    lastname: c.lastname,
    name: c.name,
    language: c.language,
    timezone: c.timezone,
    note: c.note,
    data: c.data,
    meta: c.meta,
    created_datetime: c.created_datetime,
    updated_datetime: c.updated_datetime,
  };
}

/** A customer read by id: the listed fields plus its channels and integrations. */
export function customerFull(c: CustomerRec) {
  return { ...customerListItem(c), channels: c.channels, integrations: c.integrations };
}

function teamCompact(t: TeamRec) {
  return { id: t.id, name: t.name, decoration: { emoji: t.emoji } };
}

export function teamFull(store: AccountStore, t: TeamRec) {
  return {
    id: t.id,
    uri: `/api/teams/${t.id}/`,
    name: t.name,
    description: t.description,
    decoration: { emoji: t.emoji },
    members: t.member_ids.flatMap((id) => {
      const u = store.data.users.get(id);
      return u ? [{ id: u.id, name: `${u.firstname} ${u.lastname}`, email: u.email, meta: null }] : [];
    }),
    created_datetime: t.created_datetime,
  };
}

export function tagCompact(t: TagRec) {
  return { id: t.id, name: t.name, uri: `/api/tags/${t.id}/`, decoration: t.decoration !== undefined ? t.decoration : t.color ? { color: t.color } : null };
}

export function tagFull(t: TagRec, usage: number) {
  return { ...tagCompact(t), description: t.description, usage, created_datetime: t.created_datetime, deleted_datetime: null };
}

export function integrationWire(i: IntegrationRec) {
  return {
    id: i.id,
    uri: `/api/integrations/${i.id}/`,
    type: i.type,
    name: i.name,
    description: i.description,
    meta: {
      ...(i.address ? { address: i.address } : {}),
      // Gorgias keeps an email integration's signature here (reference §12): templates, not rendered.
      ...(i.type === "email" ? { signature: i.signature ? { text: i.signature.text, html: i.signature.html } : null } : {}),
    },
    ...(i.http ? { http: { ...i.http } } : {}),
    created_datetime: i.created_datetime,
    updated_datetime: i.updated_datetime,
    deactivated_datetime: i.deactivated_datetime,
    locked_datetime: null,
  };
}

export function eventWire(e: EventRec) {
  return {
    id: e.id,
    uri: `/api/events/${e.id}/`,
    context: e.context,
    object_id: e.object_id,
    object_type: e.object_type,
    type: e.type,
    user_id: e.user_id,
    data: e.data,
    created_datetime: e.created_datetime,
  };
}

export function surveyWire(s: SurveyRec) {
  return {
    id: s.id,
    uri: `/api/satisfaction-surveys/${s.id}/`,
    ticket_id: s.ticket_id,
    customer_id: s.customer_id,
    score: s.score,
    body_text: s.body_text,
    meta: s.meta,
    created_datetime: s.created_datetime,
    should_send_datetime: s.should_send_datetime,
    sent_datetime: s.sent_datetime,
    scored_datetime: s.scored_datetime,
  };
}

function surveyOf(store: AccountStore, ticketId: number) {
  for (const s of store.data.surveys.values()) if (s.ticket_id === ticketId) return surveyWire(s);
  return null;
}

export function macroWire(m: MacroRec) {
  return {
    id: m.id,
    uri: `/api/macros/${m.id}/`,
    external_id: m.external_id,
    name: m.name,
    intent: m.intent,
    language: m.language,
    usage: m.usage,
    actions: m.actions,
    created_datetime: m.created_datetime,
    updated_datetime: m.updated_datetime,
    archived_datetime: m.archived_datetime,
  };
}

export function viewWire(v: ViewRec) {
  return {
    id: v.id,
    uri: `/api/views/${v.id}/`,
    name: v.name,
    slug: v.slug,
    category: v.category,
    type: "ticket-list",
    visibility: v.visibility,
    filters: v.filters,
    order_by: v.order_by,
    order_dir: v.order_dir,
    search: v.search,
    fields: ["details", "tags", "customer", "assignee", "updated"],
    decoration: v.emoji ? { emoji: v.emoji } : null,
    shared_with_users: [],
    shared_with_teams: [],
    created_datetime: v.created_datetime,
    deactivated_datetime: null,
  };
}

function party(store: AccountStore, ref: PartyRef | null) {
  if (!ref) return null;
  if (ref.type === "integration") {
    const i = store.data.integrations.get(ref.id);
    return i ? { id: i.id, email: i.address, name: i.name, firstname: i.name, lastname: "", meta: {} } : null;
  }
  if (ref.type === "user") {
    const u = store.data.users.get(ref.id);
    return u ? userCompact(u) : null;
  }
  const c = store.data.customers.get(ref.id);
  return c ? customerCompact(c) : null;
}

export function messageWire(ctx: WireContext, m: MessageRec) {
  const body = materializeBody(ctx.store, m);
  return {
    id: m.id,
    uri: `/api/tickets/${m.ticket_id}/messages/${m.id}/`,
    message_id: m.message_id,
    ticket_id: m.ticket_id,
    external_id: m.external_id,
    public: m.public,
    channel: m.channel,
    via: m.via,
    source: m.source ? { ...m.source, extra: null } : null,
    sender: party(ctx.store, m.sender),
    receiver: party(ctx.store, m.receiver),
    from_agent: m.from_agent,
    integration_id: m.integration_id,
    rule_id: null,
    auth_customer_identity: null,
    intents: [],
    subject: m.subject,
    body_text: body.body_text,
    body_html: body.body_html,
    stripped_text: body.stripped_text,
    stripped_html: body.stripped_html,
    stripped_signature: body.stripped_signature,
    // Real accounts send null, not [], for a message without attachments or actions.
    attachments: m.attachments.length > 0 ? m.attachments.map((a) => ({ ...a, url: a.url.startsWith("/") ? `${ctx.origin}${a.url}` : a.url, extra: null })) : null,
    macros: m.macros,
    actions: null,
    headers: m.headers,
    meta: m.meta,
    mention_ids: m.mention_ids,
    imported: false,
    created_datetime: m.created_datetime,
    processed_datetime: m.pending_send ? null : m.created_datetime,
    sent_datetime: m.sent_datetime,
    failed_datetime: m.failed_datetime,
    opened_datetime: m.opened_datetime,
    deleted_datetime: null,
    last_sending_error: m.last_sending_error,
    is_retriable: m.is_retriable,
  };
}

function ticketIntegrations(store: AccountStore, t: TicketRec) {
  const out: { name: string; address: string | null; type: string }[] = [];
  for (const mid of t.message_ids.slice(0, 1)) {
    const m = store.data.messages.get(mid);
    const integ = m?.integration_id != null ? store.data.integrations.get(m.integration_id) : undefined;
    if (integ) out.push({ name: integ.name, address: integ.address, type: integ.type });
  }
  return out;
}

/** The latest public message's text, trimmed like the inbox preview. */
function excerpt(store: AccountStore, t: TicketRec): string {
  for (let i = t.message_ids.length - 1; i >= 0; i--) {
    const m = store.data.messages.get(t.message_ids[i] ?? -1);
    if (!m || !m.public) continue;
    const body = materializeBody(store, m, false);
    const text = (body.stripped_text ?? body.body_text ?? "").replace(/\s+/g, " ").trim();
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  }
  return "";
}

function ticketCommon(ctx: WireContext, t: TicketRec) {
  const { store } = ctx;
  const customer = store.data.customers.get(t.customer_id);
  const assignee = t.assignee_user_id !== null ? store.data.users.get(t.assignee_user_id) : undefined;
  const team = t.assignee_team_id !== null ? store.data.teams.get(t.assignee_team_id) : undefined;
  return {
    id: t.id,
    uri: `/api/tickets/${t.id}/`,
    external_id: t.external_id,
    language: t.language,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    via: t.via,
    from_agent: t.from_agent,
    customer: customer ? customerCompact(customer) : null,
    assignee_user: assignee ? userCompact(assignee) : null,
    assignee_team: team ? teamCompact(team) : null,
    subject: t.subject,
    integrations: ticketIntegrations(store, t),
    meta: t.meta,
    tags: t.tag_ids.flatMap((id) => {
      const tag = store.data.tags.get(id);
      return tag ? [tagCompact(tag)] : [];
    }),
    is_unread: t.is_unread,
    spam: t.spam,
    created_datetime: t.created_datetime,
    opened_datetime: t.opened_datetime,
    last_received_message_datetime: t.last_received_message_datetime,
    last_message_datetime: t.last_message_datetime,
    last_sent_message_not_delivered: t.last_sent_message_not_delivered,
    updated_datetime: t.updated_datetime,
    closed_datetime: t.closed_datetime,
    snooze_datetime: t.snooze_datetime,
    trashed_datetime: t.trashed_datetime,
  };
}

export function ticketCompact(ctx: WireContext, t: TicketRec) {
  return { ...ticketCommon(ctx, t), excerpt: excerpt(ctx.store, t), messages_count: t.message_ids.length };
}

/**
 * How the ticket can be answered, per channel. Real accounts say only whether a channel is
 * answerable; which integration a reply leaves from is the client's to work out (from the
 * messages' `integration_id` / `source.to`).
 */
export function replyOptions(store: AccountStore, t: TicketRec) {
  const customer = store.data.customers.get(t.customer_id);
  const hasEmail = [...store.data.integrations.values()].some((i) => i.type === "email");
  const options: Record<string, { answerable: boolean }> = {
    email: { answerable: Boolean(customer?.email) && hasEmail },
    "internal-note": { answerable: true },
  };
  if (t.channel !== "email") options[t.channel] = { answerable: ticketIntegrations(store, t).length > 0 };
  return options;
}

export function ticketFull(ctx: WireContext, t: TicketRec) {
  const { store } = ctx;
  const customer = store.data.customers.get(t.customer_id);
  return {
    ...ticketCommon(ctx, t),
    customer: customer ? customerFull(customer) : null,
    assignee_user_id: t.assignee_user_id,
    assignee_team_id: t.assignee_team_id,
    imported: false,
    messages: t.message_ids.flatMap((id) => {
      const m = store.data.messages.get(id);
      return m ? [messageWire(ctx, m)] : [];
    }),
    events: [],
    satisfaction_survey: surveyOf(store, t.id),
    reply_options: replyOptions(store, t),
  };
}
