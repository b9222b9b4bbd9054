import "server-only";
import { writeShare } from "@/features/live/server";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { appStore } from "@/lib/auth/app-store";
import { getAgent } from "@/lib/db";
import { logger } from "@/lib/server/logger";
import { createSendDispatcher, type SendDispatcher } from "./dispatcher";

// On globalThis: instrumentation and the app's routes are bundled apart, and must share one.
const KEY = Symbol.for("gorgias-desk.send-dispatcher");
type Holder = { [KEY]?: SendDispatcher };

/** The waiting sends' dispatcher of this server process (docs/safety.md#undo-send); started once, at start-up. */
export function startSendDispatcher(): SendDispatcher {
  const holder = globalThis as Holder;
  holder[KEY] ??= createSendDispatcher({
    db: async () => (await appStore()).db,
    contextFor: async (agentId) => {
      const agent = await getAgent((await appStore()).db, agentId);
      const gorgias = agent ? await gorgiasFor({ agentId }) : null;
      if (!agent || !gorgias) return null;
      const { id, ...profile } = agent;
      return { gorgias, agent: { agentId: id, ...profile }, share: writeShare(agent.accountDomain) };
    },
    onError: (error, operationId) => logger.error({ err: error, operationId }, "waiting send could not be dispatched"),
  });
  void holder[KEY].sweep().catch((error) => logger.error({ err: error }, "waiting sends sweep failed"));
  return holder[KEY];
}

/** Tells this process's dispatcher about a send it just scheduled (its sweep would find it anyway). */
export function wakeSendDispatcher(operationId: string, at: Date): void {
  (globalThis as Holder)[KEY]?.wake(operationId, at);
}
