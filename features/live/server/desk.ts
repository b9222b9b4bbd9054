import "server-only";
import { gorgiasForAccount } from "@/lib/auth/agent-gorgias";
import { feedHealth, getDb, recordWebhookArrival, type Db, type FeedAccount } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { GorgiasClient } from "@/lib/gorgias";
import { err } from "@/lib/result";
import { logger } from "@/lib/server/logger";
import { createFeed, type Feed, type FeedHint } from "./feed";
import { pollEventsOnce } from "./poller";
import { SharedCache } from "./shared-cache";

/** Webhooks count as flowing while one arrived within this long. */
const WEBHOOKS_FRESH_MS = 10 * 60_000;

export interface AccountDeskDeps {
  readonly account: string;
  readonly db: () => Promise<Db>;
  /** A key for the account's background reads (its most active full-visibility agent). */
  readonly client: () => Promise<GorgiasClient | null>;
  readonly pollMs: number;
  readonly pollWithWebhooksMs: number;
}

/** How long the feed's health is taken as read before the store is asked again. */
const HEALTH_MEMO_MS = 1_000;

/**
 * The live desk of one account in this process: its change feed, fed by webhooks and by the event
 * log, which is read only while some browser here is connected — nobody watching, no calls — and
 * the shared cache the feed keeps fresh.
 */
export class AccountDesk {
  private streams = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastWebhookAt = 0;
  private feed: Promise<Feed> | null = null;
  private health: { at: number; live: Promise<boolean> } | null = null;
  readonly cache: SharedCache;

  constructor(private readonly deps: AccountDeskDeps) {
    this.cache = new SharedCache({ account: deps.account, db: deps.db, feedLive: () => this.feedLive() });
  }

  /**
   * Whether the feed is keeping the cache fresh: the event log was read to its end lately (by any
   * instance), within three of its intervals — so a missed webhook is caught up before an entry
   * is trusted past that.
   */
  feedLive(): Promise<boolean> {
    const now = Date.now();
    if (this.health && now - this.health.at < HEALTH_MEMO_MS) return this.health.live;
    const live = (async () => {
      const health = await feedHealth(await this.deps.db(), this.deps.account);
      if (!health?.polledAt) return false;
      return now - health.polledAt.getTime() < 3 * this.pollInterval(health, now);
    })().catch(() => false);
    this.health = { at: now, live };
    return live;
  }

  /**
   * The event log is the safety net once webhooks are set up (a quiet account gets none, and that
   * is no reason to poll fast), and the feed itself without them.
   */
  private pollInterval(health: Pick<FeedAccount, "lastWebhookAt" | "webhookSecretHash"> | null, now: number): number {
    const arrived = Math.max(this.lastWebhookAt, health?.lastWebhookAt?.getTime() ?? 0) > now - WEBHOOKS_FRESH_MS;
    return arrived || health?.webhookSecretHash ? this.deps.pollWithWebhooksMs : this.deps.pollMs;
  }

  /** A browser connected; the returned function says it left. */
  attach(): () => void {
    this.streams += 1;
    if (this.streams === 1) this.schedule(0);
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      this.streams -= 1;
      if (this.streams === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
    };
  }

  /** Hints from a webhook delivery: answered before they are handled. */
  async webhook(hints: readonly FeedHint[], at = new Date()): Promise<void> {
    this.lastWebhookAt = at.getTime();
    await recordWebhookArrival(await this.deps.db(), this.deps.account, at);
    const feed = await this.feedOnce();
    await Promise.all(hints.map((h) => feed.hint(h)));
  }

  private feedOnce(): Promise<Feed> {
    this.feed ??= this.deps.db().then((db) =>
      createFeed({
        account: this.deps.account,
        db,
        cache: this.cache,
        readTicket: async (id) => {
          const client = await this.deps.client();
          return client ? client.tickets.get(id, { priority: "refresh" }) : err(new Error("no signed-in agent to read with"));
        },
      }),
    );
    return this.feed;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.streams === 0) return;
    let interval = this.deps.pollMs;
    try {
      const db = await this.deps.db();
      // Another instance may be the one receiving webhooks, or the one that polled last.
      const health = await feedHealth(db, this.deps.account);
      interval = this.pollInterval(health, Date.now());
      const client = await this.deps.client();
      if (client) {
        const outcome = await pollEventsOnce({ account: this.deps.account, db, gorgias: client, feed: await this.feedOnce(), cache: this.cache, intervalMs: interval });
        if (outcome.kind === "failed") logger.warn({ account: this.deps.account, reason: outcome.message }, "event log read failed");
      }
    } catch (error) {
      logger.error({ err: error, account: this.deps.account }, "live desk poll failed");
    }
    if (this.streams > 0) this.schedule(interval);
  }
}

/** One desk per account per process (on globalThis: every server bundle shares it). */
export function liveDesk(account: string): AccountDesk {
  const g = globalThis as { __gorgiasDeskLive?: Map<string, AccountDesk> };
  const desks = (g.__gorgiasDeskLive ??= new Map());
  let desk = desks.get(account);
  if (!desk) {
    const env = serverEnv();
    desk = new AccountDesk({
      account,
      db: async () => (await getDb()).db,
      client: () => gorgiasForAccount(account),
      pollMs: env.LIVE_POLL_MS,
      pollWithWebhooksMs: env.LIVE_POLL_WITH_WEBHOOKS_MS,
    });
    desks.set(account, desk);
  }
  return desk;
}
