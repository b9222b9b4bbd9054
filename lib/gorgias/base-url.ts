import { isAccountDomain } from "@/lib/domain/ids";
import { err, ok, type Result } from "@/lib/result";

export const DEFAULT_BASE_URL_TEMPLATE = "https://{accountDomain}.gorgias.com/api";
const PLACEHOLDER = "{accountDomain}";

export type BaseUrlError = { readonly kind: "invalid_domain" | "invalid_template"; readonly message: string };

/**
 * Puts an account domain into the base-URL template. The domain is a bare subdomain label
 * checked before it touches a URL, so the server can never be pointed at another host (docs/safety.md#account-domain).
 */
export function resolveBaseUrl(template: string, accountDomain: string): Result<string, BaseUrlError> {
  if (!isAccountDomain(accountDomain)) {
    return err({ kind: "invalid_domain", message: "The account domain must be a bare Gorgias subdomain, e.g. acme." });
  }
  if (!template.includes(PLACEHOLDER)) {
    return err({ kind: "invalid_template", message: `The Gorgias API URL template must contain ${PLACEHOLDER}.` });
  }
  let templateUrl: URL;
  let resolved: URL;
  try {
    // The template's own host is the trust anchor: parse it with a harmless label first.
    templateUrl = new URL(template.split(PLACEHOLDER).join("placeholder"));
    resolved = new URL(template.split(PLACEHOLDER).join(accountDomain));
  } catch {
    return err({ kind: "invalid_template", message: "The Gorgias API URL template is not a valid URL." });
  }
  if (resolved.protocol !== "https:" && resolved.protocol !== "http:") {
    return err({ kind: "invalid_template", message: "The Gorgias API URL template must be http(s)." });
  }
  const expectedHost = templateUrl.host.split("placeholder").join(accountDomain);
  if (resolved.host !== expectedHost || resolved.username !== "" || resolved.password !== "" || resolved.search !== "" || resolved.hash !== "") {
    return err({ kind: "invalid_template", message: "The Gorgias API URL template is not usable." });
  }
  return ok(resolved.href.replace(/\/+$/, ""));
}

/**
 * A page of Gorgias's own web app for an API base URL: `https://acme.gorgias.com/api` →
 * `https://acme.gorgias.com/app/customer/12`; a sandbox's `…/acme/api` likewise.
 */
export function appUrlFor(apiBaseUrl: string, path: string): string {
  return `${apiBaseUrl.replace(/\/api\/?$/, "")}/app/${path.replace(/^\/+/, "")}`;
}
