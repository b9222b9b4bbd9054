import type { AppError, AppErrorCode } from "@/lib/errors";

/** A failed inbox read, carrying our route's `{ error }` so the UI can tell "busy" from "broken". */
export class InboxRequestError extends Error {
  readonly code: AppErrorCode;
  readonly retryAfterSeconds: number | undefined;
  constructor(error: AppError) {
    super(error.message);
    this.name = "InboxRequestError";
    this.code = error.code;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

const isAppError = (v: unknown): v is AppError =>
  typeof v === "object" && v !== null && typeof (v as AppError).code === "string" && typeof (v as AppError).message === "string";

/** GET one of our own inbox routes; a non-2xx answer becomes an `InboxRequestError`. */
export async function inboxGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new InboxRequestError({ code: "upstream_unavailable", message: "Could not reach Gorgias Desk. Check your connection." });
  }
  const body: unknown = await response.json().catch(() => null);
  // Our own route, typed by its handler; the upstream data was parsed on the server.
  if (response.ok) return body as T;
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : null;
  throw new InboxRequestError(isAppError(error) ? error : { code: "internal", message: `Unexpected answer (${response.status}).` });
}

/** Seconds to wait when the failure is Gorgias's shared budget; null for any other failure. */
export function rateLimitWait(error: unknown): number | null {
  return error instanceof InboxRequestError && error.code === "rate_limited" ? Math.max(1, Math.ceil(error.retryAfterSeconds ?? 5)) : null;
}
