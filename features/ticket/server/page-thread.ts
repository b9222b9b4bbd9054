import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import { GorgiasIdParam } from "@/lib/domain/contract/ids";
import { ticketSegmentOf } from "@/lib/domain/not-found";
import { parseTheme, THEME_COOKIE } from "@/lib/domain/theme";
import type { EmailTheme } from "@/lib/domain/ticket-thread";
import { threadRecords } from "./assistant-records";
import { loadTicketThread } from "./ticket-thread";

/** "system" cannot be known on the server; the browser re-reads in dark if it needs to. */
export async function serverEmailTheme(): Promise<EmailTheme> {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value) === "dark" ? "dark" : "light";
}

/**
 * The thread a ticket page shows, read once per request (the account layout and the page both
 * ask). Null when the agent has no usable key; the page then loads it in the browser.
 */
export const pageTicketThread = cache(async (agent: SignedInAgent, ticketId: number) => {
  const gorgias = await gorgiasFor(agent);
  if (!gorgias) return null;
  return loadTicketThread({ agent, gorgias }, ticketId, { theme: await serverEmailTheme(), records: threadRecords(agent.accountDomain) });
});

/**
 * True when the path is a ticket page whose ticket does not exist (or cannot be a ticket id), so
 * the account layout answers 404 at once: it runs above every loading boundary, where a page under
 * one would stream its skeleton, and with it a 200, before it knows. Only a document request for a
 * ticket page renders that layout; moving between pages keeps it. (The layout calls `notFound`:
 * this module also serves `npm run mcp`, which runs outside Next's router.)
 */
export async function isMissingTicketPath(agent: SignedInAgent, path: string | null): Promise<boolean> {
  const segment = ticketSegmentOf(path, agent.accountDomain);
  if (segment === null) return false;
  const ticketId = GorgiasIdParam.safeParse(segment);
  if (!ticketId.success) return true;
  const thread = await pageTicketThread(agent, ticketId.data);
  return thread !== null && !thread.ok && thread.error.code === "not_found";
}
