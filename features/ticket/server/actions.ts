"use server";

import { ReadStateInput, UpdateTicketInput } from "@/lib/domain/contract/inputs";
import { appStore } from "@/lib/auth/app-store";
import { agentAction } from "@/lib/server/agent-action";
import { setReadState } from "./read-state";
import { updateTicketFields } from "./update-ticket";

/** Status, priority, assignee, team, snooze: absolute values, so a retry is harmless (docs/safety.md#absolute-updates). */
export const updateTicket = agentAction(UpdateTicketInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return updateTicketFields({ db, gorgias, agent }, input);
});

/** Read (on open) or unread (by hand): `is_unread` in Gorgias. */
export const setTicketReadState = agentAction(ReadStateInput, async (input, { agent, gorgias }) => setReadState({ gorgias, agent }, input));
