import type { AppError, AppErrorCode } from "@/lib/errors";

/**
 * A failed call to one of our own routes or actions, carrying the server's `AppError` whole, so the
 * UI can tell "Gorgias is busy" from "broken" and say why.
 */
export class RouteError extends Error {
  constructor(
    readonly error: AppError,
    readonly status = 0,
  ) {
    super(error.message);
    this.name = "RouteError";
  }
  get code(): AppErrorCode {
    return this.error.code;
  }
  get retryAfterSeconds(): number | undefined {
    return this.error.retryAfterSeconds;
  }
}

const isAppError = (v: unknown): v is AppError =>
  typeof v === "object" && v !== null && typeof (v as AppError).code === "string" && typeof (v as AppError).message === "string";

/** GETs one of our own route handlers; a non-2xx answer becomes a `RouteError`. */
export async function getRoute<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new RouteError({ code: "upstream_unavailable", message: "Could not reach Gorgias Desk. Check your connection." });
  }
  const body: unknown = await response.json().catch(() => null);
  // Our own route, typed by its handler; the upstream data was parsed on the server.
  if (response.ok) return body as T;
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : null;
  throw new RouteError(
    isAppError(error) ? error : { code: response.status === 404 ? "not_found" : "internal", message: `Unexpected answer (${response.status}).` },
    response.status,
  );
}

/** Seconds to wait when the failure is Gorgias's shared budget; null for any other failure. */
export function rateLimitWait(error: unknown): number | null {
  return error instanceof RouteError && error.code === "rate_limited" ? Math.max(1, Math.ceil(error.retryAfterSeconds ?? 5)) : null;
}
