import { getDb } from "@/lib/db";
import { sessionWatch } from "@/lib/auth/session-watch";
import { appError } from "@/lib/errors";
import { agentContext } from "@/lib/server/agent-action";
import { errorResponse } from "@/lib/server/error-response";
import { requestIdFrom } from "@/lib/server/request-id";
import { attachAll, feedWatch, liveBus, liveDesk, liveStream, presenceHub } from "@/features/live/server";

/** `Last-Event-ID` as EventSource sends it on reconnect; anything else starts fresh. */
function lastEventId(request: Request): number | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/**
 * The agent's live stream: signals of their own account only, for as long as the tab keeps it
 * open, who else of the account is on which ticket, and whether the change feed is reading Gorgias. While any is open here, this instance helps
 * read the account's change feed.
 */
export async function GET(request: Request, context: RouteContext<"/api/[account]/stream">): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const ctx = await agentContext();
  if (!ctx.ok) return errorResponse({ ...ctx.error, requestId });
  const { account } = await context.params;
  if (account !== ctx.value.agent.accountDomain) return errorResponse(appError("not_found", "No such account.", { requestId }));
  const { db } = await getDb();
  const stillSignedIn = (await sessionWatch(request)) ?? undefined;
  const desk = liveDesk(account);
  const detach = desk.attach();
  request.signal.addEventListener("abort", detach, { once: true });
  try {
    const presence = presenceHub().forStream(account, ctx.value.agent.gorgiasUserId);
    const attach = attachAll(presence, feedWatch(() => desk.feedLive()));
    return await liveStream({ account, lastEventId: lastEventId(request), signal: request.signal, db, bus: liveBus(), stillSignedIn, attach });
  } catch (error) {
    detach();
    throw error;
  }
}
