import type { AccountStore } from "../store/account-store.js";
import type { BodyRec, BodyRecipe, MessageRec, TicketRec } from "../store/types.js";
import { Rng, mixSeed } from "../util/prng.js";
import { isoToMs } from "../util/time.js";
import { HOSTILE } from "./hostile.js";
import { CARRIERS, PRODUCTS, SIZES, TOPICS, type Topic } from "./topics.js";

// Seeded bodies are rendered on demand from a recipe: a 100 000-ticket account would not fit
// in memory with every HTML email materialised. Rendering is pure, so output is stable.

export interface Fills {
  first: string;
  order: string;
  product: string;
  agent: string;
  store: string;
  tracking: string;
  carrier: string;
  size: string;
  code: string;
}

function topicOf(index: number): Topic {
  const topic = TOPICS[index % TOPICS.length];
  if (!topic) throw new Error("no topics");
  return topic;
}

function ticketFills(store: AccountStore, ticket: TicketRec, agentFirst: string): Fills {
  const rng = new Rng(mixSeed(ticket.id, 0x5eed));
  const customer = store.data.customers.get(ticket.customer_id);
  const order = firstOrder(customer?.integrations);
  const carrier = rng.pick(CARRIERS);
  return {
    first: customer?.firstname || "there",
    order: order?.name ?? `#${1000 + (ticket.id % 9000)}`,
    product: order?.product ?? rng.pick(PRODUCTS),
    agent: agentFirst,
    store: store.profile.storeName,
    tracking: order?.tracking ?? `1Z${String(rng.int(10_000_000, 99_999_999))}${String(rng.int(1000, 9999))}`,
    carrier: order?.carrier ?? carrier,
    size: rng.pick(SIZES),
    code: String(rng.int(10_000, 99_999)),
  };
}

interface OrderBits {
  name: string;
  product: string | undefined;
  tracking: string | undefined;
  carrier: string | undefined;
}

function firstOrder(integrations: Record<string, unknown> | undefined): OrderBits | null {
  for (const value of Object.values(integrations ?? {})) {
    const orders = (value as { orders?: unknown }).orders;
    if (!Array.isArray(orders) || orders.length === 0) continue;
    const o = orders[0] as { name?: string; line_items?: { title?: string }[]; fulfillments?: { tracking_number?: string }[]; shipping_lines?: { code?: string }[] };
    if (typeof o.name !== "string") continue;
    return { name: o.name, product: o.line_items?.[0]?.title, tracking: o.fulfillments?.[0]?.tracking_number, carrier: o.shipping_lines?.[0]?.code };
  }
  return null;
}

