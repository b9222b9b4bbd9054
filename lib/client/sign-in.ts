import { needsSignIn, type AppError } from "@/lib/errors";

/**
 * Where an agent whose session ended (or whose Gorgias key is refused) goes: sign-in, told why,
 * with the page they were on to return to. `reauth` also keeps the sign-in page from sending a
 * still-signed-in agent straight back, which would loop.
 */
export function signInUrl(error: Pick<AppError, "code">, returnTo: string): string {
  const params = new URLSearchParams({ callbackUrl: returnTo, reason: error.code === "reauth_required" ? "reauth" : "expired" });
  return `/sign-in?${params}`;
}

let leaving = false;

/**
 * For the query and mutation caches: the first failure that needs a sign-in navigates (a full
 * load, so nothing of this session stays in memory); the rest arriving meanwhile are ignored.
 */
export function signInWhenNeeded(error: AppError): void {
  if (!needsSignIn(error) || leaving) return;
  leaving = true;
  window.location.assign(signInUrl(error, `${window.location.pathname}${window.location.search}`));
}
