import type { Metadata } from "next";
import { FeedHealthPanel } from "@/features/live";
import { feedReport } from "@/features/live/server";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { requirePageAgent } from "@/lib/auth/session";
import { canSeeFeedHealth } from "@/lib/domain/user";

export const metadata: Metadata = { title: "Live feed" };

/** The change feed's health, for admins (the top bar links here for them). */
export default async function FeedPage({ params }: PageProps<"/[account]/feed">) {
  const { account } = await params;
  const agent = await requirePageAgent(account);
  if (!canSeeFeedHealth(agent.role)) {
    return (
      <p className="p-6 text-sm" data-testid="feed-admins-only">
        The live feed&apos;s health is shown to admins. Your Gorgias role is {agent.role}.
      </p>
    );
  }
  const gorgias = await gorgiasFor(agent);
  if (!gorgias) return <p className="p-6 text-sm">Your stored Gorgias key is no longer usable. Sign in again.</p>;
  const now = new Date();
  return <FeedHealthPanel health={await feedReport(account, gorgias, now.getTime())} now={now} />;
}
