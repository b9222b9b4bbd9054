import "server-only";
import { getToken } from "next-auth/jwt";
import { getDb, isSessionLive } from "@/lib/db";

/**
 * For responses that outlive their request (the live stream): a check of the session the request
 * came with — revoked, signed out elsewhere or expired means false — that does not count as the
 * agent's activity. Null when the request carries no session.
 */
export async function sessionWatch(request: Request): Promise<(() => Promise<boolean>) | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  // Auth.js names the cookie with the __Secure- prefix over https; try the name this request used.
  const token =
    (await getToken({ req: request, secret, secureCookie: true })) ?? (await getToken({ req: request, secret, secureCookie: false }));
  const sid = typeof token?.sid === "string" ? token.sid : null;
  if (!sid) return null;
  return async () => isSessionLive((await getDb()).db, sid);
}
