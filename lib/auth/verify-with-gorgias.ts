import "server-only";
import { createGorgiasClient } from "@/lib/gorgias";
import { serverEnv } from "@/lib/env";
import type { VerifyOutcome } from "./authenticate";
import { sharedBudgetOptions } from "./budget-options";

/** Asks Gorgias who owns this key (`GET /api/users/0`): the only proof that counts. */
export async function verifyWithGorgias(input: { accountDomain: string; email: string; apiKey: string }): Promise<VerifyOutcome> {
  const env = serverEnv();
  const client = createGorgiasClient({ ...input, baseUrl: env.GORGIAS_API_URL, timeoutMs: env.GORGIAS_TIMEOUT_MS, budget: await sharedBudgetOptions() });
  if (!client.ok) return { ok: false, reason: "rejected", detail: client.error.message };
  const me = await client.value.users.current({ priority: "send" });
  if (me.ok) {
    const user = me.value;
    return {
      ok: true,
      agent: {
        gorgiasUserId: user.id,
        email: (user.email ?? "").toLowerCase(),
        name: user.name || [user.firstname, user.lastname].filter(Boolean).join(" ") || user.email || `User ${user.id}`,
        role: user.role ?? "agent",
      },
    };
  }
  const e = me.error;
  const refused = e.kind === "unauthorized" || e.kind === "forbidden" || e.kind === "not_found" || e.kind === "rejected";
  return { ok: false, reason: refused ? "rejected" : "unavailable", detail: `${e.kind}: ${e.message}` };
}
