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
  // `rejected`: Gorgias said no (bad key, unknown domain); `unavailable`: we could not ask it.
  | { readonly ok: false; readonly reason: "rejected" | "unavailable"; readonly detail: string };

export interface AuthenticateDeps {
  /**
   * Counts this attempt as a failure up front (atomically, so parallel guesses cannot all pass) and
   * says whether it may go ahead; `settle(true)` forgets it and the email's earlier failures.
   */
  reserveAttempt(key: { ip: string; email: string }): Promise<{ allowed: boolean; settle(succeeded: boolean): Promise<void> }>;
  verify(input: { accountDomain: string; email: string; apiKey: string }): Promise<VerifyOutcome>;
  /** Stores the agent with the key encrypted and opens a session; returns the opaque session token. */
  startSession(input: VerifiedAgent & { accountDomain: string; apiKey: string }): Promise<string>;
  audit(entry: { accountDomain: string; email: string; outcome: "ok" | "error"; detail: string }): Promise<void>;
}

export type AuthenticateResult =
  | { readonly ok: true; readonly sessionToken: string }
  | { readonly ok: false; readonly message: string };

const UNAVAILABLE = "Gorgias could not be reached to check your key. Try again in a moment.";

/**
 * The whole sign-in decision, framework-free so it can be tested: validate, throttle before any
 * call to Gorgias, verify the key with Gorgias itself, then store and open a session.
 * Every credential failure gets the same message.
 */
export async function authenticate(raw: unknown, ip: string, deps: AuthenticateDeps): Promise<AuthenticateResult> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, message: SIGN_IN_FAILED };
  const input = parsed.data;
  const key = { ip, email: input.email };

  const attempt = await deps.reserveAttempt(key);
  if (!attempt.allowed) return { ok: false, message: SIGN_IN_FAILED };

  const verified = await deps.verify(input);
  if (!verified.ok) {
    // Still counted: settling it would also wipe the email's earlier failures, a reset an attacker could aim for.
    if (verified.reason === "unavailable") return { ok: false, message: UNAVAILABLE };
    await deps.audit({ accountDomain: input.accountDomain, email: input.email, outcome: "error", detail: verified.detail });
    return { ok: false, message: SIGN_IN_FAILED };
  }
  // The key must belong to the email the agent typed: Gorgias attributes actions to the key's owner.
  if (verified.agent.email.toLowerCase() !== input.email) {
    await deps.audit({ accountDomain: input.accountDomain, email: input.email, outcome: "error", detail: "key belongs to another user" });
    return { ok: false, message: SIGN_IN_FAILED };
  }
  await attempt.settle(true);
  const sessionToken = await deps.startSession({ ...verified.agent, accountDomain: input.accountDomain, apiKey: input.apiKey });
  await deps.audit({ accountDomain: input.accountDomain, email: input.email, outcome: "ok", detail: "signed in" });
  return { ok: true, sessionToken };
}
