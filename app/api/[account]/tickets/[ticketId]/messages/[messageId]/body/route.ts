import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { loadMessageBody } from "@/features/ticket/server";

/** One message's body, re-prepared on the server: with its remote images allowed, or all of a long one. */
export const GET = agentRoute(apiContract.messageBody, async ({ params, query }, { gorgias }) =>
  loadMessageBody(gorgias, params.ticketId, params.messageId, { theme: query.theme, allowRemoteImages: query.images === "1", whole: query.all === "1" }),
);
