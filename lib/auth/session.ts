import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./config";
import type { SignedInAgent } from "./signed-in-agent";

/**
 * The agent behind this request's session, checked against the store (revoked or expired → null).
 * Once per request: the layout and the page both ask, and each check is a store round-trip.
 */
export const currentAgent = cache(async (): Promise<SignedInAgent | null> => {
  const session = await auth();
  return session?.agent ?? null;
});

/**
 * For pages: sends a signed-out visitor to sign-in (remembering where they were going, which the
 * sign-in checks before it follows), and hides other accounts behind a 404.
 */
export async function requirePageAgent(accountDomain?: string): Promise<SignedInAgent> {
  const agent = await currentAgent();
  if (!agent) {
    const returnTo = (await headers()).get("x-desk-path");
    redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  }
  if (accountDomain !== undefined && accountDomain !== agent.accountDomain) notFound();
  return agent;
}
