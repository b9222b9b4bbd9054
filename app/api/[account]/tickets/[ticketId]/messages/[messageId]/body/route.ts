import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { loadMessageBody } from "@/features/ticket/server";

/** One message's body, re-prepared on the server, e.g. with its remote images allowed. */
export const GET = agentRoute(apiContract.messageBody, async ({ params, query }, { gorgias }) =>
  loadMessageBody(gorgias, params.ticketId, params.messageId, { theme: query.theme, allowRemoteImages: query.images === "1" }),
);
