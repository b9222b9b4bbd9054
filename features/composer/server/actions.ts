"use server";

import { appStore } from "@/lib/auth/app-store";
import { SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import { sendNote as sendNoteOnce, sendReply as sendReplyOnce } from "@/features/composer/server/send/messages";
import { agentAction } from "@/lib/server/agent-action";

/**
 * Reply by e-mail, or Send & Close. Exactly once per operation id: a repeat returns the first
 * outcome (`alreadySent`), other text under the same id is refused. See lib/send/exactly-once.ts.
 */
export const sendReply = agentAction(SendReplyInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return sendReplyOnce({ db, gorgias, agent }, input);
});

/** An internal note: never public, never e-mailed. */
export const sendNote = agentAction(SendNoteInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return sendNoteOnce({ db, gorgias, agent }, input);
});
