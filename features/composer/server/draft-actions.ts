"use server";

import { appStore } from "@/lib/auth/app-store";
import { DiscardDraftInput, SaveDraftInput } from "@/lib/domain/contract/inputs";
import { discardAgentDraft, saveAgentDraft } from "@/features/composer/server/drafts";
import { agentAction } from "@/lib/server/agent-action";

/** Upserts the agent's draft for a ticket and mode (last write wins). */
export const saveDraft = agentAction(SaveDraftInput, async (input, { agent }) => {
  const { db } = await appStore();
  return saveAgentDraft({ db, agentId: agent.agentId }, input);
});

/** The agent threw the draft away. (A sent draft is deleted by the send itself.) */
export const discardDraft = agentAction(DiscardDraftInput, async (input, { agent }) => {
  const { db } = await appStore();
  return discardAgentDraft({ db, agentId: agent.agentId }, input);
});
