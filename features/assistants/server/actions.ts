"use server";

import { appStore } from "@/lib/auth/app-store";
import { CreateAssistantTokenInput, RevokeAssistantTokenInput } from "@/lib/domain/contract/inputs";
import { agentAction } from "@/lib/server/agent-action";
import { makeAssistantToken, revokeOwnToken } from "./tokens";

/** A personal access token for an assistant; the answer is the only time the token is shown. */
export const createAssistantToken = agentAction(CreateAssistantTokenInput, async (input, { agent }) => {
  const { db } = await appStore();
  return makeAssistantToken(db, agent, input);
});

/** Revokes one of the agent's own tokens: its next call gets 401. */
export const revokeAssistantToken = agentAction(RevokeAssistantTokenInput, async (input, { agent }) => {
  const { db } = await appStore();
  return revokeOwnToken(db, agent, input);
});
