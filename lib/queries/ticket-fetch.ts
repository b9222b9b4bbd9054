import type { AppError, AppErrorCode } from "@/lib/errors";

/** A failed read or write as the ticket page shows it: our route's `{ error }` body, kept whole. */
export class TicketRequestError extends Error {
  readonly code: AppErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly status: number;
  constructor(error: AppError, status: number) {
    super(error.message);
    this.name = "TicketRequestError";
    this.code = error.code;
    this.retryAfterSeconds = error.retryAfterSeconds;
    this.status = status;
  }
}

function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && typeof (value as AppError).code === "string" && typeof (value as AppError).message === "string";
}

/** GETs one of our own route handlers; a non-2xx answer becomes a `TicketRequestError`. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new TicketRequestError({ code: "upstream_unavailable", message: "Could not reach Gorgias Desk. Check your connection." }, 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : null;
  throw new TicketRequestError(isAppError(error) ? error : { code: "internal", message: `Unexpected answer (${response.status}).` }, response.status);
}
