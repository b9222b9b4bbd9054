/**
 * The app's Content-Security-Policy. Scripts run only with the per-request nonce (Next applies it to its
 * own scripts); customer email renders in a sandboxed srcdoc iframe with its own stricter policy.
 */
export function buildCsp(nonce: string, { dev }: { dev: boolean }): string {
  const directives: Record<string, string> = {
    "default-src": "'self'",
    // React's dev build needs eval for its debugging tools; production never does.
    "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src": "'self' 'unsafe-inline'",
    // Customer email renders in srcdoc iframes, which inherit this policy: remote images the agent
    // chose to load must be allowed here too (the iframe's own policy blocks them until then).
    "img-src": "'self' data: blob: https:",
    "font-src": "'self' data:",
    "connect-src": dev ? "'self' ws:" : "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};
