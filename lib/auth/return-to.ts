/**
 * Where to go after sign-in. `callbackUrl` comes from the address bar, so it is honoured only as a
 * path inside the agent's own account (never another host, never another account): anything else
 * lands on the account's inbox.
 */
export function safeReturnTo(callbackUrl: unknown, accountDomain: string): string {
  const home = `/${accountDomain}`;
  if (typeof callbackUrl !== "string" || callbackUrl.length > 2048) return home;
  // One leading slash, no backslashes or control characters: `//host` and `/\host` are other origins.
  if (!/^\/[^/\\]/.test(callbackUrl) || /[\\\u0000-\u001f]/.test(callbackUrl)) return home;
  let url: URL;
  try {
    url = new URL(callbackUrl, "http://desk.invalid");
  } catch {
    return home;
  }
  if (url.host !== "desk.invalid") return home;
  const inAccount = url.pathname === home || url.pathname.startsWith(`${home}/`);
  return inAccount ? `${url.pathname}${url.search}` : home;
}
