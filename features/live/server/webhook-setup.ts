// No `server-only` here: `npm run setup:webhooks` runs this from the command line.
import { setWebhookSecret, type DbOrTx } from "@/lib/db";
import { WEBHOOK_SECRET_HEADER } from "@/lib/domain/contract/webhook";
import type { IntegrationState } from "@/lib/domain/feed-health";
import { LIVE_FEED_TRIGGERS, type HttpIntegration, type HttpIntegrationSpec } from "@/lib/domain/integration";
import type { GorgiasClient } from "@/lib/gorgias/client";
import { collectAll } from "@/lib/gorgias/pagination";

export const LIVE_FEED_INTEGRATION_NAME = "Gorgias Desk live feed";

export interface WebhookSetup {
  readonly gorgias: Pick<GorgiasClient, "accountDomain" | "integrations">;
  readonly db: DbOrTx;
  /** Where Gorgias can reach this Desk, e.g. https://desk.example.com. */
  readonly deskUrl: string;
  readonly secret: string;
}

export type WebhookSetupResult =
  | { readonly ok: true; readonly action: "created" | "updated"; readonly integration: HttpIntegration; readonly url: string }
  | { readonly ok: false; readonly message: string };

/**
 * Creates, or brings up to date, the account's one HTTP integration for the live desk (an admin's
 * key is needed), stores the secret's hash for the receiver, and reads the integration back to
 * verify what Gorgias kept. Running it again updates the same integration, never a second one.
 */
export async function setupLiveFeedWebhook(setup: WebhookSetup): Promise<WebhookSetupResult> {
  const account = setup.gorgias.accountDomain;
  const url = `${setup.deskUrl.replace(/\/+$/, "")}/api/webhooks/gorgias/${encodeURIComponent(account)}`;
  const spec: HttpIntegrationSpec = {
    name: LIVE_FEED_INTEGRATION_NAME,
    url,
    headers: { [WEBHOOK_SECRET_HEADER]: setup.secret },
    form: "{{context}}",
    triggers: LIVE_FEED_TRIGGERS,
  };
  const existing = await collectAll((cursor) => setup.gorgias.integrations.listHttp({ cursor, limit: 100 }), { maxPages: 10 });
  if (!existing.ok) return { ok: false, message: `Could not list integrations: ${existing.error.message}` };
  const mine = existing.value.find((i) => i.name === LIVE_FEED_INTEGRATION_NAME);
  // The hash is stored first: a delivery that arrives as soon as Gorgias saves the integration is accepted.
  await setWebhookSecret(setup.db, account, setup.secret);
  const saved = mine ? await setup.gorgias.integrations.updateHttp(mine.id, spec) : await setup.gorgias.integrations.createHttp(spec);
  if (!saved.ok) return { ok: false, message: `Gorgias refused the integration (${saved.error.kind}): ${saved.error.message}` };
  const check = await setup.gorgias.integrations.getHttp(saved.value.id);
  if (!check.ok) return { ok: false, message: `Could not read the integration back: ${check.error.message}` };
  const problems = [
    check.value.url !== url && `it delivers to ${check.value.url}`,
    !check.value.active && "Gorgias has deactivated it",
    !check.value.headerNames.includes(WEBHOOK_SECRET_HEADER) && "it does not send the secret header",
    ...LIVE_FEED_TRIGGERS.filter((t) => !check.value.triggers.includes(t)).map((t) => `trigger ${t} is off`),
  ].filter((p): p is string => typeof p === "string");
  if (problems.length > 0) return { ok: false, message: `The integration was saved but ${problems.join("; ")}.` };
  return { ok: true, action: mine ? "updated" : "created", integration: check.value, url };
}

/** Whether the live feed's integration still exists in Gorgias and delivers (for the admins' health page). */
export async function liveFeedIntegrationState(gorgias: Pick<GorgiasClient, "integrations">): Promise<{ state: IntegrationState; problem: string | null }> {
  const all = await collectAll((cursor) => gorgias.integrations.listHttp({ cursor, limit: 100 }, { priority: "refresh" }), { maxPages: 3 });
  if (!all.ok) return { state: "unknown", problem: `Gorgias could not be asked (${all.error.kind}): ${all.error.message}` };
  const mine = all.value.find((i) => i.name === LIVE_FEED_INTEGRATION_NAME);
  if (!mine) return { state: "missing", problem: null };
  return mine.active ? { state: "active", problem: null } : { state: "deactivated", problem: "Deactivated by Gorgias after failed deliveries. Run npm run setup:webhooks to re-create it." };
}
