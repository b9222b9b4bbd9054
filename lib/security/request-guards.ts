/**
 * Checks on what a request carries before any page, route or Auth.js handler reads it. Each of
 * these parses a client-chosen string as part of a URL, and a string that does not parse made
 * them fail with a 500; here it is a 400 (or, for a cookie, forgotten) instead.
 */

/** Auth.js keeps the page to return to in this cookie (with `__Secure-` over HTTPS). */
export const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"] as const;

/** A `Host` / `X-Forwarded-Host` value: a host and optional numeric port, nothing else. */
export function validAuthority(value: string | null): boolean {
  if (value === null) return true;
  const first = value.split(",")[0]!.trim();
  if (!first || first.length > 255) return false;
  try {
    return new URL(`http://${first}`).host === first.toLowerCase();
  } catch {
    return false;
  }
}

/** A callback URL Auth.js will parse (it resolves relative ones against the request's origin). */
export function parsableCallback(value: string | null): boolean {
  if (value === null) return true;
  if (value.length > 2048) return false;
  try {
    new URL(value, "http://desk.invalid");
    return true;
  } catch {
    return false;
  }
}

/** Decodes cleanly: a broken % escape names no page. */
export function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Next's default server action body limit (1 MB); every body we accept is far below it but uploads. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * One attachment and its multipart envelope (lib/domain/attachments.ts: 10 MB per file, decimal),
 * still under Next's 10 MiB proxy body buffer, beyond which it would silently cut the body.
 */
export const MAX_UPLOAD_REQUEST_BYTES = 10_000_000 + 64 * 1024;

const UPLOAD_PATH = /^\/api\/[^/]+\/uploads$/;

/** The largest body a request may declare: the upload route's own limit, else the general one. */
export function bodyLimitFor(method: string, pathname: string): number {
  return method === "POST" && UPLOAD_PATH.test(pathname) ? MAX_UPLOAD_REQUEST_BYTES : MAX_REQUEST_BYTES;
}
