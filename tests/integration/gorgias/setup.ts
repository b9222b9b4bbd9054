import { BudgetScheduler } from "@/lib/gorgias/budget";
import { createGorgiasClient, type GorgiasClient, type GorgiasClientOptions } from "@/lib/gorgias/client";
import type { Result } from "@/lib/result";
import type { TestSandbox } from "@/tests/support/sandbox";

/** A client for one sandbox agent, on its own budget so suites do not share waits. */
export async function clientFor(sb: TestSandbox, role = "admin", overrides: Partial<GorgiasClientOptions> = {}): Promise<GorgiasClient> {
  const agent = await sb.agent(role);
  const created = createGorgiasClient({
    baseUrl: sb.template,
    accountDomain: "demo",
    email: agent.email,
    apiKey: agent.api_key,
    budget: new BudgetScheduler(),
    ...overrides,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** Unwraps an ok result or fails the test with the error's own words. */
export function must<T, E extends ({ kind: string } | { code: string }) & { message: string }>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(`expected ok, got ${"kind" in r.error ? r.error.kind : r.error.code}: ${r.error.message}`);
  return r.value;
}
