import { describe, expect, it } from "vitest";
import { authenticate, type AuthenticateDeps, type VerifyOutcome } from "@/lib/auth/authenticate";
import { SIGN_IN_FAILED } from "@/lib/domain/sign-in";

const INPUT = { accountDomain: "demo", email: "Alex@Demo-Store.example", apiKey: "k3y-0123456789" };
const ALEX = { gorgiasUserId: 7, email: "alex@demo-store.example", name: "Alex", role: "admin" };

function fakeDeps(verify: VerifyOutcome, allowed = true, crowdedForSeconds: number | null = null) {
  const calls: string[] = [];
  const sessions: unknown[] = [];
  const deps: AuthenticateDeps = {
    async reserveAttempt(key) {
      calls.push(`reserve ${key.ip} ${key.email}`);
      return { allowed, crowdedForSeconds, settle: async (ok) => void calls.push(`settle ${ok}`) };
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

  it("every refusal does the same work — one check with Gorgias, one audit row — whether or not the email is an agent's", async () => {
    const refusals: VerifyOutcome[] = [
      { ok: false, reason: "rejected", detail: "unauthorized: no such user" },
      { ok: false, reason: "rejected", detail: "unauthorized: wrong key" },
      { ok: true, agent: { ...ALEX, email: "sam@demo-store.example" } },
      { ok: false, reason: "unavailable", detail: "timeout" },
      { ok: false, reason: "busy", detail: "rate_limited", retryAfterSeconds: 4 },
    ];
    const traces = [];
    for (const outcome of refusals) {
      const { deps, calls, sessions } = fakeDeps(outcome);
      expect((await authenticate(INPUT, null, deps)).ok).toBe(false);
      expect(sessions).toHaveLength(0);
      traces.push(calls);
    }
    for (const trace of traces) expect(trace).toEqual(["reserve null alex@demo-store.example", "verify demo alex@demo-store.example", "audit error"]);
  });

  it("says Gorgias is busy, with the time, when the sign-in check could not be fitted in", async () => {
    const { deps } = fakeDeps({ ok: false, reason: "busy", detail: "rate_limited", retryAfterSeconds: 4 });
    expect(await authenticate(INPUT, "10.0.0.1", deps)).toEqual({ ok: false, message: "Gorgias is busy, try again in 4 s." });
  });

  it("the cap on everyone's attempts says so, with the time, and never calls Gorgias", async () => {
    const { deps, calls } = fakeDeps({ ok: true, agent: ALEX }, false, 12);
    expect(await authenticate(INPUT, null, deps)).toEqual({ ok: false, message: "Too many sign-in attempts on this Desk right now. Try again in 12 s." });
    expect(calls).toEqual(["reserve null alex@demo-store.example"]);
  });

  it("rejects malformed input before anything else", async () => {
    const { deps, calls } = fakeDeps({ ok: true, agent: ALEX });
    for (const bad of [{}, { ...INPUT, accountDomain: "evil.com/x" }, { ...INPUT, email: "nope" }, { ...INPUT, apiKey: "" }, null]) {
      expect(await authenticate(bad, "10.0.0.1", deps)).toEqual({ ok: false, message: SIGN_IN_FAILED });
    }
    expect(calls).toEqual([]);
  });
});
