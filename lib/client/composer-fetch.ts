import { z } from "zod";
import { appError, type AppError, type AppErrorCode } from "@/lib/errors";
import { getRoute, RouteError } from "./route-fetch";

/**
 * What the agent is told when no `AppError` came back at all (network drop, a deploy that
 * renamed the action). For a send this is "unknown", never "failed": it may have gone out.
 */
export function asAppError(e: unknown, whenUnknown: AppErrorCode = "upstream_unavailable"): AppError {
  if (e instanceof RouteError) return e.error;
  return whenUnknown === "outcome_unknown"
    ? appError("outcome_unknown", "We lost the connection before the server answered, so we could not confirm it was sent.")
    : appError(whenUnknown, "The server could not be reached. Check your connection and try again.");
}

/** GET one of our own route handlers and parse what comes back (a trust boundary, however close). */
export async function getJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await getRoute<unknown>(url, signal));
  if (!parsed.success) throw new RouteError(appError("internal", "The server sent something we did not expect."));
  return parsed.data;
}
