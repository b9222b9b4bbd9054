import { z } from "zod";
import { appStore } from "@/lib/auth/app-store";
import { appError } from "@/lib/errors";
import { agentRoute } from "@/lib/server/agent-route";
import { err, ok } from "@/lib/result";
import { ticketDrafts } from "@/features/composer/server";

const TicketIdParam = z.coerce.number().int().positive().max(2_147_483_647);

/** The signed-in agent's own drafts for one ticket: `{ reply, note }`. */
export const GET = agentRoute(z.object({}).strict(), async (_query, { agent, params }: { agent: { agentId: string }; params: { account: string; ticketId: string } }) => {
  const ticketId = TicketIdParam.safeParse(params.ticketId);
  if (!ticketId.success) return err(appError("not_found", "No such ticket."));
  const { db } = await appStore();
  return ok(await ticketDrafts({ db, agentId: agent.agentId }, ticketId.data));
});
