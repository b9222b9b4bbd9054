import "server-only";
import { notFound, redirect } from "next/navigation";
import { auth } from "./config";
import type { SignedInAgent } from "./signed-in-agent";

/** The agent behind this request's session, checked against the store (revoked or expired → null). */
export async function currentAgent(): Promise<SignedInAgent | null> {
  const session = await auth();
  return session?.agent ?? null;
}

/** For pages: sends a signed-out visitor to sign-in, and hides other accounts behind a 404. */
export async function requirePageAgent(accountDomain?: string, returnTo?: string): Promise<SignedInAgent> {
  const agent = await currentAgent();
  if (!agent) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (accountDomain !== undefined && accountDomain !== agent.accountDomain) notFound();
  return agent;
}
