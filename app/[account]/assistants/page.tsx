import type { Metadata } from "next";
import { headers } from "next/headers";
import { AssistantsPanel } from "@/features/assistants";
import { assistantTokensOf } from "@/features/assistants/server";
import { appStore } from "@/lib/auth/app-store";
import { requirePageAgent } from "@/lib/auth/session";
import { isReadOnlyRole } from "@/lib/domain/user";

export const metadata: Metadata = { title: "Assistants" };

/** The agent's personal access tokens for MCP clients, and where those connect. */
export default async function AssistantsPage({ params }: PageProps<"/[account]/assistants">) {
  const { account } = await params;
  const agent = await requirePageAgent(account);
  const { db } = await appStore();
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
  return <AssistantsPanel tokens={await assistantTokensOf(db, agent)} endpoint={`${origin}/api/mcp`} readOnlyRole={isReadOnlyRole(agent.role)} now={new Date()} />;
}
