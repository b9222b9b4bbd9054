import type { AccountStore } from "../store/account-store.js";
import type { CustomerRec, IntegrationRec, MessageRec, PartyRef, SourceRec, TicketRec, UserRec } from "../store/types.js";
import { formatIso } from "../util/time.js";

// The untidy corners of a real account (issue 9), added to the demo account after the regular
// seed: customers without names, empty and null subjects, threads of hundreds of messages,
// non-Latin and right-to-left scripts, emoji, unbroken 60-character tokens, one customer with 60
// tickets, and a second brand with its own support address. Nothing here is random: the same
// anchor gives the same records. Dates stay at least a week old, so the newest tickets of the
// account (what an inbox opens on) are the regular ones.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const BRAND_B = { name: "Summit Trail Co.", address: "hello@summit-trail.example", signature: "{{current_user.first_name}} at Summit Trail Co.\nHappy trails!" };
const TOKEN_60 = "ZXhwb3J0LTIwMjUtMDEtMTAtbm9ydGhwZWFrLW91dGZpdHRlcnMtYmF0Y2gtMDc";

interface MessySetup {
  store: AccountStore;
  anchor: number;
  writers: readonly UserRec[];
  support: IntegrationRec;
  brandB: IntegrationRec;
  chat: IntegrationRec | undefined;
  shopify: IntegrationRec;
  tagId: (name: string) => number | undefined;
}

interface Line {
  fromCustomer: boolean;
  text: string;
  /** A customer message recorded without `sent_datetime`, as some imports and channels leave it. */
  unsent?: boolean;
}