export function fill(template: string, fills: Fills): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in fills ? fills[key as keyof Fills] : whole));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function paragraphsHtml(text: string): string {
  return text
    .split("\n\n")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function partyName(store: AccountStore, msg: MessageRec): { name: string; first: string; address: string } {
  if (msg.sender.type === "user") {
    const u = store.data.users.get(msg.sender.id);
    return { name: `${store.profile.storeName}`, first: u?.firstname ?? "Support", address: msg.source?.from?.address ?? "" };
  }
  const c = store.data.customers.get(msg.sender.id);
  return { name: c?.name ?? "Customer", first: c?.firstname ?? "", address: c?.email ?? "" };
}

function longDate(iso: string): string {
  return new Date(isoToMs(iso)).toUTCString().replace(" GMT", "").replace(/:\d\d$/, "");
}

/** The line of conversation for one message of the recipe, before channel formatting. */
function coreLine(topic: Topic, msg: MessageRec, recipe: BodyRecipe): string {
  const pickFrom = (list: string[]) => list[recipe.variant % list.length] ?? "";
  if (msg.channel === "internal-note") return pickFrom(topic.notes);
  if (!msg.from_agent) return recipe.step === 0 ? pickFrom(topic.opening) : pickFrom(topic.followups);
  return recipe.step === 0 ? pickFrom(topic.replies) : pickFrom(topic.agentFollowups);
}

function renderRecipe(store: AccountStore, msg: MessageRec, recipe: BodyRecipe): BodyRec {
  const ticket = store.ticket(msg.ticket_id);
  const topic = topicOf(recipe.topic);
  const sender = msg.sender.type === "user" ? store.data.users.get(msg.sender.id) : undefined;
  const fills = ticket ? ticketFills(store, ticket, sender?.firstname ?? "the team") : null;
  const line = fills ? fill(coreLine(topic, msg, recipe), fills) : coreLine(topic, msg, recipe);
  const first = fills?.first ?? "there";

  if (msg.channel === "internal-note") return plain(line);
  if (msg.channel === "phone") {
    const text = msg.from_agent
      ? `Outbound call, ${2 + (recipe.variant % 7)}m ${10 + (recipe.variant % 49)}s.\nSummary: ${line}`
      : `Inbound call, ${1 + (recipe.variant % 5)}m ${5 + (recipe.variant % 50)}s.\nVoicemail transcript: "${line}"`;
    return plain(text);
  }
  if (msg.channel !== "email") {
    const text = msg.from_agent ? `Hi ${first}! ${line}` : line;
    return plain(text);
  }

  const greeting = msg.from_agent ? `Hi ${first},` : recipe.variant % 2 === 0 ? "Hi," : "Hello there,";
  const signature = msg.from_agent
    ? `Best,\n${sender?.firstname ?? "The team"} ${sender?.lastname ?? ""}\n${store.profile.storeName} Customer Care\nhttps://${store.profile.emailDomain}`
    : recipe.variant % 3 === 0
      ? `Sent from my iPhone`
      : `Thanks,\n${first}`;
  const hostile = recipe.hostile === null ? null : (HOSTILE[recipe.hostile % HOSTILE.length] ?? null);
  const strippedText = `${greeting}\n\n${line}${hostile ? `\n\n${hostile.text}` : ""}`;
  const strippedHtml = `<div>${escapeHtml(greeting)}</div>${paragraphsHtml(line)}${hostile ? hostile.html : ""}`;
  const signatureHtml = msg.from_agent
    ? `<div class="signature" style="color:#5f6368;font-size:13px">--<br>${escapeHtml(sender?.firstname ?? "")} ${escapeHtml(sender?.lastname ?? "")}<br>${escapeHtml(store.profile.storeName)} Customer Care<br><a href="https://${store.profile.emailDomain}">${store.profile.emailDomain}</a></div>`
    : `<div class="signature">${escapeHtml(signature).replace(/\n/g, "<br>")}</div>`;

  let quoteText = "";
  let quoteHtml = "";
  const previous = recipe.quote ? previousPublic(store, msg) : null;
  if (previous) {
    const prevBody = materializeBody(store, previous, false);
    const who = partyName(store, previous);
    const header = `On ${longDate(previous.created_datetime)}, ${who.name} <${who.address}> wrote:`;
    const prevText = prevBody.stripped_text ?? prevBody.body_text ?? "";
    quoteText = `\n\n${header}\n${prevText
      .split("\n")
      .map((l) => `> ${l}`)
      .join("\n")}`;
    quoteHtml = `<div class="gmail_quote"><div class="gmail_attr">${escapeHtml(header)}<br></div><blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">${prevBody.stripped_html ?? ""}</blockquote></div>`;
  }
  return {
    body_text: `${strippedText}\n\n${signature}${quoteText}`,
    body_html: `<div dir="ltr">${strippedHtml}<br>${signatureHtml}</div>${quoteHtml}`,
    stripped_text: strippedText,
    stripped_html: strippedHtml,
    stripped_signature: signature,
  };
}

function plain(text: string): BodyRec {
  return {
    body_text: text,
    body_html: paragraphsHtml(text),
    stripped_text: text,
    stripped_html: paragraphsHtml(text),
    stripped_signature: null,
  };
}

function previousPublic(store: AccountStore, msg: MessageRec): MessageRec | null {
  const ticket = store.ticket(msg.ticket_id);
  if (!ticket) return null;
  const at = ticket.message_ids.indexOf(msg.id);
  for (let i = at - 1; i >= 0; i--) {
    const prev = store.data.messages.get(ticket.message_ids[i] ?? -1);
    if (prev && prev.public) return prev;
  }
  return null;
}

export function materializeBody(store: AccountStore, msg: MessageRec, withQuote = true): BodyRec {
  if (msg.body) return msg.body;
  if (!msg.recipe) return { body_text: null, body_html: null, stripped_text: null, stripped_html: null, stripped_signature: null };
  return renderRecipe(store, msg, withQuote ? msg.recipe : { ...msg.recipe, quote: false });
}
