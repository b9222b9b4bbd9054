import type { GorgiasError } from "@/lib/gorgias/errors";

/**
 * The one error shape our route handlers and actions return to the browser:
 * `{ error: { code, message, fields?, retryAfterSeconds?, requestId? } }`, with one status map.
 */
export type AppErrorCode =
  | "unauthenticated"
  | "reauth_required"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "rate_limited"
  | "upstream_unavailable"
  | "upstream_timeout"
  | "outcome_unknown"
  | "internal";

export interface AppError {
  readonly code: AppErrorCode;
  readonly message: string;
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  readonly retryAfterSeconds?: number;
  /** The server's id for the call that failed, for the agent to quote; it names the call in our logs. */
  readonly requestId?: string;
}

export const HTTP_STATUS: Readonly<Record<AppErrorCode, number>> = {
  unauthenticated: 401,
  reauth_required: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  rate_limited: 429,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  outcome_unknown: 502,
  internal: 500,
};

export const appError = (code: AppErrorCode, message: string, extra: Omit<AppError, "code" | "message"> = {}): AppError => ({
  code,
  message,
  ...extra,
});

export const UNAUTHENTICATED: AppError = appError("unauthenticated", "Your session has ended. Sign in again to continue.");

/** How a Gorgias failure is told to the agent: every kind has its own case, so a new kind must be placed. */
export function fromUpstream(e: GorgiasError): AppError {
  switch (e.kind) {
    case "unauthorized":
      return appError("reauth_required", "Gorgias no longer accepts your API key. Sign in again with a current key.");
    case "forbidden":
      return appError("forbidden", "Your Gorgias role does not allow this.");
    case "not_found":
      return appError("not_found", e.reason === "unknown_account" ? "That Gorgias account does not exist." : "Gorgias could not find it; it may have been deleted.");
    case "rejected":
      return appError("invalid_input", `Gorgias refused it: ${e.message}`, { fields: e.fields });
    case "conflict":
      return appError("conflict", `Gorgias refused it: ${e.message}`);
    case "rate_limited":
      return appError("rate_limited", "Gorgias is busy for this account. It will resume shortly.", { retryAfterSeconds: e.retryAfterSeconds ?? 5 });
    case "timeout":
      return appError("upstream_timeout", "Gorgias took too long to answer.");
    case "unavailable":
    case "network":
      return appError("upstream_unavailable", "Gorgias could not be reached. Try again in a moment.");
    case "unexpected_response":
      return appError("upstream_unavailable", "Gorgias sent an answer we could not read. Try again in a moment.");
    default:
      return unreachable(e);
  }
}

function unreachable(e: never): never {
  throw new Error(`Unhandled Gorgias error kind: ${(e as { kind?: unknown }).kind}`);
}

const RETRYABLE: ReadonlySet<AppErrorCode> = new Set(["rate_limited", "upstream_unavailable", "upstream_timeout", "outcome_unknown", "internal"]);

/**
 * Whether the same request, tried again later, may succeed. For a send or a new ticket that is
 * also safe: the operation id makes a second attempt find the first (docs/safety.md#send-once).
 */
export const isRetryable = (error: Pick<AppError, "code">): boolean => RETRYABLE.has(error.code);

/** The session is gone or its Gorgias key is refused: only signing in again helps. */
export const needsSignIn = (error: Pick<AppError, "code">): boolean => error.code === "unauthenticated" || error.code === "reauth_required";
