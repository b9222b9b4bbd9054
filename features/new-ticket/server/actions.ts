"use server";

import { appStore } from "@/lib/auth/app-store";
import { CreateTicketRequest } from "@/lib/domain/contract/inputs";
import { createTicket as createTicketOnce } from "@/features/new-ticket/server/create-ticket";
import { agentAction } from "@/lib/server/agent-action";

/** A new ticket, exactly once per operation id (the ticket's external_id). */
export const createTicket = agentAction(CreateTicketRequest, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return createTicketOnce({ db, gorgias, agent }, input);
});
