import type { FeedHealth } from "@/lib/domain/feed-health";
import { absoluteTime, relativeTime } from "@/lib/domain/relative-time";

const INTEGRATION_TEXT: Record<FeedHealth["integration"], string> = {
  active: "Active: Gorgias pushes every change here within a second.",
  deactivated: "Deactivated by Gorgias. Run npm run setup:webhooks to re-create it.",
  missing: "Not found in Gorgias. Run npm run setup:webhooks to create it.",
  unknown: "Could not be checked just now.",
};

function Row({ label, value, testId, title }: { label: string; value: string; testId: string; title?: string }) {
  return (
    <div className="flex flex-col gap-0.5 border-b border-zinc-200 py-2 sm:flex-row sm:gap-4 dark:border-zinc-800">
      <dt className="w-48 shrink-0 text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-sm text-zinc-900 dark:text-zinc-100" data-testid={testId} title={title}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The account's change feed as an admin needs it: whether the Desk is current, when Gorgias last
 * pushed or was read, and what to do when the integration is gone. Rendered on the server.
 */
export function FeedHealthPanel({ health, now }: { health: FeedHealth; now: Date }) {
  const when = (iso: string | null, never: string) => {
    if (!iso) return never;
    const age = relativeTime(iso, now);
    return age === "now" ? "just now" : /^\d+[mhd]$/.test(age) ? `${age} ago` : age;
  };
  return (
    <section aria-labelledby="feed-health-title" className="mx-auto w-full max-w-3xl p-6">
      <h1 id="feed-health-title" className="text-lg font-semibold">
        Live feed
      </h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        How changes made in Gorgias reach the Desk: pushed by a Gorgias HTTP integration, and caught up from the event log.
      </p>
      <p
        className={`mt-4 rounded px-3 py-2 text-sm font-medium ${health.current ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
        data-testid="feed-current"
        data-current={health.current}
      >
        {health.current
          ? "Current: agents see changes as they happen."
          : "Not confirmed current: nobody has had the Desk open lately, or the event log cannot be read. Agents' screens re-read Gorgias until it is."}
      </p>
      <dl className="mt-4">
        <Row label="Webhooks" testId="feed-webhooks" value={health.webhooksConfigured ? "Set up" : "Not set up: the Desk reads the event log every 10 seconds instead."} />
        {health.webhooksConfigured && <Row label="Gorgias integration" testId="feed-integration" value={health.integrationProblem ?? INTEGRATION_TEXT[health.integration]} />}
        <Row label="Last delivery" testId="feed-last-delivery" value={when(health.lastDeliveryAt, "None yet")} title={absoluteTime(health.lastDeliveryAt)} />
        <Row label="Event log last read" testId="feed-last-read" value={when(health.lastReadAt, "Never")} title={absoluteTime(health.lastReadAt)} />
        <Row label="Newest event seen" testId="feed-last-event" value={when(health.lastEventAt, "None yet")} title={absoluteTime(health.lastEventAt)} />
        <Row label="Worst-case lag" testId="feed-lag" value={health.lagSeconds === null ? "Unknown" : `${health.lagSeconds} s`} />
      </dl>
    </section>
  );
}
