import { describe, expect, it } from "vitest";
import { fromUpstream, HTTP_STATUS, isRetryable, needsSignIn, type AppErrorCode } from "@/lib/errors";
import type { GorgiasError, GorgiasErrorKind } from "@/lib/gorgias/errors";

const request = "GET /api/tickets/12";

// One of each kind: the `Record` makes this table fail to compile when a kind is added, like the switch.
const EXAMPLES: Record<GorgiasErrorKind, { error: GorgiasError; code: AppErrorCode }> = {
  unauthorized: { error: { kind: "unauthorized", message: "Unauthorized.", request }, code: "reauth_required" },
  forbidden: { error: { kind: "forbidden", message: "Forbidden", request }, code: "forbidden" },
  not_found: { error: { kind: "not_found", message: "Not found", request, reason: "resource" }, code: "not_found" },
  rejected: { error: { kind: "rejected", message: "Bad subject", request, status: 400, fields: { subject: ["Too long."] } }, code: "invalid_input" },
  conflict: { error: { kind: "conflict", message: "Already merged", request }, code: "conflict" },
  rate_limited: { error: { kind: "rate_limited", message: "Slow down", request, retryAfterSeconds: 7 }, code: "rate_limited" },
  unavailable: { error: { kind: "unavailable", message: "502", request, status: 502 }, code: "upstream_unavailable" },
  timeout: { error: { kind: "timeout", message: "Timed out", request, timeoutMs: 15000 }, code: "upstream_timeout" },
  network: { error: { kind: "network", message: "ECONNRESET", request, reason: "reset" }, code: "upstream_unavailable" },
  unexpected_response: { error: { kind: "unexpected_response", message: "Bad JSON", request, status: 200, detail: "data.0.id" }, code: "upstream_unavailable" },
};

describe("fromUpstream: every Gorgias failure has its own AppError", () => {
  it.each(Object.entries(EXAMPLES))("%s → its code, with a message for an agent", (_kind, { error, code }) => {
    const mapped = fromUpstream(error);
    expect(mapped.code).toBe(code);
    expect(mapped.message.length).toBeGreaterThan(10);
    // The request line is for logs, never for the agent.
    expect(mapped.message).not.toContain(request);
  });

  it("carries what the agent can act on: field errors, the wait, which not-found", () => {
    expect(fromUpstream(EXAMPLES.rejected.error)).toMatchObject({ fields: { subject: ["Too long."] }, message: "Gorgias refused it: Bad subject" });
    expect(fromUpstream(EXAMPLES.rate_limited.error).retryAfterSeconds).toBe(7);
    expect(fromUpstream({ kind: "rate_limited", message: "x", request, retryAfterSeconds: null }).retryAfterSeconds).toBe(5);
    expect(fromUpstream({ kind: "not_found", message: "x", request, reason: "unknown_account" }).message).toBe("That Gorgias account does not exist.");
  });

  it("refuses a kind it does not know instead of guessing", () => {
    expect(() => fromUpstream({ kind: "teapot", message: "x", request } as unknown as GorgiasError)).toThrow(/teapot/);
  });
});

describe("what an error lets the agent do", () => {
  const table: Record<AppErrorCode, { retry: boolean; signIn: boolean }> = {
    unauthenticated: { retry: false, signIn: true },
    reauth_required: { retry: false, signIn: true },
    forbidden: { retry: false, signIn: false },
    not_found: { retry: false, signIn: false },
    invalid_input: { retry: false, signIn: false },
    conflict: { retry: false, signIn: false },
    rate_limited: { retry: true, signIn: false },
    upstream_unavailable: { retry: true, signIn: false },
    upstream_timeout: { retry: true, signIn: false },
    outcome_unknown: { retry: true, signIn: false },
    internal: { retry: true, signIn: false },
  };

  it.each(Object.entries(table))("%s: retry %o", (code, expected) => {
    const error = { code: code as AppErrorCode };
    expect({ retry: isRetryable(error), signIn: needsSignIn(error) }).toEqual(expected);
    expect(HTTP_STATUS[code as AppErrorCode]).toBeGreaterThanOrEqual(400);
  });

  it("a Gorgias 401 needs a sign-in, a 503 a retry", () => {
    expect(needsSignIn(fromUpstream(EXAMPLES.unauthorized.error))).toBe(true);
    expect(isRetryable(fromUpstream(EXAMPLES.unavailable.error))).toBe(true);
    expect(isRetryable(fromUpstream(EXAMPLES.forbidden.error))).toBe(false);
  });
});
