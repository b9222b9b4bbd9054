import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, SECURITY_HEADERS } from "@/lib/security/csp";

/**
 * Headers only. This is not an authorization boundary (middleware bypasses have happened): every page,
 * route handler and action checks the session itself.
 */
export function proxy(request: NextRequest) {
  // A broken % escape names no page: a plain 400 here, where Next would otherwise fail with a 500
  // in whichever page, route or auth handler tried to decode it.
  if (!decodable(request.nextUrl.pathname)) return badAddress();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV !== "production" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Where the agent was going, for the sign-in redirect: a layout cannot see the query string.
  requestHeaders.set("x-desk-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // Everything the proxy sees is dynamic and may be authenticated: never cache it anywhere.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function badAddress(): NextResponse {
  const response = new NextResponse("This address has a broken % escape.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
