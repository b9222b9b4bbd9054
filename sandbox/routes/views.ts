import { z } from "zod";
import { parseBody } from "../http/body.js";
import { badRequest } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { fromEntries, pageOver, type Ordered } from "../paging.js";
import { materializeBody } from "../seed/bodies.js";
import { ticketCompact, viewWire } from "../serialize.js";
import type { TicketRec } from "../store/types.js";
import type { Cursor } from "../util/cursor.js";
import { getOr404, listReply, pageSmall } from "./shared.js";
import { viewPredicate } from "./tickets.js";

const ITEM_FIELDS = [
  "created_datetime",
  "updated_datetime",
  "last_message_datetime",
  "last_received_message_datetime",
  "closed_datetime",
  "snooze_datetime",
  "priority",
] as const;
const ITEM_ORDER = orderValues(ITEM_FIELDS);
const ITEM_PARAMS = { cursor: "string", limit: "limit", order_by: ITEM_ORDER, direction: ["next", "prev"], ignored_item: "int" } as const;

// View-item cursors hold only the boundary's sort value; the direction and the boundary ticket
// (`ignored_item`) travel as their own parameters in `next_items` / `prev_items` (choice 5).
const encodeViewCursor = (key: string) => Buffer.from(JSON.stringify([key]), "utf8").toString("base64");

function decodeViewCursor(raw: string): string | null {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
    return Array.isArray(value) && value.length === 1 && typeof value[0] === "string" ? value[0] : null;
  } catch {
    return null;
  }
}
const PRIORITY_RANK: Record<string, string> = { low: "0", normal: "1", high: "2", critical: "3" };

function listViews(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { ...PAGE, order_by: orderValues(["created_datetime"]), category: ["system", "user"] });
  const category = q.str("category");
  const { dir } = splitOrder(q.str("order_by") ?? "created_datetime:asc");
  const views = [...ctx.store.data.views.values()].filter((v) => category === undefined || v.category === category);
  const { items, page } = pageSmall(views, (v) => v.created_datetime, dir, q);
  return listReply(ctx, items.map(viewWire), page);
}

interface ItemsSpec {
  viewId: number;
  filters: string;
  search: string | null;
  orderBy: string;
}

function searchMatcher(ctx: RequestContext, search: string | null): ((t: TicketRec) => boolean) | null {
  const needle = search?.trim().toLowerCase();
  if (!needle) return null;
  const { store } = ctx;
  return (t) => {
    if (t.subject?.toLowerCase().includes(needle)) return true;
    const c = store.data.customers.get(t.customer_id);
    if (c && ((c.name ?? "").toLowerCase().includes(needle) || (c.email ?? "").toLowerCase().includes(needle))) return true;
    return t.message_ids.some((id) => {
      const m = store.data.messages.get(id);
      if (!m) return false;
      const body = materializeBody(store, m, false);
      return (body.stripped_text ?? body.body_text ?? "").toLowerCase().includes(needle);
    });
  };
}

