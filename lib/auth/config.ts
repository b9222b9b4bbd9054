import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { upsertAgent } from "@/lib/db";
import { recordAudit } from "@/lib/db";
import { createSession, resolveSession, revokeSession, SESSION_ABSOLUTE_LIFETIME_MS } from "@/lib/db";
import { reserveSignInAttempt, settleSignInAttempt } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { appStore } from "./app-store";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-ip";
import type { SignedInAgent } from "./signed-in-agent";
import { verifyWithGorgias } from "./verify-with-gorgias";
import { visitorSignal, withVisitorSignal } from "./visitor-signal";

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

const nextAuth = NextAuth({
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
        const ip = clientAddress(request.headers, serverEnv().TRUSTED_PROXIES);
        // A Desk for one account checks keys against that account only, whatever the form posted:
        // an open domain field would also let a flood make a budget scheduler per invented domain.
        const fixedDomain = serverEnv().GORGIAS_ACCOUNT_DOMAIN;
        const input = fixedDomain ? { ...credentials, accountDomain: fixedDomain } : credentials;
        const result = await authenticate(input, ip, {
          async reserveAttempt(key) {
            const reservation = await reserveSignInAttempt(db, key);
            return {
              allowed: reservation.allowed,
              crowdedForSeconds: reservation.limitedBy === "everyone" ? reservation.retryAfterSeconds : null,
              settle: (succeeded) => settleSignInAttempt(db, reservation, key.email, succeeded),
            };
          },
          verify: (input) => verifyWithGorgias(input, visitorSignal()),
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

export const { auth, signIn, signOut } = nextAuth;

/**
 * The Auth.js route. A sign-in posted there carries its request's abort signal to the check with
 * Gorgias (visitor-signal.ts); the sign-in form's server action has none to give (Next exposes
 * none to actions), so its check is bounded by the sign-in lane's short wait alone.
 */
export const handlers = { GET: nextAuth.handlers.GET, POST: withVisitorSignal(nextAuth.handlers.POST) };
