import { z } from "zod";
import { parseBody } from "../http/body.js";
import { ApiError } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { macroWire, tagFull, teamFull } from "../serialize.js";
import { materializeBody } from "../seed/bodies.js";
import type { MacroRec, TagRec } from "../store/types.js";
import { nowIso } from "../util/time.js";
import { getOr404, listReply, padNumber, pageSmall } from "./shared.js";

/** Real accounts hold `business_hours` as an array of ranges (choice 27). */
function accountSettings(ctx: RequestContext) {
  return [
    {
      id: ctx.store.idBase + 1,
      type: "business-hours",
      data: {
        timezone: "America/New_York",
        business_hours: [
          { days: "1,2,3,4,5", from_time: "09:00", to_time: "18:00" },
          { days: "6", from_time: "10:00", to_time: "14:00" },
        ],
      },
    },
    { id: ctx.store.idBase + 2, type: "satisfaction-surveys", data: { send_survey_for_email: true, send_survey_for_chat: true, survey_interval: 86_400 } },
  ];
}

function account(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const admin = [...ctx.store.data.users.values()].find((u) => u.role === "admin");
  return {
    status: 200,
    body: {
      domain: ctx.store.domain,
      created_datetime: admin?.created_datetime ?? null,
      deactivated_datetime: null,
      status: { status: "active" },
      settings: accountSettings(ctx),
    },
  };
}

/** `GET /api/account/settings` is not paginated: one `{data}` answer (§2.1). */
function listAccountSettings(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { type: "string" });
  const type = q.str("type");
  return { status: 200, body: { data: accountSettings(ctx).filter((s) => type === undefined || s.type === type) } };
}

function listTeams(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { ...PAGE, order_by: orderValues(["created_datetime", "name"]) });
  const { field, dir } = splitOrder(q.str("order_by") ?? "created_datetime:desc");
  const { items, page } = pageSmall(ctx.store.data.teams.values(), (t) => (field === "name" ? t.name.toLowerCase() : t.created_datetime), dir, q);
  return listReply(ctx, items.map((t) => teamFull(ctx.store, t)), page);
}

function tagUsage(ctx: RequestContext): Map<number, number> {
  const usage = new Map<number, number>();
  for (const t of ctx.store.data.tickets.values()) for (const id of t.tag_ids) usage.set(id, (usage.get(id) ?? 0) + 1);
  return usage;
}

const TAG_ORDER = [...orderValues(["created_datetime", "name"]), "usage:asc,name:asc", "usage:desc,name:desc"];

function listTags(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { ...PAGE, order_by: TAG_ORDER, search: "string" });
  const order = q.str("order_by") ?? "created_datetime:desc";
  const usage = tagUsage(ctx);
  const search = q.str("search")?.toLowerCase();
  const tags = [...ctx.store.data.tags.values()].filter((t) => search === undefined || t.name.toLowerCase().includes(search));
  const { field, dir } = splitOrder(order.split(",")[0] ?? order);
  // Usage order sorts by usage, then by name in the same direction.
  const key = (t: TagRec) => (field === "name" ? t.name.toLowerCase() : field === "usage" ? `${padNumber(usage.get(t.id) ?? 0)}|${t.name.toLowerCase()}` : t.created_datetime);
  const { items, page } = pageSmall(tags, key, dir, q);
  return listReply(ctx, items.map((t) => tagFull(t, usage.get(t.id) ?? 0)), page);
}

function getTag(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const tag = getOr404(ctx.store.data.tags, ctx.params[0]);
  return { status: 200, body: tagFull(tag, tagUsage(ctx).get(tag.id) ?? 0) };
}

const createTagBody = z.strictObject({
  name: z.string().min(1).max(256),
  description: z.string().max(1024).nullable().optional(),
  decoration: z.strictObject({ color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).nullable().optional(),
});

function postTag(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const body = parseBody(createTagBody, ctx.body, "Failed to create tag");
  if ([...ctx.store.data.tags.values()].some((t) => t.name === body.name)) throw new ApiError(409, "The resource already exists.");
  const tag: TagRec = { id: ctx.store.allocate("tags"), name: body.name, description: body.description ?? null, color: body.decoration?.color ?? null, created_datetime: nowIso() };
  ctx.store.put("tags", tag);
  return { status: 201, body: tagFull(tag, 0) };
}

// The bare `relevance` is the deprecated form Gorgias still accepts (descending).
const MACRO_ORDER = [...orderValues(["name", "created_datetime", "updated_datetime", "usage", "relevance", "language"]), "relevance"];

const STOP_WORDS = new Set(["the", "and", "for", "you", "your", "with", "this", "that", "are", "was", "have", "has", "not", "but", "from", "our", "can", "will", "just", "hi", "hello", "thanks", "thank", "please", "request", "status", "other"]);
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => w.replace(/(ies|es|s|ed|ing)$/, ""))
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w));

