import "server-only";
import { liveDesk, readMessages, readThread } from "@/features/live/server";
import type { ReplyFrom } from "@/lib/domain/contract/responses";
import { sharesReads } from "@/lib/domain/sharing";
import { fromUpstream, type AppError } from "@/lib/errors";
import type { AgentContext } from "@/lib/server/agent-action";
import { err, ok, type Result } from "@/lib/result";
import { emailSendersFor } from "./derive";
import { signatureFor } from "./sign";

/**
 * What the composer shows before sending: the address `sendReply` would use, by the same rule, and
 * the signature it would append.
 * It reads the thread the ticket page just loaded (the shared cache, when the role may share) and
 * the cached integrations, so showing it costs no upstream call; the send derives it again from a
 * fresh read.
 */
export async function replyFromOf({ agent, gorgias }: AgentContext, ticketId: number): Promise<Result<ReplyFrom, AppError>> {
  const thread = sharesReads(agent.role)
    ? await liveDesk(agent.accountDomain).cache.thread(ticketId, {
        thread: (listed) => readThread(gorgias, ticketId, "read", listed),
        messages: () => readMessages(gorgias, ticketId, "read"),
      })
    : await readThread(gorgias, ticketId, "read");
  if (!thread.ok) return thread;
  const integrations = await gorgias.reference.integrations({ priority: "read" });
  if (!integrations.ok) return err(fromUpstream(integrations.error));
  const from = emailSendersFor({ replyOptions: thread.value.ticket.replyOptions, messages: thread.value.messages }, integrations.value)[0];
  const signature = from ? signatureFor(integrations.value, from.integrationId, agent) : null;
  return ok({ from: from ? { address: from.address, name: from.name } : null, signature: signature ? { text: signature.text } : null });
}
