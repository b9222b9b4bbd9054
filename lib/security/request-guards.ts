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
