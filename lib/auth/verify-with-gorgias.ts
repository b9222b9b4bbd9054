import "server-only";
import { createGorgiasClient, type GorgiasClient } from "@/lib/gorgias";
import { serverEnv } from "@/lib/env";
import type { VerifyOutcome } from "./authenticate";
import { sharedBudgetOptions } from "./budget-options";

/** Asks Gorgias who owns this key (`GET /api/users/0`): the only proof that counts. */
export async function verifyWithGorgias(input: { accountDomain: string; email: string; apiKey: string }, signal?: AbortSignal): Promise<VerifyOutcome> {
  const env = serverEnv();
  const client = createGorgiasClient({ ...input, baseUrl: env.GORGIAS_API_URL, timeoutMs: env.GORGIAS_TIMEOUT_MS, budget: await sharedBudgetOptions() });
  if (!client.ok) return { ok: false, reason: "rejected", detail: client.error.message };
  return verifyKey(client.value, signal);
}

/**
 * The check itself, in the account budget's sign-in lane: after every agent's request, never into
 * the team's reserve, briefly (it fails fast as "busy"), and dropped from the queue when the
 * visitor goes away (`signal`).
 */
export async function verifyKey(client: GorgiasClient, signal?: AbortSignal): Promise<VerifyOutcome> {
  const me = await client.users.current({ priority: "signin", signal });
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
  const detail = `${e.kind}: ${e.message}`;
  if (e.kind === "rate_limited") return { ok: false, reason: "busy", detail, retryAfterSeconds: Math.max(1, e.retryAfterSeconds ?? 5) };
  const refused = e.kind === "unauthorized" || e.kind === "forbidden" || e.kind === "not_found" || e.kind === "rejected";
  return { ok: false, reason: refused ? "rejected" : "unavailable", detail };
}
