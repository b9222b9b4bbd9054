import type { Metadata } from "next";
import Link from "next/link";
import { NewTicket } from "@/features/new-ticket";
import { requirePageAgent } from "@/lib/auth/session";
import { isReadOnlyRole } from "@/lib/domain/user";

export const metadata: Metadata = { title: "New ticket" };

export default async function NewTicketPage({ params }: PageProps<"/[account]/tickets/new">) {
  const { account } = await params;
  const agent = await requirePageAgent(account);
  return (
    <main className="relative mx-auto flex h-full max-w-3xl flex-col gap-4 overflow-y-auto p-4">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-lg font-semibold">New ticket</h1>
        <Link href={`/${account}`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          Back to inbox
        </Link>
      </div>
      {isReadOnlyRole(agent.role) ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Your Gorgias role can read tickets but not create them.</p>
      ) : (
        <NewTicket account={account} agentId={agent.agentId} />
      )}
    </main>
  );
}
