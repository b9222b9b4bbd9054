import { apiContract } from "@/lib/domain/contract/routes";
import { agentRoute } from "@/lib/server/agent-route";
import { replyFromOf } from "@/features/composer/server";

/** The address a reply would leave from, shown in the composer before sending (docs/safety.md#reply-from). */
export const GET = agentRoute(apiContract.replyFrom, async ({ params }, ctx) => replyFromOf(ctx, params.ticketId));
