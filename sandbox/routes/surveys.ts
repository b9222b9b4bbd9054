import { z } from "zod";
import { parseBody } from "../http/body.js";
import { ApiError, type FieldErrors } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { surveyWire } from "../serialize.js";
import type { SurveyRec } from "../store/types.js";
import { nowIso, parseIsoInput } from "../util/time.js";
import { getOr404, listReply, pageSmall } from "./shared.js";

// Satisfaction surveys (CSAT): one per ticket at most (choice 26), listed in the usual envelope.

const iso = z.string().nullable().optional();
const createSurvey = z.strictObject({
  ticket_id: z.int().positive(),
  customer_id: z.int().positive().optional(),
  score: z.int().min(1).max(5).nullable().optional(),
  body_text: z.string().max(10_000).nullable().optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  created_datetime: iso,
  should_send_datetime: iso,
  sent_datetime: iso,
  scored_datetime: iso,
});
const updateSurvey = createSurvey.omit({ ticket_id: true, customer_id: true }).partial();

const DATES = ["created_datetime", "should_send_datetime", "sent_datetime", "scored_datetime"] as const;

function dates(body: Partial<Record<(typeof DATES)[number], string | null | undefined>>, errors: FieldErrors) {
  const out: Partial<Record<(typeof DATES)[number], string | null>> = {};
  for (const f of DATES) {
    const raw = body[f];
    if (raw === undefined) continue;
    if (raw === null) out[f] = null;
    else {
      const parsed = parseIsoInput(raw);
      if (parsed === null) (errors[f] ??= []).push("Not a valid datetime.");
      else out[f] = parsed;
    }
  }
  return out;
}

function listSurveys(ctx: RequestContext) {
  const q = parseQuery(ctx.query, { ...PAGE, order_by: orderValues(["created_datetime", "scored_datetime"]), ticket_id: "int", customer_id: "int" });
  const { field, dir } = splitOrder(q.str("order_by") ?? "created_datetime:desc");
  const ticketId = q.int("ticket_id");
  const customerId = q.int("customer_id");
  const surveys = [...ctx.store.data.surveys.values()].filter(
    (s) => (ticketId === undefined || s.ticket_id === ticketId) && (customerId === undefined || s.customer_id === customerId),
  );
  const { items, page } = pageSmall(surveys, (s) => (field === "scored_datetime" ? (s.scored_datetime ?? "") : s.created_datetime), dir, q);
  return listReply(ctx, items.map(surveyWire), page);
}

function postSurvey(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const MSG = "Failed to create satisfaction survey";
  const body = parseBody(createSurvey, ctx.body, MSG);
  const { store } = ctx;
  const errors: FieldErrors = {};
  const ticket = store.data.tickets.get(body.ticket_id);
  if (!ticket) (errors.ticket_id ??= []).push(`Ticket ${body.ticket_id} does not exist.`);
  if (body.customer_id !== undefined && !store.data.customers.has(body.customer_id)) (errors.customer_id ??= []).push(`Customer ${body.customer_id} does not exist.`);
  const at = dates(body, errors);
  if (Object.keys(errors).length > 0 || !ticket) throw new ApiError(400, MSG, errors);
  if ([...store.data.surveys.values()].some((s) => s.ticket_id === ticket.id)) throw new ApiError(409, "The resource already exists.");
  const survey: SurveyRec = {
    id: store.allocate("surveys"),
    ticket_id: ticket.id,
    customer_id: body.customer_id ?? ticket.customer_id,
    score: body.score ?? null,
    body_text: body.body_text ?? null,
    meta: body.meta ?? null,
    created_datetime: at.created_datetime ?? nowIso(),
    should_send_datetime: at.should_send_datetime ?? null,
    sent_datetime: at.sent_datetime ?? null,
    scored_datetime: at.scored_datetime ?? (body.score != null ? nowIso() : null),
  };
  store.put("surveys", survey);
  return { status: 201, body: surveyWire(survey) };
}

function putSurvey(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  const MSG = "Failed to update satisfaction survey";
  const survey = getOr404(ctx.store.data.surveys, ctx.params[0]);
  const body = parseBody(updateSurvey, ctx.body, MSG);
  const errors: FieldErrors = {};
  const at = dates(body, errors);
  if (Object.keys(errors).length > 0) throw new ApiError(400, MSG, errors);
  if (body.score !== undefined) {
    survey.score = body.score;
    survey.scored_datetime = at.scored_datetime ?? (body.score === null ? null : nowIso());
  } else if (at.scored_datetime !== undefined) survey.scored_datetime = at.scored_datetime;
  if (body.body_text !== undefined) survey.body_text = body.body_text;
  if (body.meta !== undefined) survey.meta = body.meta;
  for (const f of ["created_datetime", "should_send_datetime", "sent_datetime"] as const) {
    const value = at[f];
    if (value === undefined) continue;
    if (f === "created_datetime") survey.created_datetime = value ?? survey.created_datetime;
    else survey[f] = value;
  }
  ctx.store.touch("surveys", survey.id);
  return { status: 200, body: surveyWire(survey) };
}

export function surveyRoutes(router: Router): void {
  router
    .add("GET", "/api/satisfaction-surveys", listSurveys)
    .add("POST", "/api/satisfaction-surveys", postSurvey)
    .add("GET", "/api/satisfaction-surveys/:id", (ctx) => (parseQuery(ctx.query, {}), { status: 200, body: surveyWire(getOr404(ctx.store.data.surveys, ctx.params[0])) }))
    .add("PUT", "/api/satisfaction-surveys/:id", putSurvey);
}
