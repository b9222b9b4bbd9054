import { createHash } from "node:crypto";
import { attachmentBytes } from "../files.js";
import { AccountStore } from "../store/account-store.js";
import type {
  AttachmentRec,
  CustomerRec,
  IntegrationRec,
  MessageRec,
  PartyRef,
  Priority,
  SourceRec,
  TicketRec,
  UserRec,
  ViewRec,
} from "../store/types.js";
import { Rng, mixSeed } from "../util/prng.js";
import { formatIso } from "../util/time.js";
import { CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from "./names.js";
import { BRAND_B, seedMessy } from "./messy.js";
import { CURRENCIES, shopifyOrder } from "./orders.js";
import type { AccountDef, MacroExtra } from "./profiles.js";
import { CARRIERS, PRODUCTS, SPAM_TOPIC, TOPICS, TOPIC_WEIGHTS } from "./topics.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Deterministic per account and e-mail, independent of the seed, so dev credentials stay put. */
function apiKeyFor(domain: string, email: string): string {
  return createHash("sha256").update(`gorgias-sandbox:${domain}:${email}`).digest("hex");
}

function domainSalt(domain: string): number {
  let h = 0;
  for (const ch of domain) h = (h * 131 + ch.charCodeAt(0)) >>> 0;
  return h;
}

interface ChannelPlan {
  channel: string;
  via: string;
  sourceType: string;
  agentVia: string;
  integrationType: string;
}

const CHANNELS: readonly (readonly [ChannelPlan, number])[] = [
  [{ channel: "email", via: "email", sourceType: "email", agentVia: "helpdesk", integrationType: "email" }, 46],
  [{ channel: "chat", via: "gorgias_chat", sourceType: "chat", agentVia: "helpdesk", integrationType: "gorgias_chat" }, 20],
  [{ channel: "sms", via: "sms", sourceType: "sms", agentVia: "helpdesk", integrationType: "sms" }, 8],
  [{ channel: "facebook", via: "facebook", sourceType: "facebook-message", agentVia: "helpdesk", integrationType: "facebook" }, 8],
  [{ channel: "instagram-direct-message", via: "instagram-direct-message", sourceType: "instagram-direct-message", agentVia: "helpdesk", integrationType: "instagram" }, 9],
  [{ channel: "phone", via: "phone", sourceType: "phone", agentVia: "phone", integrationType: "phone" }, 9],
];

const THREAD_LENGTHS: readonly (readonly [number, number])[] = [
  [1, 10], [2, 22], [3, 20], [4, 15], [5, 10], [6, 7], [7, 5], [8, 4], [9, 3], [10, 2], [11, 1], [12, 1],
];

const PRIORITY_WEIGHTS: readonly (readonly [Priority, number])[] = [["normal", 75], ["high", 12], ["low", 8], ["critical", 5]];

export interface SeedParams {
  seed: number;
  tickets: number;
  anchorMs: number;
}

export function generateAccount(def: AccountDef, params: SeedParams): AccountStore {
  const store = new AccountStore(
    { domain: def.domain, companyName: def.companyName, storeName: def.storeName, emailDomain: def.emailDomain },
    def.idBase,
  );
  const rng = new Rng(mixSeed(params.seed, domainSalt(def.domain)));
  const anchor = params.anchorMs;
  const iso = (ms: number) => formatIso(ms, rng.int(0, 999));
  const agoIso = (minDays: number, maxDays: number) => iso(anchor - rng.int(minDays * DAY, maxDays * DAY));

  // Agents
  const users: UserRec[] = def.agents.map((a) => {
    const created = agoIso(300, 900);
    const user: UserRec = {
      id: store.allocate("users"),
      email: a.email,
      firstname: a.firstname,
      lastname: a.lastname,
      role: a.role,
      api_key: apiKeyFor(def.domain, a.email),
      bio: a.bio,
      country: a.country,
      language: "en",
      timezone: a.timezone,
      external_id: null,
      created_datetime: created,
      updated_datetime: created,
    };
    store.put("users", user, true);
    return user;
  });
  const writers = users.filter((u) => u.role !== "observer-agent");

  const teamIds = new Map<string, number>();
  for (const t of def.teams) {
    const id = store.allocate("teams");
    teamIds.set(t.key, id);
    store.put(
      "teams",
      {
        id,
        name: t.name,
        description: t.description,
        emoji: t.emoji,
        member_ids: t.members.map((i) => users[i]?.id ?? -1).filter((x) => x > 0),
        created_datetime: agoIso(250, 600),
      },
      true,
    );
  }

  const tagIds = new Map<string, number>();
  for (const t of def.tags) {
    const id = store.allocate("tags");
    tagIds.set(t.name, id);
    store.put("tags", { id, name: t.name, description: t.description, color: t.color, created_datetime: agoIso(200, 600) }, true);
  }

  // Integrations
  const addIntegration = (type: string, name: string, address: string | null, signature: string | null = null): IntegrationRec => {
    const created = agoIso(300, 700);
    const rec: IntegrationRec = {
      id: store.allocate("integrations"),
      type,
      name,
      description: null,
      address,
      signature: signature === null ? null : { text: signature, html: signatureHtml(signature) },
      http: null,
      consecutive_failures: 0,
      created_datetime: created,
      updated_datetime: created,
      deactivated_datetime: null,
    };
    store.put("integrations", rec, true);
    return rec;
  };
  const emailIntegrations = def.supportAddresses.map((s) => addIntegration("email", s.name, s.address, s.signature));
  const shopify = addIntegration("shopify", `${def.storeName} Shopify`, `${def.domain}-store.myshopify.com`);
  const channelIntegration = new Map<string, IntegrationRec>();
  const channelPlans = def.domain === "demo" ? CHANNELS : CHANNELS.filter(([c]) => c.channel === "email" || c.channel === "chat");
  for (const [plan] of channelPlans) {
    if (plan.integrationType === "email") continue;
    const names: Record<string, [string, string]> = {
      gorgias_chat: ["Website chat", `chat.${def.emailDomain}`],
      sms: ["SMS line", "+1 555 010 0100"],
      facebook: [`${def.storeName} on Facebook`, `facebook.com/${def.domain}store`],
      instagram: [`@${def.domain}.store`, `instagram.com/${def.domain}.store`],
      phone: ["Support phone", "+1 555 010 0199"],
    };
    const [name, address] = names[plan.integrationType] ?? [plan.integrationType, null];
    channelIntegration.set(plan.channel, addIntegration(plan.integrationType, name, address));
  }

  // Macros
  const htmlOf = (text: string) =>
    text
      .split("\n\n")
      .map((p) => `<div>${p.replace(/\n/g, "<br>")}</div>`)
      .join("<div><br></div>");
  const extraAction = (x: MacroExtra): MacroRecAction => {
    switch (x.name) {
      case "setAssignee": {
        const u = users[x.agent]!;
        return { name: "setAssignee", title: "Assign an agent", type: "user", arguments: { assignee_user: { id: u.id, name: `${u.firstname} ${u.lastname}`, email: u.email } } };
      }
      case "setTeamAssignee": {
        const team = def.teams.find((t) => t.key === x.team)!;
        return { name: "setTeamAssignee", title: "Assign a team", type: "user", arguments: { assignee_team: { id: teamIds.get(x.team)!, name: team.name } } };
      }
      case "setPriority":
        return { name: "setPriority", title: "Set priority", type: "user", arguments: { priority: x.priority } };
      case "snoozeTicket":
        return { name: "snoozeTicket", title: "Snooze for", type: "user", arguments: { snooze_timedelta: x.timedelta } };
      case "addInternalNote":
        return { name: "addInternalNote", title: "Send internal note", type: "user", arguments: { body_text: x.text, body_html: htmlOf(x.text) } };
      case "removeTags":
        return { name: "removeTags", title: "Remove tags", type: "user", arguments: { tags: x.tags.join(", ") } };
      case "raw":
        return { ...x.action, type: "user" };
    }
  };
  for (const m of def.macros) {
    const created = m.ageDays !== undefined ? formatIso(anchor - m.ageDays * DAY, 0) : agoIso(100, 500);
    const actions: MacroRecAction[] = [];
    if (m.body) actions.push({ name: "setResponseText", title: "Add response text", type: "user", arguments: { body_text: m.body, body_html: htmlOf(m.body) } });
    if (m.tags.length > 0) actions.push({ name: "addTags", title: "Add tags", type: "user", arguments: { tags: m.tags.join(", ") } });
    if (m.status) actions.push({ name: "setStatus", title: "Set status", type: "user", arguments: { status: m.status } });
    for (const x of m.extra ?? []) actions.push(extraAction(x));
    store.put(
      "macros",
      {
        id: store.allocate("macros"),
        name: m.name,
        intent: m.intent,
        language: "en",
        usage: m.usage,
        actions,
        external_id: null,
        created_datetime: created,
        updated_datetime: created,
        archived_datetime: null,
      },
      true,
    );
  }

  // Views
  // Views keep their definition order when listed by creation date.
  let viewCount = 0;
  const view = (v: Omit<ViewRec, "id" | "created_datetime">) =>
    store.put("views", { ...v, id: store.allocate("views"), created_datetime: formatIso(anchor - 700 * DAY + viewCount++ * HOUR) }, true);
  const sys = { category: "system" as const, visibility: "public" as const, search: null, order_by: "updated_datetime", order_dir: "desc" as const };
  view({ ...sys, name: "Unassigned", slug: "unassigned", emoji: "📥", filters: "isEmpty(ticket.assignee_user.id) && eq(ticket.status, 'open')" });
  view({ ...sys, name: "My tickets", slug: "mine", emoji: "🙋", filters: "eq(ticket.assignee_user.id, '{{current_user.id}}') && eq(ticket.status, 'open')" });
  view({ ...sys, name: "All open", slug: "open", emoji: "📬", filters: "eq(ticket.status, 'open')" });
  view({ ...sys, name: "Closed", slug: "closed", emoji: "✅", filters: "eq(ticket.status, 'closed')", order_by: "closed_datetime" });
  view({ ...sys, name: "Snoozed", slug: "snoozed", emoji: "⏰", filters: "isNotEmpty(ticket.snooze_datetime)", order_by: "snooze_datetime", order_dir: "asc" });
  view({ ...sys, name: "Spam", slug: "spam", emoji: "🚫", filters: "eq(ticket.spam, true)" });
  view({ ...sys, name: "Trash", slug: "trash", emoji: "🗑️", filters: "isNotEmpty(ticket.trashed_datetime)" });
  const user = { category: "user" as const, visibility: "public" as const, search: null, order_by: "updated_datetime", order_dir: "desc" as const };
  if (tagIds.has("vip")) view({ ...user, name: "VIP customers", slug: "vip-customers", emoji: "⭐", filters: "containsAny(ticket.tags.name, ['vip']) && eq(ticket.status, 'open')" });
  view({ ...user, name: "Urgent & high", slug: "urgent", emoji: "🔥", filters: "(eq(ticket.priority, 'critical') || eq(ticket.priority, 'high')) && eq(ticket.status, 'open')" });
  const returnsTeam = teamIds.get("returns");
  if (returnsTeam) view({ ...user, name: "Returns team", slug: "returns-team", emoji: "📦", filters: `eq(ticket.assignee_team.id, ${returnsTeam}) && eq(ticket.status, 'open')` });
  view({ ...user, name: "Email inbox", slug: "email", emoji: "✉️", filters: "eq(ticket.channel, 'email') && eq(ticket.status, 'open')" });

  // Customers, with Shopify orders (Shopify's own order JSON fields) for the ticket's customer panel
  // and macro variables. The main generator draws exactly what it always drew, so every ticket
  // stays as it was; the orders' other details come from a generator of their own per customer.
  const customerCount = def.customers(params.tickets);
  const customers: CustomerRec[] = [];
  const usedEmails = new Set<string>();
  let orderNumber = 1001 + (def.domain === "demo" ? 0 : 4000);
  for (let i = 0; i < customerCount; i++) {
    const firstname = rng.pick(FIRST_NAMES);
    const lastname = rng.pick(LAST_NAMES);
    const local = `${ascii(firstname)}.${ascii(lastname)}`.toLowerCase();
    let email = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
    if (usedEmails.has(email)) email = `${local}${i}@${rng.pick(EMAIL_DOMAINS)}`;
    usedEmails.add(email);
    const place = rng.pick(CITIES);
    const created = anchor - rng.int(1 * DAY, 700 * DAY);
    const phone = `+1 555 ${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}`;
    const id = store.allocate("customers");
    const orng = new Rng(mixSeed(params.seed, domainSalt(def.domain), id));
    const currency = CURRENCIES[place.country] ?? "USD";
    const orders = [];
    const orderCount = rng.int(1, 4);
    let spent = 0;
    for (let o = 0; o < orderCount; o++) {
      const product = rng.pick(PRODUCTS);
      const qty = rng.weighted([[1, 8], [2, 2]] as const);
      const price = rng.pick([29, 45, 59, 89, 129, 179, 249, 349]);
      const carrier = rng.pick(CARRIERS);
      const tracking = `1Z${String(rng.int(100_000, 999_999))}${String(rng.int(1000, 9999))}`;
      const shipped = rng.chance(0.85);
      const createdAt = anchor - rng.int(1 * DAY, 120 * DAY);
      const paid = rng.weighted([["paid", 85], ["refunded", 8], ["partially_refunded", 7]] as const);
      const sku = `NP-${String(rng.int(1000, 9999))}`;
      const order = shopifyOrder(orng, { id: 4_500_000_000 + orderNumber, number: orderNumber, createdAt, anchor, currency, product, sku, qty, price, carrier, tracking, shipped, paid, place });
      if (order.financial_status !== "voided") spent += Number(order.total_price);
      orders.push(order);
      orderNumber += rng.int(1, 40);
    }
    orders.sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
    const customer: CustomerRec = {
      id,
      email,
      firstname,
      lastname,
      name: `${firstname} ${lastname}`,
      external_id: `shopify-${String(7_100_000_000 + id)}`,
      language: place.language,
      timezone: place.timezone,
      note: rng.chance(0.05) ? "Long-time customer, be generous with shipping issues." : null,
      channels: [
        { id: id * 10 + 1, type: "email", address: email, preferred: true },
        { id: id * 10 + 2, type: "phone", address: phone, preferred: false },
      ],
      data: { city: place.city, country: place.country },
      meta: {},
      integrations: {
        [String(shopify.id)]: {
          __integration_type__: "shopify",
          customer: { id: 7_100_000_000 + id, email, orders_count: orders.length, total_spent: spent.toFixed(2), currency, tags: spent > 400 ? "vip" : "" },
          orders,
        },
      },
      created_datetime: formatIso(created, rng.int(0, 999)),
      updated_datetime: formatIso(created + rng.int(0, 30) * DAY > anchor ? anchor - HOUR : created + rng.int(0, 30) * DAY, rng.int(0, 999)),
    };
    store.put("customers", customer, true);
    customers.push(customer);
  }

  // Tickets: draw creation times first so ids grow with time, as in a real account.
  const createdTimes: number[] = [];
  for (let i = 0; i < params.tickets; i++) {
    const days = 90 * Math.pow(rng.next(), 1.35);
    createdTimes.push(Math.max(anchor - 90 * DAY, anchor - Math.floor(days * DAY) - rng.int(5 * MINUTE, 40 * MINUTE)));
  }
  createdTimes.sort((a, b) => a - b);
  const topicWeights = TOPIC_WEIGHTS.map((w, i) => [i, w] as const);
  let hostileCounter = 0;
  let nextHostileAt = 5;

  for (let i = 0; i < params.tickets; i++) {
    const created = createdTimes[i] ?? anchor;
    const plan = rng.weighted(channelPlans);
    const spam = rng.chance(0.03);
    const topicIndex = spam ? SPAM_TOPIC : rng.weighted(topicWeights);
    const topic = TOPICS[topicIndex] ?? TOPICS[0];
    if (!topic) throw new Error("no topic");
    const customer = customers[rng.int(0, customers.length - 1)];
    if (!customer) throw new Error("no customer");
    const channel = spam ? CHANNELS[0]![0] : plan;
    const ticketId = store.allocate("tickets");
    const emailIntegration = (topic.team === "returns" ? emailIntegrations[1] : undefined) ?? emailIntegrations[0];
    const ticketChannelIntegration = channel.channel === "email" ? emailIntegration : channelIntegration.get(channel.channel);
    const team = teamIds.get(topic.team) ?? null;
    const assignee = spam ? null : rng.chance(0.8) ? rng.pick(writers) : null;
    const length = spam ? 1 : rng.weighted(THREAD_LENGTHS);
    // Spread the hostile emails through the account so every payload appears at any size.
    const hostile = channel.channel === "email" && !spam && i >= nextHostileAt ? hostileCounter++ : null;
    if (hostile !== null) nextHostileAt = i + Math.max(3, Math.floor(params.tickets / 12));
    const fills = { subjectVariant: rng.int(0, 99) };

    const messageIds: number[] = [];
    let at = created;
    let customerSteps = 0;
    let agentSteps = 0;
    let nextFromCustomer = true;
    let firstAgentAt: number | null = null;
    let lastCustomerAt: number | null = null;
    let lastFromAgent = false;
    const limit = anchor - 2 * MINUTE;
    for (let m = 0; m < length; m++) {
      if (m > 0) at += nextFromCustomer ? rng.int(1 * HOUR, 40 * HOUR) : rng.int(15 * MINUTE, 22 * HOUR);
      if (at > limit) break;
      const writer = assignee ?? rng.pick(writers);
      if (!nextFromCustomer && rng.chance(0.22)) {
        const noteAt = at - rng.int(2 * MINUTE, 10 * MINUTE);
        messageIds.push(
          pushMessage(store, rng, {
            ticketId, channel: "internal-note", via: "helpdesk", fromAgent: true, isPublic: false,
            sender: { type: "user", id: rng.pick(writers).id }, receiver: null,
            source: { type: "internal-note", from: null, to: [], cc: null, bcc: null },
            subject: null, at: noteAt, recipe: { topic: topicIndex, step: agentSteps, variant: rng.int(0, 9), hostile: null, quote: false },
            integrationId: null, attachments: [],
          }),
        );
      }
      const fromCustomer = nextFromCustomer;
      const supportAddress = { name: emailIntegration?.name ?? def.storeName, address: emailIntegration?.address ?? "" };
      const customerAddress = {
        name: customer.name,
        address: channel.channel === "sms" || channel.channel === "phone" ? (customer.channels[1]?.address ?? "") : (customer.email ?? ""),
      };
      const attachments: AttachmentRec[] = [];
      if (fromCustomer && channel.channel === "email" && (topic.key === "damaged" || topic.key === "warranty") && rng.chance(0.35)) {
        attachments.push(makeAttachment(def.domain, store.nextId.messages, `photo-${customerSteps + 1}.png`, "image/png"));
      } else if (fromCustomer && channel.channel === "email" && rng.chance(0.015)) {
        attachments.push(makeAttachment(def.domain, store.nextId.messages, `receipt-${customer.id}.pdf`, "application/pdf"));
      }
      const source: SourceRec =
        channel.channel === "email"
          ? fromCustomer
            ? { type: "email", from: customerAddress, to: [supportAddress], cc: null, bcc: null }
            : { type: "email", from: supportAddress, to: [customerAddress], cc: null, bcc: null }
          : fromCustomer
            ? { type: channel.sourceType, from: customerAddress, to: [{ name: ticketChannelIntegration?.name ?? null, address: ticketChannelIntegration?.address ?? "" }], cc: null, bcc: null }
            : { type: channel.sourceType, from: { name: ticketChannelIntegration?.name ?? null, address: ticketChannelIntegration?.address ?? "" }, to: [customerAddress], cc: null, bcc: null };
      messageIds.push(
        pushMessage(store, rng, {
          ticketId,
          channel: channel.channel,
          via: fromCustomer ? channel.via : channel.agentVia,
          fromAgent: !fromCustomer,
          isPublic: true,
          sender: fromCustomer ? { type: "customer", id: customer.id } : { type: "user", id: writer.id },
          receiver: fromCustomer ? null : { type: "customer", id: customer.id },
          source,
          subject: channel.channel === "email" ? (m === 0 ? null : "Re: ") : null,
          at,
          recipe: {
            topic: topicIndex,
            step: fromCustomer ? customerSteps : agentSteps,
            variant: rng.int(0, 11),
            hostile: fromCustomer && m === 0 ? hostile : null,
            quote: channel.channel === "email" && m > 0,
          },
          integrationId: ticketChannelIntegration?.id ?? null,
          attachments,
          domain: def.emailDomain,
        }),
      );
      if (fromCustomer) {
        customerSteps++;
        lastCustomerAt = at;
      } else {
        agentSteps++;
        firstAgentAt ??= at;
      }
      lastFromAgent = !fromCustomer;
      nextFromCustomer = !nextFromCustomer;
    }
    // Subjects: the first email message carries the ticket subject; replies prefix it.
    const subjectTemplate = topic.subjects[fills.subjectVariant % topic.subjects.length] ?? "Question";
    const lastAt = at > limit ? Math.min(at, limit) : at;
    const lastMessage = store.data.messages.get(messageIds[messageIds.length - 1] ?? -1);
    const lastMessageAt = lastMessage ? lastMessage.created_datetime : formatIso(created);
    const ageDays = (anchor - lastAt) / DAY;
    let status: "open" | "closed" = "open";
    let snooze: string | null = null;
    if (spam) status = "closed";
    else if (lastFromAgent) {
      if (rng.chance(ageDays > 1 ? 0.85 : 0.4)) status = "closed";
      else if (rng.chance(0.25)) {
        status = "closed";
        snooze = formatIso(anchor + rng.int(6 * HOUR, 4 * DAY), rng.int(0, 999));
      }
    } else if (ageDays > 30 && rng.chance(0.6)) status = "closed";
    const closedAt = status === "closed" ? formatIso(Math.min(anchor - MINUTE, isoMs(lastMessageAt) + rng.int(1 * MINUTE, 30 * MINUTE)), rng.int(0, 999)) : null;
    const trashed = !spam && rng.chance(0.02) ? formatIso(Math.min(anchor - MINUTE, isoMs(lastMessageAt) + HOUR), rng.int(0, 999)) : null;
    const updated = [lastMessageAt, closedAt, trashed].filter((x): x is string => x !== null).sort().pop() ?? lastMessageAt;
    const priority = spam ? "low" : rng.weighted(PRIORITY_WEIGHTS);
    const tags: number[] = [];
    topic.tags.forEach((name, k) => {
      const id = tagIds.get(name);
      if (id !== undefined && (k === 0 || rng.chance(0.5))) tags.push(id);
    });
    const urgent = tagIds.get("urgent");
    if (priority === "critical" && urgent !== undefined && !tags.includes(urgent)) tags.push(urgent);

    const ticket: TicketRec = {
      id: ticketId,
      external_id: null,
      language: customer.language === "fr" || customer.language === "de" ? "en" : customer.language,
      status,
      priority,
      channel: channel.channel,
      via: channel.via,
      from_agent: false,
      customer_id: customer.id,
      assignee_user_id: firstAgentAt !== null ? (assignee?.id ?? null) : assignee && rng.chance(0.5) ? assignee.id : null,
      assignee_team_id: spam ? null : team,
      subject: fillSubject(subjectTemplate, customer, ticketId, def.storeName),
      meta: null,
      tag_ids: tags,
      message_ids: messageIds,
      is_unread: status === "open" && !lastFromAgent && rng.chance(0.7),
      spam,
      integration_id: emailIntegration?.id ?? null,
      last_sent_message_not_delivered: false,
      created_datetime: store.data.messages.get(messageIds[0] ?? -1)?.created_datetime ?? formatIso(created),
      opened_datetime: firstAgentAt !== null ? formatIso(firstAgentAt - rng.int(1 * MINUTE, 20 * MINUTE), rng.int(0, 999)) : null,
      last_received_message_datetime: lastCustomerAt !== null ? (lastReceived(store, messageIds) ?? null) : null,
      last_message_datetime: lastMessageAt,
      updated_datetime: updated,
      closed_datetime: closedAt,
      snooze_datetime: snooze,
      trashed_datetime: trashed,
    };
    store.put("tickets", ticket, true);
    // Email replies carry the "Re:" subject of their ticket.
    for (const mid of messageIds) {
      const msg = store.data.messages.get(mid);
      if (msg && msg.channel === "email") msg.subject = msg.subject === "Re: " ? `Re: ${ticket.subject ?? ""}` : ticket.subject;
    }
  }
  if (def.domain === "demo") {
    const brandB = addIntegration("email", BRAND_B.name, BRAND_B.address, BRAND_B.signature);
    for (const [name, decoration] of [["zendesk-import", {}], ["legacy", null]] as const) {
      const id = store.allocate("tags");
      tagIds.set(name, id);
      store.put("tags", { id, name, description: null, color: null, decoration, created_datetime: agoIso(200, 600) }, true);
    }
    seedMessy({ store, anchor, writers, support: emailIntegrations[0] as IntegrationRec, brandB, chat: channelIntegration.get("chat"), shopify, tagId: (name) => tagIds.get(name) });
  }
  store.rebuildIndexes();
  return store;
}

type MacroRecAction = { name: string; title: string; type: "system" | "user"; arguments: Record<string, unknown> };

/** A signature's HTML, as Gorgias's editor saves it: one `<div>` per line, variables left as they are. */
function signatureHtml(text: string): string {
  const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split("\n")
    .map((line) => `<div>${escape(line) || "<br>"}</div>`)
    .join("");
}

function isoMs(iso: string): number {
  return Date.parse(`${iso.slice(0, 23)}Z`);
}

function lastReceived(store: AccountStore, ids: number[]): string | null {
  for (let i = ids.length - 1; i >= 0; i--) {
    const m = store.data.messages.get(ids[i] ?? -1);
    if (m && !m.from_agent) return m.created_datetime;
  }
  return null;
}

function fillSubject(template: string, customer: CustomerRec, ticketId: number, storeName: string): string {
  const shop = Object.values(customer.integrations)[0] as { orders?: { name: string; line_items: { title: string }[] }[] } | undefined;
  const order = shop?.orders?.[0];
  return template
    .replace("{order}", order?.name ?? `#${1000 + (ticketId % 9000)}`)
    .replace("{product}", order?.line_items[0]?.title ?? "order")
    .replace("{store}", storeName)
    .replace("{code}", `SAVE${ticketId % 100}`);
}

function ascii(text: string): string {
  return text.normalize("NFD").replace(/[^A-Za-z]/g, "");
}

function makeAttachment(domain: string, messageId: number, name: string, contentType: string): AttachmentRec {
  return { url: `/${domain}/files/${messageId}/${name}`, name, size: attachmentBytes(name, contentType).length, content_type: contentType, public: true };
}

interface NewSeedMessage {
  ticketId: number;
  channel: string;
  via: string;
  fromAgent: boolean;
  isPublic: boolean;
  sender: PartyRef;
  receiver: PartyRef | null;
  source: SourceRec;
  subject: string | null;
  at: number;
  recipe: MessageRec["recipe"];
  integrationId: number | null;
  attachments: AttachmentRec[];
  domain?: string;
}

function pushMessage(store: AccountStore, rng: Rng, m: NewSeedMessage): number {
  const id = store.allocate("messages");
  const created = formatIso(m.at, rng.int(0, 999));
  const hex = (id * 2654435761).toString(16);
  const msg: MessageRec = {
    id,
    ticket_id: m.ticketId,
    message_id:
      m.channel === "email" ? (m.fromAgent ? `<${id}.${hex}@${m.domain ?? "mail.example"}>` : `<CA${hex}${id}@mail.gmail.com>`) : null,
    external_id: null,
    channel: m.channel,
    via: m.via,
    public: m.isPublic,
    from_agent: m.fromAgent,
    sender: m.sender,
    receiver: m.receiver,
    source: m.source,
    subject: m.subject,
    body: null,
    recipe: m.recipe,
    attachments: m.attachments,
    integration_id: m.integrationId,
    macros: [],
    mention_ids: [],
    meta: null,
    headers: null,
    created_datetime: created,
    sent_datetime: m.fromAgent && m.channel !== "internal-note" ? formatIso(m.at + rng.int(800, 4000), rng.int(0, 999)) : created,
    failed_datetime: null,
    opened_datetime: null,
    last_sending_error: null,
    is_retriable: false,
    pending_send: false,
  };
  store.put("messages", msg, true);
  return id;
}
