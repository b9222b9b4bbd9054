import "server-only";
import { z } from "zod";
import type { DemoAgent } from "@/lib/domain/sign-in";
import { serverEnv } from "@/lib/env";

const AccountsSchema = z.object({
  data: z.array(
    z.object({
      domain: z.string(),
      agents: z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.string(), api_key: z.string() })),
    }),
  ),
});

/**
 * The sandbox's demo agents, for one-click sign-in. Only in sandbox mode: against a real Gorgias
 * `SANDBOX_URL` is unset and this returns nothing. Keys stay on the server.
 */
async function fetchSandboxAccounts() {
  const { SANDBOX_URL } = serverEnv();
  if (!SANDBOX_URL) return [];
  try {
    const res = await fetch(`${SANDBOX_URL}/__sandbox/accounts`, { cache: "no-store", signal: AbortSignal.timeout(3000) });
    if (!res.ok) return [];
    const parsed = AccountsSchema.safeParse(await res.json());
    return parsed.success ? parsed.data.data : [];
  } catch {
    return [];
  }
}

export async function listDemoAgents(): Promise<DemoAgent[]> {
  const accounts = await fetchSandboxAccounts();
  return accounts.flatMap((account) =>
    account.agents.map((a) => ({ accountDomain: account.domain, name: a.name, email: a.email, role: a.role })),
  );
}

/** The demo agent's key, read server-side at the moment of a one-click sign-in. */
export async function demoAgentKey(accountDomain: string, email: string): Promise<string | null> {
  const accounts = await fetchSandboxAccounts();
  const agent = accounts.find((a) => a.domain === accountDomain)?.agents.find((a) => a.email.toLowerCase() === email.toLowerCase());
  return agent?.api_key ?? null;
}
