import { z } from "zod";
import { appError, type AppError } from "@/lib/errors";

/** A refused input as the agent sees it: one message, and each field's problems. */
export function invalidInput(error: z.ZodError): AppError {
  return appError("invalid_input", "Some of what was sent is not valid.", { fields: z.flattenError(error).fieldErrors as Record<string, string[]> });
}
