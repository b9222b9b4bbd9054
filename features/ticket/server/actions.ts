"use server";

import { ReadStateInput, TicketTagsInput, UpdateTicketInput } from "@/lib/domain/contract/inputs";
import { appStore } from "@/lib/auth/app-store";
import { agentAction } from "@/lib/server/agent-action";
import { setReadState } from "./read-state";
import { changeTicketTags, updateTicketFields } from "./update-ticket";

/** Status, priority, assignee, team, snooze, spam, trash: absolute values, so a retry is harmless (docs/safety.md#absolute-updates). */
export const updateTicket = agentAction(UpdateTicketInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return updateTicketFields({ db, gorgias, agent }, input);
});

/** Read (on open) or unread (by hand): `is_unread` in Gorgias. */
export const setTicketReadState = agentAction(ReadStateInput, async (input, { agent, gorgias }) => setReadState({ gorgias, agent }, input));

/** Tags added or removed by name through `POST`/`DELETE …/tags`, never the whole set replaced (docs/safety.md#absolute-updates). */
export const changeTags = agentAction(TicketTagsInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return changeTicketTags({ db, gorgias, agent }, input.ticketId, { add: input.add, remove: input.remove });
});
