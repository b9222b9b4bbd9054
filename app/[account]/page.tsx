import type { Metadata } from "next";
import { TicketListSimple } from "@/components/tickets/ticket-list-simple";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { requirePageAgent } from "@/lib/auth/session";
import { isReadOnlyRole } from "@/lib/domain/user";
import { fromUpstream } from "@/lib/errors";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ account: string }> }) {
  const { account } = await params;
  const agent = await requirePageAgent(account, `/${account}`);
  const gorgias = await gorgiasFor(agent);
  const page = gorgias ? await gorgias.tickets.list({ limit: 30, orderBy: "updated_datetime:desc" }, { priority: "read" }) : null;

  return (
    <main className="mx-auto max-w-5xl">
      <h1 className="px-4 pt-4 pb-2 text-lg font-semibold">Latest tickets</h1>
      {page?.ok ? (
        <TicketListSimple tickets={page.value.items} canWrite={!isReadOnlyRole(agent.role)} />
      ) : (
        <p role="alert" className="m-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {page ? fromUpstream(page.error).message : "Your stored Gorgias key is no longer usable. Sign in again."}
        </p>
      )}
    </main>
  );
}
