import { z } from "zod";
import { parseBody } from "../http/body.js";
import { ApiError, notFound } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { customerFull, customerListItem, userFull } from "../serialize.js";
import { ROLE_NAMES, type UserRec } from "../store/types.js";
import { createCustomer } from "../ticket-ops.js";
import { nowIso } from "../util/time.js";
import { getOr404, listReply, pageIndex, pageSmall } from "./shared.js";

function listCustomers(ctx: RequestContext) {
  const q = parseQuery(ctx.query, {
    ...PAGE,
    order_by: orderValues(["created_datetime", "updated_datetime"]),
    email: "string",
    external_id: "string",
    name: "string",
    language: "string",
    timezone: "string",
    channel_type: "string",
    channel_address: "string",
  });
  const { store } = ctx;
  const { field, dir } = splitOrder(q.str("order_by") ?? "created_datetime:desc");
  const email = q.str("email")?.toLowerCase();
  const name = q.str("name")?.toLowerCase();
  const externalId = q.str("external_id");
  const language = q.str("language");
  const timezone = q.str("timezone");
  const channelType = q.str("channel_type");
  const channelAddress = q.str("channel_address")?.toLowerCase();
  const tests: ((id: number) => boolean)[] = [];
  const get = (id: number) => store.data.customers.get(id);
  if (email !== undefined) {
    const hit = store.findCustomerByEmail(email);
    tests.push((id) => id === hit?.id);
  }
  if (name !== undefined) tests.push((id) => (get(id)?.name ?? "").toLowerCase() === name);
  if (externalId !== undefined) tests.push((id) => get(id)?.external_id === externalId);
  if (language !== undefined) tests.push((id) => get(id)?.language === language);
  if (timezone !== undefined) tests.push((id) => get(id)?.timezone === timezone);
  if (channelType !== undefined || channelAddress !== undefined) {
    tests.push((id) => (get(id)?.channels ?? []).some((c) => (channelType === undefined || c.type === channelType) && (channelAddress === undefined || c.address.toLowerCase() === channelAddress)));
  }
  const match = tests.length === 0 ? null : (id: number) => tests.every((t) => t(id));
  const index = field === "updated_datetime" ? store.customersByUpdated : store.customersByCreated;
  const page = pageIndex(index, dir, match, q);
  return listReply(ctx, page.ids.flatMap((id) => { const c = get(id); return c ? [customerListItem(c)] : []; }), page);
}

function getCustomer(ctx: RequestContext) {
  parseQuery(ctx.query, { relationships: "string[]" });
  return { status: 200, body: customerFull(getOr404(ctx.store.data.customers, ctx.params[0])) };
}

const createCustomerBody = z.strictObject({
  email: z.string().max(320).nullable().optional(),
  name: z.string().nullable().optional(),
  firstname: z.string().nullable().optional(),
  lastname: z.string().nullable().optional(),
  external_id: z.string().max(255).nullable().optional(),
  language: z.string().nullable().optional(),
  timezone: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  channels: z.array(z.looseObject({ type: z.string(), address: z.string(), preferred: z.boolean().optional() })).optional(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
});

function postCustomer(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const MSG = "Failed to create customer";
  const body = parseBody(createCustomerBody, ctx.body, MSG);
  const email = body.email ?? body.channels?.find((c) => c.type === "email")?.address ?? null;
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) throw new ApiError(400, MSG, { email: ["Not a valid email address."] });
  if (email && ctx.store.findCustomerByEmail(email)) throw new ApiError(409, "The resource already exists.");
  const c = createCustomer(ctx.store, { email, name: body.name ?? null, firstname: body.firstname ?? null, lastname: body.lastname ?? null });
  if (body.channels) c.channels = body.channels.map((ch, i) => ({ id: c.id * 10 + i + 1, type: ch.type, address: ch.address, preferred: ch.preferred ?? i === 0 }));
  c.external_id = body.external_id ?? null;
  c.language = body.language ?? null;
  c.timezone = body.timezone ?? null;
  c.note = body.note ?? null;
  c.data = body.data ?? null;
  c.meta = body.meta ?? {};
  c.updated_datetime = nowIso();
  ctx.store.touch("customers", c.id);
  return { status: 201, body: customerFull(c) };
}

const USER_ORDER = orderValues(["created_datetime", "name", "email", "role.name"]);

function listUsers(ctx: RequestContext) {
  const q = parseQuery(ctx.query, {
    ...PAGE,
    order_by: USER_ORDER,
    email: "string",
    external_id: "string",
    roles: "string[]",
    search: "string",
    available_first: "bool",
  });
  const roles = q.strs("roles");
  const badRole = roles?.find((r) => !(ROLE_NAMES as readonly string[]).includes(r) && r !== "bot" && r !== "internal-agent");
  if (badRole) throw new ApiError(400, "Invalid request parameters.", { roles: [`Must be one of: ${[...ROLE_NAMES, "bot", "internal-agent"].join(", ")}.`] });
  const email = q.str("email")?.toLowerCase();
  const search = q.str("search")?.toLowerCase();
  const externalId = q.str("external_id");
  const users = [...ctx.store.data.users.values()].filter(
    (u) =>
      (email === undefined || u.email.toLowerCase() === email) &&
      (externalId === undefined || u.external_id === externalId) &&
      (roles === undefined || roles.includes(u.role)) &&
      (search === undefined || `${u.firstname} ${u.lastname} ${u.email}`.toLowerCase().includes(search)),
  );
  const { field, dir } = splitOrder(q.str("order_by") ?? "name:asc");
  const key = (u: UserRec) =>
    field === "name" ? `${u.firstname} ${u.lastname}`.toLowerCase() : field === "email" ? u.email.toLowerCase() : field === "role.name" ? u.role : u.created_datetime;
  const { items, page } = pageSmall(users, key, dir, q);
  return listReply(ctx, items.map(userFull), page);
}

function getUser(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  // Id 0 means "the user behind these credentials".
  if (ctx.params[0] === 0) return { status: 200, body: userFull(ctx.user) };
  const user = ctx.store.data.users.get(ctx.params[0] ?? -1);
  if (!user) throw notFound();
  return { status: 200, body: userFull(user) };
}

export function peopleRoutes(router: Router): void {
  router
    .add("GET", "/api/customers", listCustomers)
    .add("POST", "/api/customers", postCustomer)
    .add("GET", "/api/customers/:id", getCustomer)
    .add("GET", "/api/users", listUsers)
    .add("GET", "/api/users/:id", getUser);
}
