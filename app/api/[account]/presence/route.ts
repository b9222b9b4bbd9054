import { passiveAgent } from "@/lib/auth/session-watch";
import { MAX_PRESENCE_NAME_CHARS, PresenceBeacon } from "@/lib/domain/contract/presence";
import { appError, UNAUTHENTICATED, type AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/server/invalid-input";
import { errorResponse } from "@/lib/server/error-response";
import { logger } from "@/lib/server/logger";
import { requestIdFrom } from "@/lib/server/request-id";
import { presenceHub } from "@/features/live/server";

const MAX_BODY_CHARS = 1_000;

/**
 * A tab's presence heartbeat or goodbye (`sendBeacon`, so the body may arrive as text/plain).
 * Costs no Gorgias call: the agent is the session's, checked without counting as their activity,
 * and the notice goes to every instance through the database (docs/architecture.md, live desk).
 */
export async function POST(request: Request, context: RouteContext<"/api/[account]/presence">): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const fail = (error: AppError) => errorResponse({ ...error, requestId });
  try {
    // The session cookie would ride along with another site's form post: only our own pages report.
    const site = request.headers.get("sec-fetch-site");
    if (site !== null && site !== "same-origin") return fail(appError("forbidden", "Presence is reported by the Desk's own pages only."));
    const agent = await passiveAgent(request);
    if (!agent) return fail(UNAUTHENTICATED);
    const { account } = await context.params;
    if (account !== agent.accountDomain) return fail(appError("not_found", "No such account."));
    const text = await request.text();
    if (text.length > MAX_BODY_CHARS) return fail(appError("invalid_input", "The presence report is too large."));
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return fail(appError("invalid_input", "The presence report is not JSON."));
    }
    const beacon = PresenceBeacon.safeParse(raw);
    if (!beacon.success) return fail(invalidInput(beacon.error));
    const name = (agent.name.trim() || agent.email).slice(0, MAX_PRESENCE_NAME_CHARS);
    await presenceHub().publish({ ...beacon.data, account, userId: agent.gorgiasUserId, name });
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store", "X-Request-Id": requestId } });
  } catch (error) {
    logger.error({ err: error, requestId, route: "presence" }, "presence report failed");
    return fail(appError("internal", "Something went wrong on our side."));
  }
}
