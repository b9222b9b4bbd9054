import { NextResponse } from "next/server";
import { HTTP_STATUS, type AppError } from "@/lib/errors";

export const NO_STORE = { "Cache-Control": "private, no-store" };

/** `{ error }` with its status, never cached, with `Retry-After` and the request id when known. */
export function errorResponse(error: AppError): NextResponse {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.ceil(error.retryAfterSeconds));
  if (error.requestId !== undefined) headers["X-Request-Id"] = error.requestId;
  return NextResponse.json({ error }, { status: HTTP_STATUS[error.code], headers });
}
