"use server";

import { writeShare } from "@/features/live/server";
import { appStore } from "@/lib/auth/app-store";
import { ApplyMacroInput, DiscardDraftInput, SaveDraftInput, SendNoteInput, SendReplyInput, UndoSendInput } from "@/lib/domain/contract/inputs";
import { agentAction } from "@/lib/server/agent-action";
import { discardAgentDraft, saveAgentDraft } from "./drafts";
import { applyMacro as applyMacroActions } from "./send/apply-macro";
import { wakeSendDispatcher } from "./send/process-dispatcher";
import { sendWithUndo, undoSend as undoSendOf } from "./send/scheduled";

/**
 * Reply by e-mail, or Send & Close. Exactly once per operation id: a repeat returns the first
 * outcome (`alreadySent`), other text under the same id is refused. See ./send/exactly-once.ts.
 * With `undoSeconds` it waits on the server that long, undoable, and answers when it will go
 * (./send/scheduled.ts).
 */
export const sendReply = agentAction(SendReplyInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return sendWithUndo({ db, gorgias, agent, share: writeShare(agent.accountDomain) }, { mode: "reply", input }, wakeSendDispatcher);
});

/** An internal note: never public, never e-mailed. */
export const sendNote = agentAction(SendNoteInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return sendWithUndo({ db, gorgias, agent, share: writeShare(agent.accountDomain) }, { mode: "note", input }, wakeSendDispatcher);
});

/** Takes back a send still waiting; one already claimed for sending is reported as sent. */
export const undoSend = agentAction(UndoSendInput, async (input, { agent }) => {
  const { db } = await appStore();
  return undoSendOf({ db, agent }, input.operationId);
});

/**
 * A macro's actions on their own: a macro without reply text, or a retry of the actions after the
 * message went out (never the message again). See ./send/macro.ts.
 */
export const applyMacro = agentAction(ApplyMacroInput, async (input, { agent, gorgias }) => {
  const { db } = await appStore();
  return applyMacroActions({ db, gorgias, agent, share: writeShare(agent.accountDomain) }, input);
});

/** Saves the agent's draft for a ticket and mode over the revision their tab saw (docs/safety.md#drafts). */
export const saveDraft = agentAction(SaveDraftInput, async (input, { agent }) => {
  const { db } = await appStore();
  return saveAgentDraft({ db, agentId: agent.agentId }, input);
});

/** The agent threw the draft away. (A sent draft is deleted by the send itself.) */
export const discardDraft = agentAction(DiscardDraftInput, async (input, { agent }) => {
  const { db } = await appStore();
  return discardAgentDraft({ db, agentId: agent.agentId }, input);
});
