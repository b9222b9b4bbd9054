import { describe, expect, it } from "vitest";
import { authenticate, type AuthenticateDeps, type VerifyOutcome } from "@/lib/auth/authenticate";
import { SIGN_IN_FAILED } from "@/lib/domain/sign-in";

const INPUT = { accountDomain: "demo", email: "Alex@Demo-Store.example", apiKey: "k3y-0123456789" };
const ALEX = { gorgiasUserId: 7, email: "alex@demo-store.example", name: "Alex", role: "admin" };

function fakeDeps(verify: VerifyOutcome, allowed = true) {
  const calls: string[] = [];
  const sessions: unknown[] = [];
  const deps: AuthenticateDeps = {
    async reserveAttempt(key) {
      calls.push(`reserve ${key.ip} ${key.email}`);
      return { allowed, settle: async (ok) => void calls.push(`settle ${ok}`) };
    },
    async verify(input) {
      calls.push(`verify ${input.accountDomain} ${input.email}`);
      return verify;
    },
    async startSession(agent) {
      sessions.push(agent);
      return "opaque-token";
    },
    async audit(entry) {
      calls.push(`audit ${entry.outcome}`);
    },
  };
  return { deps, calls, sessions };
}

describe("authenticate", () => {
  it("verifies with Gorgias, then stores the agent and opens a session", async () => {
    const { deps, calls, sessions } = fakeDeps({ ok: true, agent: ALEX });
    const result = await authenticate(INPUT, "10.0.0.1", deps);
    expect(result).toEqual({ ok: true, sessionToken: "opaque-token" });
    expect(calls).toEqual(["reserve 10.0.0.1 alex@demo-store.example", "verify demo alex@demo-store.example", "settle true", "audit ok"]);
    expect(sessions).toEqual([{ ...ALEX, accountDomain: "demo", apiKey: INPUT.apiKey }]);
  });

  it("refuses a wrong key with the generic message and keeps the failure counted", async () => {
    const { deps, calls, sessions } = fakeDeps({ ok: false, reason: "rejected", detail: "unauthorized" });
    const result = await authenticate(INPUT, "10.0.0.1", deps);
    expect(result).toEqual({ ok: false, message: SIGN_IN_FAILED });
    expect(calls).not.toContain("settle true");
    expect(sessions).toHaveLength(0);
  });

  it("never calls Gorgias once the throttle says no", async () => {
    const { deps, calls } = fakeDeps({ ok: true, agent: ALEX }, false);
    const result = await authenticate(INPUT, "10.0.0.1", deps);
    expect(result).toEqual({ ok: false, message: SIGN_IN_FAILED });
    expect(calls.some((c) => c.startsWith("verify"))).toBe(false);
  });

  it("refuses a key that belongs to someone else than the email typed", async () => {
    const { deps, sessions } = fakeDeps({ ok: true, agent: { ...ALEX, email: "sam@demo-store.example" } });
    expect(await authenticate(INPUT, "10.0.0.1", deps)).toEqual({ ok: false, message: SIGN_IN_FAILED });
    expect(sessions).toHaveLength(0);
  });

  it("says plainly when Gorgias cannot be reached", async () => {
    const { deps, sessions } = fakeDeps({ ok: false, reason: "unavailable", detail: "timeout" });
    const result = await authenticate(INPUT, "10.0.0.1", deps);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/could not be reached/);
    expect(sessions).toHaveLength(0);
  });

  it("rejects malformed input before anything else", async () => {
    const { deps, calls } = fakeDeps({ ok: true, agent: ALEX });
    for (const bad of [{}, { ...INPUT, accountDomain: "evil.com/x" }, { ...INPUT, email: "nope" }, { ...INPUT, apiKey: "" }, null]) {
      expect(await authenticate(bad, "10.0.0.1", deps)).toEqual({ ok: false, message: SIGN_IN_FAILED });
    }
    expect(calls).toEqual([]);
  });
});
