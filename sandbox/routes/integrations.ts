import { z } from "zod";
import { integrationChanged } from "../events.js";
import { parseBody } from "../http/body.js";
import { ApiError, type FieldErrors } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { integrationWire } from "../serialize.js";
import { CONTENT_TYPES, HTTP_METHODS, type HttpSettingsRec, type IntegrationRec } from "../store/types.js";
import { nowIso, parseIsoInput } from "../util/time.js";
import { TRIGGERS } from "../webhooks/dispatcher.js";
import { loopbackError } from "../webhooks/request.js";
import { getOr404, listReply, pageSmall } from "./shared.js";

// Integrations: every type can be listed and read; HTTP integrations (webhooks) can also be
// created, changed and deleted, by admins only, as in Gorgias.

/** Newer triggers Gorgias's app knows, whose payload the sandbox does not emulate: accepted only as false. */
const UNEMULATED_TRIGGERS = ["ticket-assignment-updated", "ticket-status-updated", "ticket-handed-over"];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const httpFields = {
  url: z.string().min(1).max(2000),
  method: z.enum(HTTP_METHODS),
  request_content_type: z.enum(CONTENT_TYPES),
  response_content_type: z.string().min(1),
  headers: z.record(z.string(), z.string()).nullable(),
  form: z.union([z.string(), z.record(z.string(), z.unknown())]).nullable(),
  triggers: z.record(z.string(), z.boolean()),
  // Gorgias's own app sends the id of the http settings back on update.
  id: z.int().optional(),
};
const createBody = z.strictObject({
  type: z.string(),
  name: z.string().min(1).max(255),
  description: z.string().max(1024).nullable().optional(),
  http: z.strictObject(httpFields).partial().required({ url: true, triggers: true }),
});
const updateBody = z.strictObject({
  id: z.int().optional(),
  type: z.literal("http").optional(),
  name: z.string().min(1).max(255).optional(),
  description: z.string().max(1024).nullable().optional(),
  http: z.strictObject(httpFields).partial().optional(),
  deactivated_datetime: z.string().nullable().optional(),
});
type HttpInput = Partial<z.infer<z.ZodObject<typeof httpFields>>>;

function requireAdmin(ctx: RequestContext): void {
  if (ctx.user.role !== "admin") throw new ApiError(403, "You don't have the permissions to perform this action: only admins manage integrations.");
}

/** Applies given http fields over `base` and checks the result; field errors go to `errors`. */
function httpSettings(base: HttpSettingsRec | null, input: HttpInput, errors: FieldErrors): HttpSettingsRec {
  const fail = (field: string, msg: string) => (errors[`http.${field}`] ??= []).push(msg);
  const settings: HttpSettingsRec = {
    url: input.url ?? base?.url ?? "",
    method: input.method ?? base?.method ?? "POST",
    request_content_type: input.request_content_type ?? base?.request_content_type ?? "application/json",
    response_content_type: input.response_content_type ?? base?.response_content_type ?? "application/json",
    headers: input.headers === undefined ? (base?.headers ?? {}) : (input.headers ?? {}),
    form: input.form === undefined ? (base?.form ?? null) : input.form,
    triggers: input.triggers ?? base?.triggers ?? {},
  };
  const refused = loopbackError(settings.url);
  if (refused) fail("url", refused);
  for (const name of Object.keys(settings.headers)) if (!HEADER_NAME.test(name)) fail("headers", `Invalid header name ${JSON.stringify(name)}.`);
  for (const [name, on] of Object.entries(settings.triggers)) {
    if (UNEMULATED_TRIGGERS.includes(name)) {
      if (on) fail(`triggers.${name}`, "The sandbox does not emulate this trigger.");
    } else if (!(TRIGGERS as readonly string[]).includes(name)) fail(`triggers.${name}`, `Unknown trigger. Known: ${TRIGGERS.join(", ")}.`);
  }
  return settings;
}

function listIntegrations(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { ...PAGE, order_by: orderValues(["created_datetime"]), type: "string" });
  const type = q.str("type");
  const { dir } = splitOrder(q.str("order_by") ?? "created_datetime:asc");
  const list = [...ctx.store.data.integrations.values()].filter((i) => type === undefined || i.type === type);
  const { items, page } = pageSmall(list, (i) => i.created_datetime, dir, q);
  return listReply(ctx, items.map(integrationWire), page);
}

