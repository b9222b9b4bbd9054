import { apiUrl, type ApiPathParams, type ApiRouteName } from "@/lib/domain/api-routes";
import type { ApiQuery, ApiResponse } from "@/lib/domain/contract/routes";
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

/** What the UI shows for any failure a query or mutation reports. */
export function appErrorOf(error: unknown): AppError {
  if (error instanceof RouteError) return error.error;
  return { code: "internal", message: error instanceof Error && error.message ? error.message : "Something went wrong." };
}

const isAppError = (v: unknown): v is AppError =>
  typeof v === "object" && v !== null && typeof (v as AppError).code === "string" && typeof (v as AppError).message === "string";

export interface RouteRequest<N extends ApiRouteName> {
  readonly params: ApiPathParams<N>;
  readonly query?: ApiQuery<N>;
  readonly signal?: AbortSignal;
}

/**
 * GETs one of our own routes, typed by its contract; a non-2xx answer becomes a `RouteError`. The
 * answer is not parsed again here: the route shaped it with the same contract's schema on the
 * server, and keeping the validator out of the browser keeps it out of every page's first load.
 */
export async function getRoute<N extends ApiRouteName>(name: N, { params, query, signal }: RouteRequest<N>): Promise<ApiResponse<N>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(name, params, query), { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new RouteError({ code: "upstream_unavailable", message: "Could not reach Gorgias Desk. Check your connection." });
  }
  const body: unknown = await response.json().catch(() => null);
  // The one place a route's answer gets its type: the contract it was shaped by on the server.
  if (response.ok) return body as ApiResponse<N>;
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

/** Gorgias (or the Desk) could not be reached or did not answer in time: worth asking again later. */
export function unreachable(error: unknown): boolean {
  return error instanceof RouteError && (error.code === "upstream_unavailable" || error.code === "upstream_timeout");
}

/** How long to wait before asking again after `failures` unreachable answers in a row: 2 s doubling, at most 30 s. */
export function outageBackoffMs(failures: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, failures - 1));
}
