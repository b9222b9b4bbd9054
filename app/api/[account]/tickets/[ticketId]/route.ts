import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { loadTicketThread, threadRecords } from "@/features/ticket/server";

/** The ticket and its thread, every message body sanitized here: the browser never gets raw customer HTML. */
export const GET = agentRoute(apiContract.ticket, async ({ params, query }, ctx) =>
  loadTicketThread(ctx, params.ticketId, { theme: query.theme, priority: query.background ? "refresh" : "read", records: threadRecords(ctx.agent.accountDomain) }),
);
