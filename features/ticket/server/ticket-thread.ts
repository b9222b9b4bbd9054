import "server-only";
import { liveDesk, readMessages, readThread, type CachedThread } from "@/features/live/server";
import { sharesReads } from "@/lib/domain/sharing";
import type { EmailTheme, PreparedMessageBody, ThreadMessage, TicketThread } from "@/lib/domain/ticket-thread";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient, Priority } from "@/lib/gorgias";
import { err, mapResult, ok, type Result } from "@/lib/result";
import type { AgentContext } from "@/lib/server/agent-action";
import type { ThreadRecords } from "./assistant-records";
import { bodyService } from "./bodies";

/** Labels what an assistant sent and changed, from the store's records (docs/safety.md#assistant-visible). */
async function labelled(messages: readonly ThreadMessage[], ticketId: number, records: ThreadRecords | undefined) {
  if (!records) return { messages, assistantChanges: [] };
  const sends = await records.sends(messages.flatMap((m) => (m.kind !== "customer" && m.externalId ? [m.externalId] : [])));
  return {
    messages: sends.size === 0 ? messages : messages.map((m) => (m.externalId && sends.has(m.externalId.toLowerCase()) ? { ...m, assistantOf: sends.get(m.externalId.toLowerCase()) ?? null } : m)),
    assistantChanges: await records.changes(ticketId),
  };
}

/**
 * The ticket and its whole thread, oldest first, every body prepared for the browser. The agent's
 * role decides whether the shared cache may serve them (lib/domain/sharing.ts). With `records`,
 * messages and changes an assistant made are labelled.
 */
export async function loadTicketThread(
  { agent, gorgias }: AgentContext,
  ticketId: number,
  options: { theme: EmailTheme; priority?: Priority; records?: ThreadRecords },
): Promise<Result<TicketThread, AppError>> {
  const priority = options.priority ?? "read";
  const read: Result<CachedThread, AppError> = sharesReads(agent.role)
    ? await liveDesk(agent.accountDomain).cache.thread(ticketId, {
        thread: (listed) => readThread(gorgias, ticketId, priority, listed),
        messages: () => readMessages(gorgias, ticketId, priority),
      })
    : mapResult(await readThread(gorgias, ticketId, priority), (raw) => ({ ...raw, version: raw.ticket.updatedAt, fetchedAt: Date.now() }));
  if (!read.ok) return read;
  const { ticket, messages, partial, fetchedAt } = read.value;
  const labels = await labelled(await bodyService().thread(messages, options.theme), ticketId, options.records);
  return ok({ ticket, ...labels, theme: options.theme, partial, fetchedAt });
}

/** One message's body on request: with its remote images, or all of it ("Show all"). */
export async function loadMessageBody(
  gorgias: GorgiasClient,
  ticketId: number,
  messageId: number,
  options: { theme: EmailTheme; allowRemoteImages: boolean; whole: boolean },
): Promise<Result<PreparedMessageBody, AppError>> {
  const message = await gorgias.messages.get(ticketId, messageId, { priority: "read" });
  if (!message.ok) return err(fromUpstream(message.error));
  // The path names the ticket; a message of another ticket is not served through it.
  if (message.value.ticketId !== ticketId) return err(appError("not_found", "No such message on this ticket."));
  const { body } = await bodyService().one(message.value, options);
  return ok({ messageId, body });
}