function createIntegration(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  requireAdmin(ctx);
  const MSG = "Failed to create integration";
  const body = parseBody(createBody, ctx.body, MSG);
  const errors: FieldErrors = {};
  if (body.type !== "http") (errors.type ??= []).push("The sandbox creates only integrations of type http.");
  const http = httpSettings(null, body.http, errors);
  if (Object.keys(errors).length > 0) throw new ApiError(400, MSG, errors);
  const now = nowIso();
  const integration: IntegrationRec = {
    id: ctx.store.allocate("integrations"),
    type: "http",
    name: body.name,
    description: body.description ?? null,
    address: null,
    signature: null,
    http,
    consecutive_failures: 0,
    created_datetime: now,
    updated_datetime: now,
    deactivated_datetime: null,
  };
  ctx.store.put("integrations", integration);
  integrationChanged(ctx.store, "integration-created", integration.id, { type: "http", name: integration.name });
  return { status: 201, body: integrationWire(integration) };
}

function httpIntegration(ctx: RequestContext): IntegrationRec {
  const integration = getOr404(ctx.store.data.integrations, ctx.params[0]);
  // The seeded email, store and channel integrations stay as they are: tickets depend on them.
  if (integration.type !== "http") throw new ApiError(400, "The sandbox only changes or deletes integrations of type http.");
  return integration;
}

function updateIntegration(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  requireAdmin(ctx);
  const MSG = "Failed to update integration";
  const integration = httpIntegration(ctx);
  const body = parseBody(updateBody, ctx.body, MSG);
  const errors: FieldErrors = {};
  const http = body.http ? httpSettings(integration.http, body.http, errors) : integration.http;
  let deactivated = integration.deactivated_datetime;
  if (body.deactivated_datetime === null) deactivated = null;
  else if (body.deactivated_datetime !== undefined) {
    const at = parseIsoInput(body.deactivated_datetime);
    if (at === null) (errors.deactivated_datetime ??= []).push("Not a valid datetime.");
    deactivated = integration.deactivated_datetime ?? at;
  }
  if (Object.keys(errors).length > 0) throw new ApiError(400, MSG, errors);
  const changed = Object.keys(body).filter((k) => k !== "id" && k !== "type" && k !== "deactivated_datetime");
  if (body.name !== undefined) integration.name = body.name;
  if (body.description !== undefined) integration.description = body.description;
  integration.http = http;
  integration.updated_datetime = nowIso();
  if (changed.length > 0) integrationChanged(ctx.store, "integration-updated", integration.id, { fields: changed });
  if (deactivated === null && integration.deactivated_datetime !== null) {
    integration.consecutive_failures = 0;
    integrationChanged(ctx.store, "integration-reactivated", integration.id);
  } else if (deactivated !== null && integration.deactivated_datetime === null) {
    ctx.state.webhooks.abandon(ctx.store, integration.id);
    integrationChanged(ctx.store, "integration-deactivated", integration.id, { reason: "api" });
  }
  integration.deactivated_datetime = deactivated;
  ctx.store.touch("integrations", integration.id);
  return { status: 200, body: integrationWire(integration) };
}

function deleteIntegration(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  requireAdmin(ctx);
  const integration = httpIntegration(ctx);
  ctx.store.data.integrations.delete(integration.id);
  ctx.store.touch("integrations", integration.id);
  ctx.state.webhooks.abandon(ctx.store, integration.id);
  integrationChanged(ctx.store, "integration-deleted", integration.id);
  return { status: 204 };
}

export function integrationRoutes(router: Router): void {
  router
    .add("GET", "/api/integrations", listIntegrations)
    .add("POST", "/api/integrations", createIntegration)
    .add("GET", "/api/integrations/:id", (ctx) => (parseQuery(ctx.query, {}), { status: 200, body: integrationWire(getOr404(ctx.store.data.integrations, ctx.params[0])) }))
    .add("PUT", "/api/integrations/:id", updateIntegration)
    .add("DELETE", "/api/integrations/:id", deleteIntegration);
}