function items(ctx: RequestContext, spec: ItemsSpec, q: ReturnType<typeof parseQuery>) {
  const { store } = ctx;
  const filter = viewPredicate(ctx, spec.filters);
  const search = searchMatcher(ctx, spec.search);
  const ignored = q.int("ignored_item");
  const test = (t: TicketRec) => t.id !== ignored && filter(t) && (search === null || search(t));
  const { field, dir } = splitOrder(q.str("order_by") ?? spec.orderBy);
  let source: Ordered;
  let match: ((id: number) => boolean) | null = (id) => {
    const t = store.ticket(id);
    return t !== undefined && test(t);
  };
  if (field === "created_datetime") source = store.ticketsByCreated;
  else if (field === "updated_datetime") source = store.ticketsByUpdated;
  else if (field === "last_message_datetime") source = store.ticketsByLastMessage;
  else {
    // Less common orders: filter first, then sort only the matches.
    const entries: { id: number; key: string }[] = [];
    for (const t of store.data.tickets.values()) {
      if (!test(t)) continue;
      const value = field === "priority" ? (PRIORITY_RANK[t.priority] ?? "1") : ((t[field as keyof TicketRec] as string | null) ?? "");
      entries.push({ id: t.id, key: value });
    }
    source = fromEntries(entries);
    match = null;
  }
  const rawCursor = q.str("cursor");
  const key = rawCursor === undefined ? null : decodeViewCursor(rawCursor);
  if (rawCursor !== undefined && key === null) throw badRequest("Invalid request parameters.", { cursor: ["Invalid cursor."] });
  const direction = (q.str("direction") as "next" | "prev" | undefined) ?? "next";
  // Without `ignored_item`, tickets that share the cursor's sort value are all on the page.
  const edge = (before: boolean) => (before ? -1 : Number.MAX_SAFE_INTEGER);
  const id = ignored ?? edge((direction === "next") === (dir === "asc"));
  const cursor: Cursor | null = key === null ? null : { direction, key, id };
  const page = pageOver(source, dir, match, cursor, q.limit());
  const orderBy = `${field}:${dir}`;
  const link = (b: { key: string; id: number }, d: "next" | "prev") =>
    `/api/views/${spec.viewId}/items?cursor=${encodeURIComponent(encodeViewCursor(b.key))}&direction=${d}&ignored_item=${b.id}&limit=${q.limit()}&order_by=${encodeURIComponent(orderBy)}`;
  const wire = { store, origin: ctx.origin };
  return {
    status: 200,
    body: {
      object: "list",
      uri: ctx.uri,
      data: page.ids.flatMap((id) => {
        const t = store.ticket(id);
        return t ? [ticketCompact(wire, t)] : [];
      }),
      meta: {
        prev_items: page.hasPrev && page.first ? link(page.first, "prev") : null,
        next_items: page.hasNext && page.last ? link(page.last, "next") : null,
        current_cursor: ctx.query.get("cursor"),
      },
    },
  };
}

function viewItems(ctx: RequestContext) {
  const q = parseQuery(ctx.query, ITEM_PARAMS);
  const view = getOr404(ctx.store.data.views, ctx.params[0]);
  return items(ctx, { viewId: view.id, filters: view.filters, search: view.search, orderBy: `${view.order_by}:${view.order_dir}` }, q);
}

const adHocView = z.strictObject({
  view: z.strictObject({
    type: z.literal("ticket-list").optional(),
    filters: z.string().nullable().optional(),
    search: z.string().nullable().optional(),
    order_by: z.enum(ITEM_FIELDS).optional(),
    order_dir: z.enum(["asc", "desc"]).optional(),
    name: z.string().optional(),
    slug: z.string().optional(),
    category: z.string().optional(),
    visibility: z.string().optional(),
    fields: z.array(z.string()).optional(),
    decoration: z.unknown().optional(),
    shared_with_users: z.array(z.unknown()).optional(),
    shared_with_teams: z.array(z.unknown()).optional(),
  }),
});

/** PUT /api/views/0/items: an unsaved view, answered synchronously (see README). */
function adHocItems(ctx: RequestContext) {
  const q = parseQuery(ctx.query, ITEM_PARAMS);
  const { view } = parseBody(adHocView, ctx.body, "Failed to search tickets");
  return items(ctx, { viewId: 0, filters: view.filters ?? "", search: view.search ?? null, orderBy: `${view.order_by ?? "updated_datetime"}:${view.order_dir ?? "desc"}` }, q);
}

export function viewRoutes(router: Router): void {
  router
    .add("GET", "/api/views", listViews)
    .add("PUT", "/api/views/0/items", adHocItems)
    .add("GET", "/api/views/:id", (ctx) => (parseQuery(ctx.query, {}), { status: 200, body: viewWire(getOr404(ctx.store.data.views, ctx.params[0])) }))
    .add("GET", "/api/views/:id/items", viewItems);
}
