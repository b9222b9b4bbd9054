import type { CallLimit } from "@/lib/domain/account";
import { shortText, type GorgiasError } from "./errors";

/** What Gorgias said in an error body, whichever of its shapes it used. */
export interface UpstreamError {
  readonly msg: string | null;
  readonly fields: Record<string, string[]>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function textOf(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return null;
  // Peers report `error`/`message` arriving as objects; keep something readable, never "[object Object]".
  try {
    return JSON.stringify(v);
  } catch {
    return null;
  }
}

// Validation errors nest for list items (`messages.0.sender`); flatten to dotted keys the form can show.
function flattenFields(data: unknown, prefix: string, out: Record<string, string[]>): void {
  if (Array.isArray(data) && data.every((m) => typeof m === "string")) {
    if (prefix) out[prefix] = [...(out[prefix] ?? []), ...data.map((m) => shortText(m))];
    return;
  }
  if (typeof data === "string") {
    out[prefix || "_"] = [...(out[prefix || "_"] ?? []), shortText(data)];
    return;
  }
  const entries = isRecord(data) ? Object.entries(data) : Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : [];
  for (const [key, value] of entries.slice(0, 50)) flattenFields(value, prefix ? `${prefix}.${key}` : key, out);
}

export function parseUpstreamError(bodyText: string): UpstreamError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { msg: null, fields: {} };
  }
  const fields: Record<string, string[]> = {};
  if (!isRecord(body)) return { msg: null, fields };
  const error = body.error;
  if (isRecord(error)) {
    if (error.data !== undefined && error.data !== null) flattenFields(error.data, "", fields);
    const msg = textOf(error.msg ?? error.message);
    return { msg: msg ? shortText(msg) : null, fields };
  }
  const msg = textOf(error ?? body.message);
  return { msg: msg ? shortText(msg) : null, fields };
}

const looksLikeHtml = (contentType: string | null, bodyText: string): boolean =>
  (contentType ?? "").includes("text/html") || /^\s*<(!doctype|html)/i.test(bodyText);

/** `Retry-After` as seconds: either a delay or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export function parseCallLimit(value: string | null): CallLimit | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value ?? "");
  if (!match) return null;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return limit > 0 ? { used, limit } : null;
}

export interface ErrorResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly bodyText: string;
  readonly retryAfterSeconds: number | null;
  readonly request: string;
  readonly accountDomain: string;
}

/** Maps a non-2xx response to the closed error union; the status decides, the body only adds detail. */
export function errorFromResponse(r: ErrorResponse): GorgiasError {
  const { status, request } = r;
  const upstream = parseUpstreamError(r.bodyText);
  const said = (fallback: string) => upstream.msg ?? fallback;
  if (status === 401) {
    return { kind: "unauthorized", request, message: `Gorgias refused the credentials (${said("Unauthorized.")}). Check the e-mail and API key.` };
  }
  if (status === 403) {
    return { kind: "forbidden", request, message: `Gorgias does not allow this for this user or plan (${said("Forbidden.")}).` };
  }
  if (status === 404) {
    // Gorgias answers an unknown subdomain with its web server's HTML page, never with JSON.
    if (upstream.msg === null && looksLikeHtml(r.contentType, r.bodyText)) {
      return {
        kind: "not_found",
        request,
        reason: "unknown_account",
        message: `The Gorgias account "${r.accountDomain}" does not exist. Check the account domain (the part before .gorgias.com).`,
      };
    }
    return { kind: "not_found", request, reason: "resource", message: `Not found in Gorgias (${said("Resource not found.")}).` };
  }
  if (status === 409) return { kind: "conflict", request, message: `Gorgias reported a conflict (${said("The resource already exists.")}).` };
  if (status === 429) {
    const wait = r.retryAfterSeconds === null ? "a moment" : `${r.retryAfterSeconds} s`;
    return {
      kind: "rate_limited",
      request,
      retryAfterSeconds: r.retryAfterSeconds,
      message: `The Gorgias account is over its request budget; try again in ${wait}.`,
    };
  }
  if (status >= 500) {
    return { kind: "unavailable", request, status, message: `Gorgias is not responding properly (HTTP ${status}).` };
  }
  if (status >= 400) {
    const fieldList = Object.keys(upstream.fields);
    const suffix = fieldList.length > 0 ? ` Check: ${fieldList.slice(0, 5).join(", ")}.` : "";
    return { kind: "rejected", request, status, fields: upstream.fields, message: `Gorgias rejected the request: ${said(`HTTP ${status}`)}.${suffix}` };
  }
  return {
    kind: "unexpected_response",
    request,
    status,
    detail: `unexpected HTTP ${status}`,
    message: `Gorgias answered with an unexpected HTTP ${status}.`,
  };
}
