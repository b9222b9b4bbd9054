// The check the Gorgias integration's setup promises: do these credentials reach this account?
import { z } from "zod";
import { createGorgiasClient } from "@/lib/gorgias/client";
import type { GorgiasError } from "@/lib/gorgias/errors";
import { customerLabel } from "@/lib/domain/customer";

const VerifyEnv = z.object({
  GORGIAS_ACCOUNT_DOMAIN: z.string().min(1, "is not set (your subdomain: acme for acme.gorgias.com)"),
  GORGIAS_USERNAME: z.string().min(1, "is not set (the email of the Gorgias user who owns the API key)"),
  GORGIAS_API_KEY: z.string().min(1, "is not set (Gorgias → Settings → REST API)"),
  GORGIAS_API_URL: z.string().optional(),
});

export interface VerifyReport {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

function explain(e: GorgiasError, domain: string, apiBase: string): string {
  switch (e.kind) {
    case "not_found":
      return e.reason === "unknown_account"
        ? `Bad domain: there is no Gorgias account "${domain}" at ${apiBase}.`
        : `Not found: ${e.message}`;
    case "unauthorized":
      return "Bad key: Gorgias refused this email and API key (401). Check GORGIAS_USERNAME and GORGIAS_API_KEY, or create a new key.";
    case "forbidden":
      return "No permission: the key works but this user's role (or the account's plan) may not use the REST API (403).";
    case "rate_limited":
      return `Rate limited: the account's API budget is spent; retry in ${e.retryAfterSeconds ?? "a few"} seconds.`;
    case "timeout":
    case "network":
    case "unavailable":
      return `Unreachable: ${apiBase} did not answer properly (${e.message}).`;
    default:
      return `Unexpected answer from Gorgias: ${e.message}`;
  }
}

export async function verifyAccess(env: Record<string, string | undefined>, fetchImpl?: typeof fetch): Promise<VerifyReport> {
  const parsed = VerifyEnv.safeParse(env);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, lines: Object.entries(fields).map(([k, v]) => `Missing configuration: ${k} ${(v ?? []).join(", ")}`) };
  }
  const { GORGIAS_ACCOUNT_DOMAIN: domain, GORGIAS_USERNAME: email, GORGIAS_API_KEY: apiKey, GORGIAS_API_URL: template } = parsed.data;
  const client = createGorgiasClient({ baseUrl: template || undefined, accountDomain: domain, email, apiKey, fetch: fetchImpl, retry: { maxRetries: 0 } });
  if (!client.ok) return { ok: false, lines: [`Bad domain: ${client.error.message}`] };
  const gorgias = client.value;

  const account = await gorgias.account.get();
  if (!account.ok) return { ok: false, lines: [explain(account.error, domain, gorgias.baseUrl)] };
  const tickets = await gorgias.tickets.list({ limit: 5, orderBy: "updated_datetime:desc" });
  if (!tickets.ok) return { ok: false, lines: [explain(tickets.error, domain, gorgias.baseUrl)] };

  const limit = gorgias.callLimit();
  return {
    ok: true,
    lines: [
      `Account: ${account.value.domain} (${account.value.status ?? "status unknown"}) at ${gorgias.baseUrl}`,
      `Signed in as: ${email}`,
      `First tickets (${tickets.value.items.length}):`,
      ...tickets.value.items.map(
        (t) => `  #${t.id} [${t.status}] ${t.subject ?? "(no subject)"} — ${t.customer ? customerLabel(t.customer) : "unknown customer"}`,
      ),
      `Rate limit: X-Gorgias-Account-Api-Call-Limit ${limit ? `${limit.used}/${limit.limit}` : "not sent"}`,
    ],
  };
}
