import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { loadTicketThread, threadRecords } from "@/features/ticket/server";
import { Composer } from "@/features/composer";
import { composerPropsFor } from "@/features/composer";
import { TicketView } from "@/features/ticket";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { requirePageAgent } from "@/lib/auth/session";
import { GorgiasIdParam } from "@/lib/domain/contract/ids";
import { parseTheme, THEME_COOKIE } from "@/lib/domain/theme";
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

  // "system" cannot be known on the server; the browser re-reads in dark if it needs to.
  const serverTheme = parseTheme((await cookies()).get(THEME_COOKIE)?.value) === "dark" ? "dark" : "light";
  const gorgias = await gorgiasFor(agent);
  const thread = gorgias ? await loadTicketThread({ agent, gorgias }, ticketId.data, { theme: serverTheme, records: threadRecords(agent.accountDomain) }) : null;
  if (thread && !thread.ok && thread.error.code === "not_found") notFound();

  return (
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
  );
}
