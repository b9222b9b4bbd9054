import "server-only";
import { isIP } from "node:net";
import { z } from "zod";
import { AccountDomain } from "@/lib/domain/contract/ids";

const DEFAULT_API_URL = "https://{accountDomain}.gorgias.com/api";

/** One trusted proxy: an address (`10.0.0.7`, `::1`) or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
const ProxyRange = z.string().refine((entry) => {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}, "each entry must be an IP address or a CIDR range, e.g. 10.0.0.0/8");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  GORGIAS_API_URL: z
    .string()
    .url()
    .refine((v) => v.includes("{accountDomain}"), "must contain {accountDomain}")
    .default(DEFAULT_API_URL),
  GORGIAS_ACCOUNT_DOMAIN: AccountDomain.optional(),
  // Set by `npm run dev` and the test harness when the app runs against the local sandbox.
  SANDBOX_URL: z.string().url().optional(),
  GORGIAS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  // How often one instance reads the account's event log while agents are connected: often when no
  // webhook has arrived lately, rarely (a catch-up) when webhooks flow.
  LIVE_POLL_MS: z.coerce.number().int().min(200).max(600_000).default(10_000),
  LIVE_POLL_WITH_WEBHOOKS_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  // The reverse proxies in front of the Desk, comma-separated; only their X-Forwarded-For is believed
  // (lib/auth/client-ip.ts). None by default.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(ProxyRange)),
});

export type ServerEnv = z.infer<typeof EnvSchema> & { readonly usesSandbox: boolean };

let cached: ServerEnv | undefined;

/** Parsed once: a bad variable fails the first request with a message naming it, not a crash deep inside. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    ...process.env,
    GORGIAS_ACCOUNT_DOMAIN: process.env.GORGIAS_ACCOUNT_DOMAIN || undefined,
    SANDBOX_URL: process.env.SANDBOX_URL || undefined,
    GORGIAS_API_URL: process.env.GORGIAS_API_URL || undefined,
  });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    const detail = Object.entries(fields)
      .map(([k, v]) => `${k}: ${(v ?? []).join(", ")}`)
      .join("; ");
    throw new Error(`Invalid environment: ${detail}`);
  }
  const usesSandbox = parsed.data.SANDBOX_URL !== undefined;
  cached = { ...parsed.data, usesSandbox };
  return cached;
}
