import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { upsertAgent } from "@/lib/db";
import { recordAudit } from "@/lib/db";
import { createSession, resolveSession, revokeSession, SESSION_ABSOLUTE_LIFETIME_MS } from "@/lib/db";
import { reserveSignInAttempt, settleSignInAttempt } from "@/lib/db";
import { appStore } from "./app-store";
import { authenticate } from "./authenticate";
import { clientIp } from "./client-ip";
import type { SignedInAgent } from "./signed-in-agent";
import { verifyWithGorgias } from "./verify-with-gorgias";

/** Carries our one generic message through Auth.js to the sign-in form. */
export class SignInRefused extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

// The jwt callback validates the session against the store; the session callback (same request,
// same token object) reads what it found, so one auth() costs one store query and the cookie
// never carries more than the opaque id.
const resolvedAgents = new WeakMap<object, SignedInAgent>();

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    error(error) {
      // A refused sign-in is an expected outcome, not an error worth a stack trace.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error.message);
    },
  },
  providers: [
    Credentials({
      credentials: { accountDomain: {}, email: {}, apiKey: {} },
      async authorize(credentials, request) {
        const { db, credentialsKey } = await appStore();
        const ip = clientIp(request.headers);
        const result = await authenticate(credentials, ip, {
          async reserveAttempt(key) {
            const reservation = await reserveSignInAttempt(db, key);
            return {
              allowed: reservation.allowed,
              settle: (succeeded) => settleSignInAttempt(db, reservation, key.email, succeeded),
            };
          },
          verify: verifyWithGorgias,
          async startSession(agent) {
            const profile = await upsertAgent(db, credentialsKey, agent);
            const { token } = await createSession(db, profile.id, { ip, userAgent: request.headers.get("user-agent") });
            return token;
          },
          async audit(entry) {
            await recordAudit(db, {
              agentId: null,
              accountDomain: entry.accountDomain,
              action: "sign_in",
              outcome: entry.outcome,
              detail: { email: entry.email, detail: entry.detail },
            });
          },
        });
        if (!result.ok) throw new SignInRefused(result.message);
        return { id: result.sessionToken };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) return { sid: user.id };
      if (!token.sid) return null;
      const { db } = await appStore();
      const resolved = await resolveSession(db, token.sid);
      if (!resolved) return null;
      const { agent } = resolved;
      resolvedAgents.set(token, {
        agentId: agent.id,
        accountDomain: agent.accountDomain,
        gorgiasUserId: agent.gorgiasUserId,
        email: agent.email,
        name: agent.name,
        role: agent.role,
      });
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, agent: resolvedAgents.get(token) ?? null } as typeof session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (!sid) return;
      const { db } = await appStore();
      await revokeSession(db, sid);
    },
  },
});
