import type { AgentContext } from "@/lib/server/agent-action";
import { z } from "zod";
import { appError } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err } from "@/lib/result";
import { loadMessageBody, TicketIdParam } from "@/features/ticket/server";

const BodyQuery = z
  .object({
    theme: z.enum(["light", "dark"]).default("light"),
    /** The agent asked for this message's remote images (tracking pixels stay removed). */
    images: z.enum(["1"]).optional(),
  })
  .strict();

type Params = { account: string; ticketId: string; messageId: string };

/** One message's body, re-prepared on the server, e.g. with its remote images allowed. */
export const GET = agentRoute(BodyQuery, async (query, { gorgias, params }: AgentContext & { params: Params }) => {
  const ticketId = TicketIdParam.safeParse(params.ticketId);
  const messageId = TicketIdParam.safeParse(params.messageId);
  if (!ticketId.success || !messageId.success) return err(appError("not_found", "No such message."));
  return loadMessageBody(gorgias, ticketId.data, messageId.data, { theme: query.theme, allowRemoteImages: query.images === "1" });
});
