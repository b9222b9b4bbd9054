import type { AgentContext } from "@/lib/server/agent-action";
import { appError } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err } from "@/lib/result";
import { loadTicketThread, ThreadQuery, TicketIdParam } from "@/features/ticket/server";

type Params = { account: string; ticketId: string };

/** The ticket and its thread, every message body sanitized here: the browser never gets raw customer HTML. */
export const GET = agentRoute(ThreadQuery, async (query, { gorgias, params }: AgentContext & { params: Params }) => {
  const ticketId = TicketIdParam.safeParse(params.ticketId);
  if (!ticketId.success) return err(appError("not_found", "This ticket does not exist or was deleted."));
  return loadTicketThread(gorgias, ticketId.data, { theme: query.theme, priority: query.background ? "refresh" : "read" });
});
