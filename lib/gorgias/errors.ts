/**
 * The closed set of ways a Gorgias call can fail. Every variant carries a human `message`
 * (never the API key, never a whole response body) and `request` ("GET /api/tickets/12")
 * for logs.
 */
export type GorgiasError =
  | { readonly kind: "unauthorized"; readonly message: string; readonly request: string }
  | { readonly kind: "forbidden"; readonly message: string; readonly request: string }
  | {
      readonly kind: "not_found";
      readonly message: string;
      readonly request: string;
      /** `unknown_account`: the subdomain itself does not exist (Gorgias answers with an HTML 404). */
      readonly reason: "resource" | "unknown_account";
    }
  | {
      readonly kind: "rejected";
      readonly message: string;
      readonly request: string;
      readonly status: number;
      readonly fields: Readonly<Record<string, readonly string[]>>;
    }
  | { readonly kind: "conflict"; readonly message: string; readonly request: string }
  | {
      readonly kind: "rate_limited";
      readonly message: string;
      readonly request: string;
      readonly retryAfterSeconds: number | null;
      /** Turned away by our own scheduler before reaching Gorgias (its lane could not wait that long). */
      readonly shed?: true;
    }
  | { readonly kind: "unavailable"; readonly message: string; readonly request: string; readonly status: number }
  | { readonly kind: "timeout"; readonly message: string; readonly request: string; readonly timeoutMs: number }
  | {
      readonly kind: "network";
      readonly message: string;
      readonly request: string;
      /** `aborted`: the caller's own signal fired (e.g. the browser went away), not Gorgias. */
      readonly reason: "reset" | "refused" | "dns" | "aborted" | "other";
    }
  | {
      readonly kind: "unexpected_response";
      readonly message: string;
      readonly request: string;
      readonly status: number;
      /** Short description of what did not match, e.g. "data.0.status: Invalid option". */
      readonly detail: string;
    };

export type GorgiasErrorKind = GorgiasError["kind"];

/**
 * Whether the request may have been processed by Gorgias. A write that failed this way has
 * an unknown outcome and must be read back before it is tried again (docs/safety.md#no-blind-retry).
 */
export const outcomeUnknown = (e: GorgiasError): boolean =>
  e.kind === "timeout" || e.kind === "unavailable" || (e.kind === "network" && e.reason !== "refused" && e.reason !== "dns") || e.kind === "unexpected_response";

const MAX_UPSTREAM_TEXT = 200;

/** Gorgias error text is shown to agents: bounded and single-line. */
export function shortText(text: string, max = MAX_UPSTREAM_TEXT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Removes every secret from a string that might end up in a message or a log. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

export function redactError(error: GorgiasError, secrets: readonly string[]): GorgiasError {
  const clean = { ...error, message: redact(error.message, secrets), request: redact(error.request, secrets) };
  if (clean.kind === "unexpected_response") return { ...clean, detail: redact(clean.detail, secrets) };
  if (clean.kind === "rejected") {
    const fields = Object.fromEntries(
      Object.entries(clean.fields).map(([k, v]) => [redact(k, secrets), v.map((m) => redact(m, secrets))]),
    );
    return { ...clean, fields };
  }
  return clean;
}
