import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { pageTicketThread, serverEmailTheme } from "@/features/ticket/server";
import { Composer } from "@/features/composer";
import { composerPropsFor } from "@/features/composer";
import { ServerClock, TicketView } from "@/features/ticket";
import { requirePageAgent } from "@/lib/auth/session";
import { CLOCK_COOKIE, parseClock } from "@/lib/domain/clock";
import { GorgiasIdParam } from "@/lib/domain/contract/ids";
import { isReadOnlyRole } from "@/lib/domain/user";

export async function generateMetadata({ params }: PageProps<"/[account]/tickets/[ticketId]">): Promise<Metadata> {
  const { ticketId } = await params;
  return { title: `Ticket #${ticketId.slice(0, 12)}` };
}

export default async function TicketPage({ params }: PageProps<"/[account]/tickets/[ticketId]">) {
  const { account, ticketId: rawId } = await params;
  const agent = await requirePageAgent(account);
  const ticketId = GorgiasIdParam.safeParse(rawId);
  if (!ticketId.success) notFound();

  const serverTheme = await serverEmailTheme();
  // Read once per request: the account layout already read it to answer a missing ticket with a 404.
  const thread = await pageTicketThread(agent, ticketId.data);
  if (thread && !thread.ok && thread.error.code === "not_found") notFound();

  return (
    <ServerClock clock={parseClock((await cookies()).get(CLOCK_COOKIE)?.value)}>
      <TicketView
        account={account}
        ticketId={ticketId.data}
        initialThread={thread?.ok ? thread.value : null}
        me={{ id: agent.gorgiasUserId, name: agent.name, email: agent.email }}
        readOnlyReason={isReadOnlyRole(agent.role) ? `Your Gorgias role (${agent.role}) can read tickets but not change them.` : null}
        serverTheme={serverTheme}
        composer={
          thread?.ok ? (
            <Composer {...composerPropsFor({ account, thread: thread.value, agent: { id: agent.agentId, userId: agent.gorgiasUserId, name: agent.name, email: agent.email }, canWrite: !isReadOnlyRole(agent.role) })} />
          ) : undefined
        }
      />
    </ServerClock>
  );
}
