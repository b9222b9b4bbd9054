import { badRequest, type FieldErrors } from "../http/errors.js";
import { PAGE, orderValues, parseQuery, splitOrder } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { eventWire } from "../serialize.js";
import type { EventRec } from "../store/types.js";
import { parseIsoInput } from "../util/time.js";
import { getOr404, listReply, pageIndex } from "./shared.js";

const BOUNDS = { gt: (a: string, b: string) => a > b, gte: (a: string, b: string) => a >= b, lt: (a: string, b: string) => a < b, lte: (a: string, b: string) => a <= b };
type Bound = keyof typeof BOUNDS;
const BOUND_NAMES = Object.keys(BOUNDS) as Bound[];

/** GET /api/events: the whole account's log, newest first unless asked otherwise. */
function listEvents(ctx: RequestContext) {
  const q = parseQuery(ctx.query, {
    ...PAGE,
    order_by: orderValues(["created_datetime"]),
    types: "string[]",
    object_type: "string",
    object_id: "int",
    user_ids: "int[]",
    ...Object.fromEntries(BOUND_NAMES.map((b) => [`created_datetime[${b}]`, "string"])),
  });
  const { store } = ctx;
  const tests: ((e: EventRec) => boolean)[] = [];
  const types = q.strs("types");
  if (types) tests.push((e) => types.includes(e.type));
  const objectType = q.str("object_type");
  if (objectType !== undefined) tests.push((e) => e.object_type === objectType);
  const objectId = q.int("object_id");
  if (objectId !== undefined) tests.push((e) => e.object_id === objectId);
  const userIds = q.ints("user_ids");
  if (userIds) tests.push((e) => e.user_id !== null && userIds.includes(e.user_id));
  const errors: FieldErrors = {};
  for (const bound of BOUND_NAMES) {
    const name = `created_datetime[${bound}]`;
    const raw = q.str(name);
    if (raw === undefined) continue;
    const at = parseIsoInput(raw);
    if (at === null) (errors[name] ??= []).push("Not a valid datetime.");
    else tests.push((e) => BOUNDS[bound](e.created_datetime, at));
  }
  if (Object.keys(errors).length > 0) throw badRequest("Invalid request parameters.", errors);
  const match =
    tests.length === 0
      ? null
      : (id: number) => {
          const e = store.data.events.get(id);
          return e !== undefined && tests.every((test) => test(e));
        };
  const { dir } = splitOrder(q.str("order_by") ?? "created_datetime:desc");
  const page = pageIndex(store.eventsByCreated, dir, match, q);
  return listReply(ctx, page.ids.flatMap((id) => { const e = store.data.events.get(id); return e ? [eventWire(e)] : []; }), page);
}

export function eventRoutes(router: Router): void {
  router
    .add("GET", "/api/events", listEvents)
    .add("GET", "/api/events/:id", (ctx) => (parseQuery(ctx.query, {}), { status: 200, body: eventWire(getOr404(ctx.store.data.events, ctx.params[0])) }));
}
