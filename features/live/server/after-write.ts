import "server-only";
import type { Message } from "@/lib/domain/message";
import type { Ticket } from "@/lib/domain/ticket";
import { logger } from "@/lib/server/logger";
import { liveDesk } from "./desk";
import type { SharedCache } from "./shared-cache";

async function toCache(account: string, what: string, apply: (cache: SharedCache) => Promise<unknown>): Promise<void> {
  try {
    await apply(liveDesk(account).cache);
  } catch (error) {
    // The write itself succeeded; the feed brings the change to the cache a moment later.
    logger.warn({ err: error, account, what }, "shared cache not updated after a write");
  }
}

/**
 * What a write or a send's fresh read got back from Gorgias goes into the shared cache at once, so
 * the writer's own re-read and everyone's signal show it without another call. Never fails the write.
 */
export const shareTicket = (account: string, ticket: Ticket) => toCache(account, "ticket", (cache) => cache.applyTicket(ticket));
export const shareMessage = (account: string, message: Message) => toCache(account, "message", (cache) => cache.noteMessage(message));

/** The thread the shared cache holds for a ticket, or null (also when the store cannot be read). */
export async function knownMessages(account: string, ticketId: number): Promise<readonly Message[] | null> {
  try {
    return await liveDesk(account).cache.knownMessages(ticketId);
  } catch (error) {
    logger.warn({ err: error, account }, "shared cache not readable");
    return null;
  }
}

/** The shared cache as a write path needs it (the send pipeline's `share`): answers in, known threads out. */
export const writeShare = (account: string) => ({
  ticket: (t: Ticket) => shareTicket(account, t),
  message: (m: Message) => shareMessage(account, m),
  knownMessages: (ticketId: number) => knownMessages(account, ticketId),
});
