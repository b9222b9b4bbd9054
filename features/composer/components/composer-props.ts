import { replyRoutes } from "@/lib/domain/reply-channel";
import type { TicketThread } from "@/lib/domain/ticket-thread";
import type { ComposerProps } from "./composer";

/**
 * The composer's props from the thread the ticket page already loaded, so mounting it is one line
 * there. The recipient and channel shown are the ones the server will use (the ticket customer's
 * address, the channel of their latest message: docs/safety.md#reply-channel), and
 * the newest message on screen is what a reply is checked against (docs/safety.md#stale-thread).
 */
export function composerPropsFor(input: {
  account: string;
  thread: TicketThread;
  agent: { id: string; userId: number; name: string; email?: string | null };
  canWrite: boolean;
}): ComposerProps {
  const { ticket, messages } = input.thread;
  const c = ticket.customer;
  const lastSeen = messages.reduce<number | null>((max, m) => (max === null || m.id > max ? m.id : max), null);
  return {
    account: input.account,
    ticket: {
      id: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      customer: c ? { name: c.name, email: c.email, firstname: c.firstname, lastname: c.lastname } : null,
      replyAddress: c?.email ?? null,
      replyRoutes: replyRoutes({ channel: ticket.channel, messages, customerEmail: c?.email ?? null, replyChannels: ticket.replyChannels ?? [] }),
      assigned: ticket.assigneeUser !== null,
      order: c?.latestOrder ?? null,
    },
    agent: input.agent,
    lastSeenMessageId: lastSeen,
    canWrite: input.canWrite,
  };
}