interface TicketSpec {
  customer: CustomerRec;
  channel: "email" | "chat";
  integration: IntegrationRec | undefined;
  subject: string | null;
  lines: readonly Line[];
  startDaysAgo: number;
  stepMinutes?: number;
  status?: "open" | "closed";
  tags?: readonly string[];
  externalId?: string | null;
  via?: string;
  /** Incoming messages name the integration's user as receiver (real accounts do). */
  receiverIsIntegration?: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Store data as imports and old integrations leave it: numbers where strings belong, an order
 * without a name, line items that are not a list, tracking links that are not web addresses, a
 * date that is not one, an integration with no orders, one of a type nobody knows, junk entries.
 */
const messyStoreData = (shopifyId: number): Record<string, unknown> => ({
  [String(shopifyId)]: {
    __integration_type__: "shopify",
    customer: { orders_count: "3", total_spent: 412.5 },
    orders: [
      {
        name: "#1099",
        created_at: "2025-12-28T10:00:00-05:00",
        financial_status: "paid",
        fulfillment_status: "fulfilled",
        total_price: 189.5,
        currency: "USD",
        line_items: [{ title: "Summit Down Parka", quantity: "1", price: 179 }, { quantity: 2 }, "gift wrap"],
        fulfillments: [
          { tracking_company: "UPS", tracking_number: "1ZMESSY0001", tracking_url: "javascript:alert(document.cookie)" },
          { tracking_company: null, tracking_numbers: ["LX123456789"], tracking_urls: ["https://track.dhl.example/LX123456789"] },
        ],
      },
      { order_number: 1042, created_at: "yesterday", financial_status: null, line_items: "see attachment", fulfillments: null, total_price: "not a price" },
      "order #1000 (imported as text)",
      null,
    ],
  },
  "77": { __integration_type__: "klaviyo", lists: ["newsletter"] },
  "81": { __integration_type__: "loyalty-points-pro", points: 120, orders: [{ id: 9001, total_price: "12.00", currency: "EUR", line_items: [{ title: "Reward voucher" }] }] },
  "90": "corrupted",
  "91": null,
});

function customer(
  store: AccountStore,
  fields: { email: string | null; firstname: string; lastname: string; name: string | null; language?: string | null; integrations?: Record<string, unknown> },
  createdMs: number,
): CustomerRec {
  const id = store.allocate("customers");
  const rec: CustomerRec = {
    id,
    email: fields.email,
    firstname: fields.firstname,
    lastname: fields.lastname,
    name: fields.name,
    external_id: null,
    language: fields.language ?? null,
    timezone: null,
    note: null,
    channels: fields.email ? [{ id: id * 10 + 1, type: "email", address: fields.email, preferred: true }] : [],
    data: null,
    meta: {},
    integrations: fields.integrations ?? {},
    created_datetime: formatIso(createdMs, id % 1000),
    updated_datetime: formatIso(createdMs, id % 1000),
  };
  store.put("customers", rec, true);
  return rec;
}

function addTicket(setup: MessySetup, spec: TicketSpec): TicketRec {
  const { store, anchor, writers } = setup;
  const id = store.allocate("tickets");
  const writer = writers[id % writers.length] as UserRec;
  const support = spec.integration;
  const supportAddress = { name: support?.name ?? null, address: support?.address ?? "" };
  const customerAddress = { name: spec.customer.name, address: spec.customer.email ?? "" };
  const start = anchor - spec.startDaysAgo * DAY;
  const step = (spec.stepMinutes ?? 90) * MINUTE;
  const messageIds: number[] = [];
  let lastCustomer: string | null = null;
  spec.lines.forEach((line, n) => {
    const mid = store.allocate("messages");
    const created = formatIso(start + n * step, (mid * 7) % 1000);
    const email = spec.channel === "email";
    const source: SourceRec = line.fromCustomer
      ? { type: spec.channel, from: customerAddress, to: [supportAddress], cc: null, bcc: null }
      : { type: spec.channel, from: supportAddress, to: [customerAddress], cc: null, bcc: null };
    const sender: PartyRef = line.fromCustomer ? { type: "customer", id: spec.customer.id } : { type: "user", id: writer.id };
    const receiver: PartyRef | null = line.fromCustomer
      ? spec.receiverIsIntegration && support
        ? { type: "integration", id: support.id }
        : null
      : { type: "customer", id: spec.customer.id };
    const html = `<div dir="auto">${escapeHtml(line.text).replace(/\n/g, "<br>")}</div>`;
    const msg: MessageRec = {
      id: mid,
      ticket_id: id,
      message_id: email ? `<${mid}.messy@${line.fromCustomer ? "mail.example" : "demo-store.example"}>` : null,
      external_id: null,
      channel: spec.channel,
      via: line.fromCustomer ? (spec.via ?? (email ? "email" : "gorgias_chat")) : "helpdesk",
      public: true,
      from_agent: !line.fromCustomer,
      sender,
      receiver,
      source,
      subject: email ? (n === 0 ? spec.subject : spec.subject ? `Re: ${spec.subject}` : null) : null,
      body: { body_text: line.text, body_html: html, stripped_text: line.text, stripped_html: html, stripped_signature: null },
      recipe: null,
      attachments: [],
      integration_id: support?.id ?? null,
      macros: [],
      mention_ids: [],
      meta: null,
      headers: null,
      created_datetime: created,
      sent_datetime: line.unsent ? null : line.fromCustomer ? created : formatIso(start + n * step + 2000, 0),
      failed_datetime: null,
      opened_datetime: null,
      last_sending_error: null,
      is_retriable: false,
      pending_send: false,
    };
    store.put("messages", msg, true);
    messageIds.push(mid);
    if (line.fromCustomer) lastCustomer = created;
  });
  const last = store.data.messages.get(messageIds[messageIds.length - 1] ?? -1);
  const lastAt = last?.created_datetime ?? formatIso(start);
  const status = spec.status ?? "open";
  const ticket: TicketRec = {
    id,
    external_id: spec.externalId ?? null,
    language: spec.customer.language,
    status,
    priority: "normal",
    channel: spec.channel,
    via: spec.via ?? (spec.channel === "email" ? "email" : "gorgias_chat"),
    from_agent: false,
    customer_id: spec.customer.id,
    assignee_user_id: null,
    assignee_team_id: null,
    subject: spec.subject,
    meta: null,
    tag_ids: (spec.tags ?? []).flatMap((t) => setup.tagId(t) ?? []),
    message_ids: messageIds,
    is_unread: status === "open" && last !== undefined && !last.from_agent,
    spam: false,
    integration_id: spec.channel === "email" ? (support?.id ?? null) : null,
    last_sent_message_not_delivered: false,
    created_datetime: store.data.messages.get(messageIds[0] ?? -1)?.created_datetime ?? formatIso(start),
    opened_datetime: null,
    last_received_message_datetime: lastCustomer,
    last_message_datetime: lastAt,
    updated_datetime: lastAt,
    closed_datetime: status === "closed" ? lastAt : null,
    snooze_datetime: null,
    trashed_datetime: null,
  };
  store.put("tickets", ticket, true);
  return ticket;
}

const LONG_TEXTS = [
  "Any news on the replacement?",
  "We are still looking into it with the warehouse.",
  "The tracking page has not moved since Tuesday 😕",
  "Thanks for your patience, I have escalated this to the carrier.",
  "هل يمكنكم إرسال رقم التتبع مرة أخرى؟",
  "סליחה על העיכוב, נבדוק שוב מול השליח.",
  "好的，我会等待你们的回复。",
];

export function seedMessy(setup: MessySetup): void {
  const { store, anchor } = setup;
  const at = (daysAgo: number) => anchor - daysAgo * DAY;
  const email = setup.support;
  const brandB = setup.brandB;

  // Known only by an address: no name, empty first and last names; a null subject; an empty one.
  const nameless = customer(store, { email: "x9k2@mailbox.example", firstname: "", lastname: "", name: null }, at(200));
  addTicket(setup, {
    customer: nameless,
    channel: "email",
    integration: email,
    subject: null,
    startDaysAgo: 9,
    receiverIsIntegration: true,
    lines: [
      { fromCustomer: true, text: "hi where is my order", unsent: true },
      { fromCustomer: false, text: "Hello! Could you share your order number so we can look it up?" },
      { fromCustomer: true, text: "#1042", unsent: true },
    ],
  });
  addTicket(setup, { customer: nameless, channel: "chat", integration: setup.chat, subject: "", startDaysAgo: 8, lines: [{ fromCustomer: true, text: "?" }] });

  // Scripts: right-to-left, CJK, Cyrillic, Devanagari; emoji; unbroken tokens.
  const scripts: { first: string; last: string; email: string; lang: string; subject: string; text: string }[] = [
    { first: "محمد", last: "العلي", email: "m.alali@mail.example", lang: "ar", subject: "طلبي رقم ١٠٤٢ لم يصل بعد", text: "مرحباً، طلبت سترة الأسبوع الماضي ولم تصل بعد. هل يمكنكم المساعدة؟" },
    { first: "יעל", last: "כהן", email: "yael.cohen@mail.example", lang: "he", subject: "החזרה של נעלי הליכה – מידה לא מתאימה", text: "שלום, הנעליים קטנות מדי. איך אני מחזירה אותן? תודה!" },
    { first: "小明", last: "王", email: "xiaoming.wang@mail.example", lang: "zh", subject: "关于我的订单的配送问题", text: "你好，我的包裹显示已送达，但我没有收到。请帮我查一下。" },
    { first: "Дмитрий", last: "Иванов", email: "d.ivanov@mail.example", lang: "ru", subject: "Не могу применить промокод", text: "Здравствуйте! Промокод SAVE20 не работает при оформлении заказа." },
    { first: "प्रिया", last: "शर्मा", email: "priya.sharma@mail.example", lang: "hi", subject: "ऑर्डर रद्द करना है", text: "नमस्ते, मुझे अपना ऑर्डर रद्द करना है। कृपया मदद करें।" },
  ];
  scripts.forEach((s, i) => {
    const c = customer(store, { email: s.email, firstname: s.first, lastname: s.last, name: `${s.first} ${s.last}`, language: s.lang }, at(150 + i));
    addTicket(setup, { customer: c, channel: "email", integration: email, subject: s.subject, startDaysAgo: 10 + i, lines: [{ fromCustomer: true, text: s.text }] });
  });
  const emoji = customer(store, { email: "sunny.day@mail.example", firstname: "Sunny", lastname: "☀️ Day", name: "Sunny ☀️ Day", integrations: messyStoreData(setup.shopify.id) }, at(120));
  addTicket(setup, {
    customer: emoji,
    channel: "email",
    integration: email,
    subject: "🔥🔥 WHERE IS MY ORDER?? 📦😡😡😡 #1099",
    startDaysAgo: 12,
    lines: [{ fromCustomer: true, text: "It has been 3 weeks 😤😤 👉👉 please answer 🙏🙏🙏" }],
  });
  const token = customer(store, { email: `${TOKEN_60.slice(0, 40).toLowerCase()}@export.example`, firstname: "Export", lastname: "Bot", name: "Export Bot" }, at(110));
  addTicket(setup, {
    customer: token,
    channel: "email",
    integration: email,
    subject: `Bulk export ${TOKEN_60} failed`,
    startDaysAgo: 13,
    lines: [{ fromCustomer: true, text: `Batch https://exports.example/${TOKEN_60}${TOKEN_60} failed with ${TOKEN_60}` }],
  });

  // Threads of hundreds of messages: an imported e-mail thread and a long chat.
  const patient = customer(store, { email: "pat.longwait@mail.example", firstname: "Pat", lastname: "Longwait", name: "Pat Longwait" }, at(300));
  const lines = (n: number): Line[] => Array.from({ length: n }, (_, k) => ({ fromCustomer: k % 2 === 0, text: `${LONG_TEXTS[k % LONG_TEXTS.length]} (${k + 1})` }));
  addTicket(setup, { customer: patient, channel: "email", integration: email, subject: "Replacement jacket — still waiting", startDaysAgo: 80, stepMinutes: 300, lines: lines(231), externalId: "zendesk-88213", via: "zendesk", tags: ["zendesk-import", "legacy"] });
  addTicket(setup, { customer: patient, channel: "chat", integration: setup.chat, subject: "Chat with Pat", startDaysAgo: 14, stepMinutes: 2, lines: lines(204), status: "closed" });

  // One customer with 60 tickets.
  const regular = customer(store, { email: "casey.often@mail.example", firstname: "Casey", lastname: "Often", name: "Casey Often" }, at(400));
  for (let k = 0; k < 60; k++) {
    addTicket(setup, {
      customer: regular,
      channel: "email",
      integration: email,
      subject: `Order #${2000 + k} question`,
      startDaysAgo: 89 - k,
      status: k % 5 === 0 ? "open" : "closed",
      lines: [
        { fromCustomer: true, text: `Quick question about order #${2000 + k}.` },
        { fromCustomer: false, text: "Thanks Casey, all sorted!" },
      ],
    });
  }

  // The second brand: customers who wrote to its address, and one who wrote to both brands.
  const brandCustomers = [
    customer(store, { email: "river.stone@mail.example", firstname: "River", lastname: "Stone", name: "River Stone" }, at(90)),
    customer(store, { email: "ana.costa@mail.example", firstname: "Ana", lastname: "Costa", name: "Ana Costa" }, at(91)),
  ];
  brandCustomers.forEach((c, i) => {
    addTicket(setup, {
      customer: c,
      channel: "email",
      integration: brandB,
      subject: `Trail pack ${i === 0 ? "zipper broke" : "size exchange"}`,
      startDaysAgo: 7 + i,
      lines: [{ fromCustomer: true, text: `Hello ${brandB.name}, I need help with my trail pack.` }],
    });
  });
  const both = customer(store, { email: "jo.both@mail.example", firstname: "Jo", lastname: "Both", name: "Jo Both" }, at(95));
  addTicket(setup, { customer: both, channel: "email", integration: email, subject: "Northpeak boots sizing", startDaysAgo: 9, lines: [{ fromCustomer: true, text: "Do your boots run small?" }] });
  addTicket(setup, { customer: both, channel: "email", integration: brandB, subject: "Summit Trail tent poles", startDaysAgo: 8, lines: [{ fromCustomer: true, text: "One tent pole arrived bent." }] });
}