/**
 * Relevance of each macro to a ticket (choice in README: a plausible stand-in for Gorgias's model):
 * a macro tag the ticket already carries counts 3, each word of the macro's name, intent and tags
 * found in the ticket's subject, tags or latest customer message counts 1.
 */
function relevanceTo(ctx: RequestContext, ticketId: number): (m: MacroRec, tags: string[]) => number {
  const ticket = getOr404(ctx.store.data.tickets, ticketId);
  const tagNames = ticket.tag_ids.flatMap((id) => ctx.store.data.tags.get(id)?.name ?? []);
  const lastCustomer = [...ticket.message_ids]
    .reverse()
    .map((id) => ctx.store.data.messages.get(id))
    .find((msg) => msg && !msg.from_agent);
  const body = lastCustomer ? materializeBody(ctx.store, lastCustomer, false) : null;
  const bag = new Set(words([ticket.subject ?? "", tagNames.join(" "), body?.stripped_text ?? body?.body_text ?? ""].join(" ")));
  return (m, tags) => {
    let score = tags.filter((t) => tagNames.includes(t)).length * 3;
    for (const w of new Set(words([m.name, m.intent ?? "", tags.join(" ")].join(" ")))) if (bag.has(w)) score += 1;
    return score;
  };
}

function listMacros(ctx: RequestContext) {
  const q = parseQuery(ctx.query, {
    ...PAGE,
    order_by: MACRO_ORDER,
    search: "string",
    tags: "string[]",
    languages: "string[]",
    ticket_id: "int",
    message_id: "int",
    number_predictions: "int",
    archived: "bool",
  });
  const search = q.str("search")?.toLowerCase();
  const tags = q.strs("tags");
  const languages = q.strs("languages");
  const archived = q.bool("archived") ?? false;
  const macroTags = (m: MacroRec) =>
    String(m.actions.find((a) => a.name === "addTags")?.arguments.tags ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const macros = [...ctx.store.data.macros.values()].filter(
    (m) =>
      (archived ? m.archived_datetime !== null : m.archived_datetime === null) &&
      (search === undefined || m.name.toLowerCase().includes(search)) &&
      (tags === undefined || tags.every((t) => macroTags(m).includes(t))) &&
      (languages === undefined || languages.includes(m.language)),
  );
  const { field, dir } = splitOrder(q.str("order_by") ?? "usage:desc");
  const ticketId = q.int("ticket_id");
  if (ticketId !== undefined && field !== "relevance") throw new ApiError(400, "Invalid request parameters.", { ticket_id: ["Requires order_by=relevance."] });
  // Without a ticket, relevance has nothing to relate to: the sandbox ranks by usage then.
  const relevance = ticketId !== undefined ? relevanceTo(ctx, ticketId) : null;
  const key = (m: MacroRec) =>
    field === "name"
      ? m.name.toLowerCase()
      : field === "relevance" && relevance
        ? `${padNumber(relevance(m, macroTags(m)))}|${padNumber(m.usage)}`
        : field === "usage" || field === "relevance"
          ? padNumber(m.usage)
          : field === "language"
            ? m.language
            : field === "updated_datetime"
              ? m.updated_datetime
              : m.created_datetime;
  const { items, page } = pageSmall(macros, key, dir, q);
  return listReply(ctx, items.map(macroWire), page);
}

export function catalogRoutes(router: Router): void {
  router
    .add("GET", "/api/account", account)
    .add("GET", "/api/account/settings", listAccountSettings)
    .add("GET", "/api/teams", listTeams)
    .add("GET", "/api/teams/:id", (ctx) => (parseQuery(ctx.query, {}), { status: 200, body: teamFull(ctx.store, getOr404(ctx.store.data.teams, ctx.params[0])) }))
    .add("GET", "/api/tags", listTags)
    .add("POST", "/api/tags", postTag)
    .add("GET", "/api/tags/:id", getTag)
    .add("GET", "/api/macros", listMacros)
    .add("GET", "/api/macros/:id", (ctx) => (parseQuery(ctx.query, {}), { status: 200, body: macroWire(getOr404(ctx.store.data.macros, ctx.params[0])) }));
}
