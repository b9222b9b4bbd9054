import type { Metadata } from "next";
import { InboxScreen } from "@/features/inbox";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { requirePageAgent } from "@/lib/auth/session";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import { inboxQueryOrDefaults, type InboxQuery } from "@/lib/domain/inbox-query";
import { isReadOnlyRole } from "@/lib/domain/user";
import { loadInboxPage, loadViews } from "@/features/inbox/server";

export const metadata: Metadata = { title: "Inbox" };

// A failed prefetch is not an error page: the client list shows its loading, busy or error state
// itself and retries through the route.
async function prefetch(agent: SignedInAgent, query: InboxQuery) {
  const gorgias = await gorgiasFor(agent);
  const [page, views] = gorgias ? await Promise.all([loadInboxPage({ agent, gorgias }, query, { priority: "read" }), loadViews(gorgias, "read")]) : [null, null];
  return { page, views, at: Date.now() };
}

/** Prefetches the first page and the views with the agent's own client, so first paint has tickets. */
export default async function InboxPage({ params, searchParams }: PageProps<"/[account]">) {
  const { account } = await params;
  const { query } = inboxQueryOrDefaults(await searchParams);
  const agent = await requirePageAgent(account);
  const { page, views, at } = await prefetch(agent, query);

  return (
    <InboxScreen
      account={account}
      canWrite={!isReadOnlyRole(agent.role)}
      initial={{ query, page: page?.ok ? { items: page.value.items, nextCursor: page.value.nextCursor } : null, at }}
      initialViews={views?.ok ? views.value : null}
    />
  );
}
