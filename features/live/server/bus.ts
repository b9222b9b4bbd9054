import "server-only";
import { getDb, LIVE_CHANNEL, type Store } from "@/lib/db";
import type { LiveSignal, LiveSignalKind } from "@/lib/domain/live";

type Listener = (signal: LiveSignal) => void;

interface Subscription {
  readonly onSignal: Listener;
  /** The connection to the database was lost and regained: signals may have been missed. */
  readonly onGap: () => void;
}

const KINDS: ReadonlySet<string> = new Set<LiveSignalKind>(["ticket"]);

/** Our own NOTIFY payload (lib/db/live-signals.ts), checked anyway: anything on the database may notify. */
function parsePayload(payload: string): { account: string; signal: LiveSignal } | null {
  try {
    const v = JSON.parse(payload) as Record<string, unknown>;
    if (typeof v.account !== "string" || typeof v.seq !== "number" || typeof v.kind !== "string" || !KINDS.has(v.kind)) return null;
    const ticketId = typeof v.ticketId === "number" ? v.ticketId : null;
    const version = typeof v.version === "string" ? v.version : null;
    return { account: v.account, signal: { seq: v.seq, kind: v.kind as LiveSignalKind, ticketId, version } };
  } catch {
    return null;
  }
}

/**
 * One LISTEN per process, fanned out to this process's streams by account. Every instance listens,
 * so a signal published anywhere reaches every browser of the account.
 */
export class LiveBus {
  private readonly subscribers = new Map<string, Set<Subscription>>();
  private listening: Promise<void> | null = null;

  constructor(private readonly open: () => Promise<Pick<Store, "listen">>) {}

  subscribe(account: string, subscription: Subscription): () => void {
    void this.ensureListening();
    let set = this.subscribers.get(account);
    if (!set) {
      set = new Set();
      this.subscribers.set(account, set);
    }
    set.add(subscription);
    return () => {
      set.delete(subscription);
      if (set.size === 0) this.subscribers.delete(account);
    };
  }

  /** Resolves once this process listens, so a stream that subscribed misses nothing published after. */
  ensureListening(): Promise<void> {
    this.listening ??= (async () => {
      const store = await this.open();
      await store.listen(
        LIVE_CHANNEL,
        (payload) => this.dispatch(payload),
        () => this.gap(),
      );
    })().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private dispatch(payload: string): void {
    const parsed = parsePayload(payload);
    if (!parsed) return;
    for (const s of this.subscribers.get(parsed.account) ?? []) s.onSignal(parsed.signal);
  }

  private gap(): void {
    for (const set of this.subscribers.values()) for (const s of set) s.onGap();
  }
}

/** On globalThis: route handlers and actions are separate bundles, and one LISTEN serves them all. */
export function liveBus(): LiveBus {
  const g = globalThis as { __gorgiasDeskLiveBus?: LiveBus };
  return (g.__gorgiasDeskLiveBus ??= new LiveBus(() => getDb()));
}
