import { SignInInput } from "@/lib/domain/contract/inputs";
import { SIGN_IN_FAILED } from "@/lib/domain/sign-in";

/** Who Gorgias says the key belongs to. */
export interface VerifiedAgent {
  readonly gorgiasUserId: number;
  readonly email: string;
  readonly name: string;
  readonly role: string;
}

export type VerifyOutcome =
  | { readonly ok: true; readonly agent: VerifiedAgent }
  // `rejected`: Gorgias said no (bad key, unknown domain); `unavailable`: we could not ask it;
  // `busy`: the account's budget had no room for a sign-in check soon enough (lib/gorgias/lanes.ts).
  | { readonly ok: false; readonly reason: "rejected" | "unavailable"; readonly detail: string }
  | { readonly ok: false; readonly reason: "busy"; readonly detail: string; readonly retryAfterSeconds: number };

export interface AuthenticateDeps {
  /**
   * Counts this attempt as a failure up front (atomically, so parallel guesses cannot all pass) and
   * says whether it may go ahead; `settle(true)` forgets it and the email's earlier failures.
   * `crowdedForSeconds`: refused by the cap on everyone's attempts, not by this email or address.
   */
  reserveAttempt(key: { ip: string | null; email: string }): Promise<{ allowed: boolean; crowdedForSeconds: number | null; settle(succeeded: boolean): Promise<void> }>;
  verify(input: { accountDomain: string; email: string; apiKey: string }): Promise<VerifyOutcome>;
  /** Stores the agent with the key encrypted and opens a session; returns the opaque session token. */
  startSession(input: VerifiedAgent & { accountDomain: string; apiKey: string }): Promise<string>;
  audit(entry: { accountDomain: string; email: string; outcome: "ok" | "error"; detail: string }): Promise<void>;
}

export type AuthenticateResult =
  | { readonly ok: true; readonly sessionToken: string }
  | { readonly ok: false; readonly message: string };

const UNAVAILABLE = "Gorgias could not be reached to check your key. Try again in a moment.";
const busy = (seconds: number) => `Gorgias is busy, try again in ${seconds} s.`;
const crowded = (seconds: number) => `Too many sign-in attempts on this Desk right now. Try again in ${seconds} s.`;

/** The agent who may sign in, or why not. */
function judge(verified: VerifyOutcome, email: string): { ok: true; agent: VerifiedAgent } | { ok: false; message: string; detail: string } {
  if (!verified.ok) {
    if (verified.reason === "unavailable") return { ok: false, message: UNAVAILABLE, detail: verified.detail };
    if (verified.reason === "busy") return { ok: false, message: busy(verified.retryAfterSeconds), detail: verified.detail };
    return { ok: false, message: SIGN_IN_FAILED, detail: verified.detail };
  }
  // The key must belong to the email the agent typed: Gorgias attributes actions to the key's owner.
  if (verified.agent.email.toLowerCase() !== email) return { ok: false, message: SIGN_IN_FAILED, detail: "key belongs to another user" };
  return { ok: true, agent: verified.agent };
}

/**
 * The whole sign-in decision, framework-free so it can be tested: validate, throttle before any
 * call to Gorgias, verify the key with Gorgias itself, then store and open a session.
 * Every credential failure gets the same message, and does the same work: one verification and
 * one audit row, whether or not the email belongs to an agent, so a refusal's timing tells nothing.
 */
export async function authenticate(raw: unknown, ip: string | null, deps: AuthenticateDeps): Promise<AuthenticateResult> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, message: SIGN_IN_FAILED };
  const input = parsed.data;

  const attempt = await deps.reserveAttempt({ ip, email: input.email });
  if (!attempt.allowed) return { ok: false, message: attempt.crowdedForSeconds === null ? SIGN_IN_FAILED : crowded(attempt.crowdedForSeconds) };

  const verdict = judge(await deps.verify(input), input.email);
  if (!verdict.ok) {
    // Still counted: settling it would also wipe the email's earlier failures, a reset an attacker could aim for.
    await deps.audit({ accountDomain: input.accountDomain, email: input.email, outcome: "error", detail: verdict.detail });
    return { ok: false, message: verdict.message };
  }
  await attempt.settle(true);
  const sessionToken = await deps.startSession({ ...verdict.agent, accountDomain: input.accountDomain, apiKey: input.apiKey });
  await deps.audit({ accountDomain: input.accountDomain, email: input.email, outcome: "ok", detail: "signed in" });
  return { ok: true, sessionToken };
}
