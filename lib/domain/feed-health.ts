/** What an admin sees of the account's change feed (features/live): is the Desk current, and why not. */
export type IntegrationState = "active" | "deactivated" | "missing" | "unknown";

export interface FeedHealth {
  /** Webhooks set up with `npm run setup:webhooks` (a secret is stored). */
  readonly webhooksConfigured: boolean;
  readonly lastDeliveryAt: string | null;
  /** The Gorgias HTTP integration as Gorgias reports it now ("unknown" when it could not be read). */
  readonly integration: IntegrationState;
  readonly integrationProblem: string | null;
  /** The event log's last complete read (the catch-up), and the newest event seen in it. */
  readonly lastReadAt: string | null;
  readonly lastEventAt: string | null;
  /** The shared cache is trusted: the feed is known to be current. */
  readonly current: boolean;
  /** How stale the Desk may be at worst, in seconds: since the last complete read of the log. */
  readonly lagSeconds: number | null;
}
