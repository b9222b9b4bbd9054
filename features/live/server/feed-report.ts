import "server-only";
import { feedHealth, getDb } from "@/lib/db";
import type { FeedHealth, IntegrationState } from "@/lib/domain/feed-health";
import type { GorgiasClient } from "@/lib/gorgias";
import { liveDesk } from "./desk";
import { liveFeedIntegrationState } from "./webhook-setup";

/** Gorgias is asked about the integration at most this often per account, however often admins look. */
const INTEGRATION_CHECK_MS = 60_000;
const checks = new Map<string, { at: number; state: Promise<{ state: IntegrationState; problem: string | null }> }>();

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The feed's health for an admin: from the store, and one read of the integrations a minute. */
export async function feedReport(account: string, gorgias: GorgiasClient, now = Date.now()): Promise<FeedHealth> {
  const health = await feedHealth((await getDb()).db, account);
  let check = checks.get(account);
  if (!check || now - check.at >= INTEGRATION_CHECK_MS) {
    check = { at: now, state: liveFeedIntegrationState(gorgias) };
    checks.set(account, check);
  }
  const integration = await check.state;
  return {
    webhooksConfigured: !!health?.webhookSecretHash,
    lastDeliveryAt: iso(health?.lastWebhookAt),
    integration: integration.state,
    integrationProblem: integration.problem,
    lastReadAt: iso(health?.polledAt),
    lastEventAt: iso(health?.lastEventAt),
    current: await liveDesk(account).feedLive(),
    lagSeconds: health?.polledAt ? Math.max(0, Math.round((now - health.polledAt.getTime()) / 1000)) : null,
  };
}
