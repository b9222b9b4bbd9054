import { z } from "zod";
import { appError, type AppError, type AppErrorCode } from "@/lib/errors";

/** A failed read or write, carrying the server's own `AppError` so the UI can say why. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = "AppFailure";
  }
}

/**
 * What the agent is told when no `AppError` came back at all (network drop, a deploy that
 * renamed the action). For a send this is "unknown", never "failed": it may have gone out.
 */
export function asAppError(e: unknown, whenUnknown: AppErrorCode = "upstream_unavailable"): AppError {
  if (e instanceof AppFailure) return e.error;
  return whenUnknown === "outcome_unknown"
    ? appError("outcome_unknown", "We lost the connection before the server answered, so we could not confirm it was sent.")
    : appError(whenUnknown, "The server could not be reached. Check your connection and try again.");
}

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    retryAfterSeconds: z.number().optional(),
  }),
});

/** GET one of our own route handlers and parse what comes back (a trust boundary, however close). */
export async function getJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const res = await fetch(url, { headers: { accept: "application/json" }, signal, cache: "no-store" });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = errorBody.safeParse(body);
    throw new AppFailure(
      parsed.success
        ? { ...parsed.data.error, code: parsed.data.error.code as AppErrorCode }
        : appError(res.status === 404 ? "not_found" : "upstream_unavailable", `The server answered ${res.status}.`),
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppFailure(appError("internal", "The server sent something we did not expect."));
  return parsed.data;
}
