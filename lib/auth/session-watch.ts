import "server-only";
import { getToken } from "next-auth/jwt";
import { getDb, isSessionLive, liveSessionAgent } from "@/lib/db";
import type { SignedInAgent } from "./signed-in-agent";

/** The session id the request's Auth.js cookie carries, or null. */
async function sessionIdOf(request: Request): Promise<string | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  // Auth.js names the cookie with the __Secure- prefix over https; try the name this request used.
  const token =
    (await getToken({ req: request, secret, secureCookie: true })) ?? (await getToken({ req: request, secret, secureCookie: false }));
  return typeof token?.sid === "string" ? token.sid : null;
}

/**
 * For responses that outlive their request (the live stream): a check of the session the request
 * came with — revoked, signed out elsewhere or expired means false — that does not count as the
 * agent's activity. Null when the request carries no session.
 */
export async function sessionWatch(request: Request): Promise<(() => Promise<boolean>) | null> {
  const sid = await sessionIdOf(request);
  if (!sid) return null;
  return async () => isSessionLive((await getDb()).db, sid);
}

/**
 * The agent behind the request's session for requests that are not the agent's activity (presence
 * heartbeats): checked like any request, but the session's idle expiry does not slide.
 */
export async function passiveAgent(request: Request): Promise<SignedInAgent | null> {
  const sid = await sessionIdOf(request);
  if (!sid) return null;
  const agent = await liveSessionAgent((await getDb()).db, sid);
  return agent && { agentId: agent.id, accountDomain: agent.accountDomain, gorgiasUserId: agent.gorgiasUserId, email: agent.email, name: agent.name, role: agent.role };
}
