import { LiveActivity } from "./activity.js";
import { FaultBook } from "./faults.js";
import { JobBook } from "./jobs.js";
import { Mailer } from "./mailer.js";
import { RateLimiter, type RateLimitConfig } from "./rate-limit.js";
import { materializeBody } from "./seed/bodies.js";
import { generateAccount } from "./seed/generate.js";
import { ACME, DEMO } from "./seed/profiles.js";
import type { AccountStore } from "./store/account-store.js";
import { applyOverlay, readSnapshot, writeSnapshot, type SnapshotHeader } from "./store/persistence.js";
import { wakeSnoozed } from "./ticket-ops.js";
import { UploadStore } from "./uploads.js";
import { Dispatcher } from "./webhooks/dispatcher.js";

export interface SandboxConfig {
  latencyMs: number;
  rateLimit: RateLimitConfig | false;
  sendDelayMs: number;
  liveActivity: false | { intervalMs: number };
  /** First retry delay of a failed webhook delivery; later ones double, up to 64 times it. */
  webhookRetryDelayMs: number;
  webhookTimeoutMs: number;
}

export interface LogEntry {
  account: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  time: string;
  user_email: string | null;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { capacity: 40, windowSeconds: 20 };

/** Everything the sandbox holds: the accounts, the knobs, and the test-facing records. */
export class SandboxState {
  readonly accounts = new Map<string, AccountStore>();
  readonly log: LogEntry[] = [];
  readonly faults = new FaultBook();
  readonly limiter: RateLimiter;
  readonly mailer: Mailer;
  readonly activity: LiveActivity;
  readonly webhooks: Dispatcher;
  readonly uploads = new UploadStore();
  /** Background jobs (`/api/jobs`), in memory only: a restart forgets them. */
  readonly jobs = new JobBook(() => this);
  /** Set once the server listens; absolute URLs in webhook payloads start with it. */
  origin = "http://127.0.0.1";
  header: SnapshotHeader = { version: 2, seed: 1, tickets: 320, anchorMs: Date.now() };
  private persistTimer: NodeJS.Timeout | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private persistedVersion = "";

  constructor(
    readonly config: SandboxConfig,
    private readonly dataDir: string | null,
  ) {
    this.limiter = new RateLimiter(config.rateLimit, DEFAULT_RATE_LIMIT);
    this.mailer = new Mailer(
      () => this.config.sendDelayMs,
      (store, id) => {
        const msg = store.data.messages.get(id);
        return msg ? materializeBody(store, msg) : { body_text: null, body_html: null };
      },
    );
    this.activity = new LiveActivity(
      () => this.accounts.values(),
      () => this.header.seed,
    );
    this.webhooks = new Dispatcher(
      () => ({ retryDelayMs: this.config.webhookRetryDelayMs, timeoutMs: this.config.webhookTimeoutMs }),
      () => this.origin,
    );
  }

  /** Loads the persisted account when it matches the requested seed, or seeds afresh. */
  start(seed: number, tickets: number, reset: boolean): "loaded" | "seeded" {
    const snapshot = !reset && this.dataDir ? readSnapshot(this.dataDir) : null;
    if (snapshot && snapshot.seed === seed && snapshot.tickets === tickets) {
      this.build(snapshot);
      for (const store of this.accounts.values()) applyOverlay(store, snapshot.accounts[store.domain]);
      for (const store of this.accounts.values()) {
        for (const msg of store.data.messages.values()) if (msg.pending_send) this.mailer.schedule(store, msg.id);
      }
      this.persistedVersion = this.versionKey();
      this.startTimers();
      return "loaded";
    }
    this.reseed(seed, tickets);
    this.startTimers();
    return "seeded";
  }

  reseed(seed: number, tickets: number, anchorMs = Date.now()): void {
    this.mailer.cancelAll();
    this.webhooks.reset();
    this.jobs.clear();
    this.build({ version: 2, seed, tickets, anchorMs });
    this.log.length = 0;
    this.mailer.outbox.length = 0;
    this.uploads.clear();
    this.faults.clear();
    this.limiter.reset();
    this.activity.resetSequence();
    this.persistNow();
  }

  private build(header: SnapshotHeader): void {
    this.header = { version: 2, seed: header.seed, tickets: header.tickets, anchorMs: header.anchorMs };
    // Gorgias never reuses an event id, and a client reading the log after one (the Desk's feed)
    // would skip every new event below it: new events after a reseed continue the old numbering.
    const nextEvent = new Map([...this.accounts].map(([domain, store]) => [domain, store.nextId.events]));
    this.accounts.clear();
    const params = { seed: header.seed, anchorMs: header.anchorMs };
    this.accounts.set("demo", generateAccount(DEMO, { ...params, tickets: header.tickets }));
    this.accounts.set("acme", generateAccount(ACME, { ...params, tickets: 12 }));
    for (const [domain, store] of this.accounts) store.nextId.events = Math.max(store.nextId.events, nextEvent.get(domain) ?? 0);
    for (const store of this.accounts.values()) store.onEvent = (event) => this.webhooks.onEvent(store, event);
  }

  private versionKey(): string {
    return [...this.accounts.values()].map((s) => `${s.domain}:${s.version}`).join(",") + `@${this.header.anchorMs}`;
  }

  private startTimers(): void {
    // Snoozed tickets wake up on time even when no request comes in, so their webhooks fire.
    this.wakeTimer ??= setInterval(() => {
      for (const store of this.accounts.values()) wakeSnoozed(store);
    }, 500);
    this.wakeTimer.unref();
    if (!this.dataDir || this.persistTimer) return;
    this.persistTimer = setInterval(() => this.persistNow(), 300);
    this.persistTimer.unref();
  }

  /** Writes the snapshot if anything changed since the last write. */
  persistNow(): void {
    if (!this.dataDir) return;
    const key = this.versionKey();
    if (key === this.persistedVersion) return;
    writeSnapshot(this.dataDir, this.header, this.accounts.values());
    this.persistedVersion = key;
  }

  close(): void {
    if (this.persistTimer) clearInterval(this.persistTimer);
    if (this.wakeTimer) clearInterval(this.wakeTimer);
    this.persistTimer = null;
    this.wakeTimer = null;
    this.activity.stop();
    this.jobs.stop();
    this.mailer.cancelAll();
    this.webhooks.reset();
    this.persistNow();
  }
}
