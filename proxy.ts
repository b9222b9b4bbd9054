import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, SECURITY_HEADERS } from "@/lib/security/csp";
import { bodyLimitFor, CALLBACK_COOKIES, decodable, parsableCallback, validAuthority } from "@/lib/security/request-guards";

/**
 * Headers only. This is not an authorization boundary (middleware bypasses have happened): every page,
 * route handler and action checks the session itself.
 */
export function proxy(request: NextRequest) {
  // Malformed addresses, hosts and callbacks get a plain 400 here, where Next would otherwise fail
  // with a 500 in whichever page, route or auth handler parsed them (lib/security/request-guards.ts).
  if (!decodable(request.nextUrl.pathname)) return badRequest("This address has a broken % escape.");
  if (!validAuthority(request.headers.get("host")) || !validAuthority(request.headers.get("x-forwarded-host"))) {
    return badRequest("This request names an invalid host.");
  }
  if (!parsableCallback(request.nextUrl.searchParams.get("callbackUrl"))) return badRequest("This address has an invalid callbackUrl.");
  // Next refuses a server action body over its limit with a 500; nothing we accept is this big,
  // but the upload route, which has a limit of its own.
  if (Number(request.headers.get("content-length") ?? 0) > bodyLimitFor(request.method, request.nextUrl.pathname)) {
    return badRequest("This request is too large.", 413);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV !== "production" });

  const requestHeaders = new Headers(request.headers);
  // An unparsable return address in Auth.js's cookie would fail every auth call until it expired.
  const poisoned = CALLBACK_COOKIES.filter((name) => {
    const cookie = request.cookies.get(name);
    return cookie !== undefined && !parsableCallback(cookie.value);
  });
  if (poisoned.length > 0) {
    poisoned.forEach((name) => request.cookies.delete(name));
    requestHeaders.set("cookie", request.cookies.toString());
  }
  requestHeaders.set("x-nonce", nonce);
  // Where the agent was going, for the sign-in redirect: a layout cannot see the query string.
  requestHeaders.set("x-desk-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // Everything the proxy sees is dynamic and may be authenticated: never cache it anywhere.
  response.headers.set("Cache-Control", "private, no-store");
  poisoned.forEach((name) => response.cookies.delete(name));
  return response;
}

function badRequest(reason: string, status = 400): NextResponse {
  const response = new NextResponse(reason, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
