import { appError, type AppError, type AppErrorCode } from "@/lib/errors";
import type { Result } from "@/lib/result";
import { RouteError } from "./route-fetch";

/**
 * Calls a server action for a mutation. Both ways it can fail become a `RouteError`: the action's
 * own `AppError` (a value, never a throw) and a throw, which means no answer came back at all (a
 * dropped connection, a deploy that renamed the action). For a send that is "unknown", never
 * "failed": it may have gone out, so the caller says `outcome_unknown`.
 */
export async function runAction<I, T>(action: (input: I) => Promise<Result<T, AppError>>, input: I, whenNoAnswer: AppErrorCode = "upstream_unavailable"): Promise<T> {
  let result: Result<T, AppError>;
  try {
    result = await action(input);
  } catch {
    throw new RouteError(noAnswer(whenNoAnswer));
  }
  if (!result.ok) throw new RouteError(result.error);
  return result.value;
}

function noAnswer(code: AppErrorCode): AppError {
  return code === "outcome_unknown"
    ? appError("outcome_unknown", "We lost the connection before the server answered, so we could not confirm it was sent.")
    : appError(code, "The server could not be reached. Check your connection and try again.");
}
