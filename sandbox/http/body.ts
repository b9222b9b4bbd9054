import type { z } from "zod";
import { ApiError, type FieldErrors } from "./errors.js";

// Validation errors follow the legacy docs' shape: field name -> list of messages, with the
// docs' wording for missing fields and unknown fields.

export function parseBody<T extends z.ZodType>(schema: T, body: unknown, msg: string): z.infer<T> {
  if (body === undefined || body === null) throw new ApiError(400, msg, { _schema: ["Request body must be a JSON object."] });
  const result = schema.safeParse(body, {
    error: (issue) => (issue.input === undefined ? "Missing data for required field." : undefined),
  });
  if (result.success) return result.data;
  const data: FieldErrors = {};
  for (const issue of result.error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) (data[base ? `${base}.${key}` : key] ??= []).push("Unknown field.");
    } else {
      (data[base || "_schema"] ??= []).push(issue.message);
    }
  }
  throw new ApiError(400, msg, data);
}
