import "server-only";
import { getDb, notifyPresence, PRESENCE_CHANNEL, type Store } from "@/lib/db";
import { PresenceNotice } from "@/lib/domain/contract/presence";
import { PRESENCE_TTL_MS, type PresenceUpdate } from "@/lib/domain/presence";
import { PresenceMap, type PresenceChanges } from "./presence-map";

interface Viewer {
  /** The viewer's own Gorgias user id: nobody is shown to themselves. */
  readonly userId: number;
  readonly push: (update: PresenceUpdate) => void;
}

export interface PresenceHubDeps {
  readonly open: () => Promise<Pick<Store, "db" | "listen">>;
  readonly now?: () => number;
  readonly ttlMs?: number;
}

function parseNotice(payload: string): PresenceNotice | null {
  try {
    const parsed = PresenceNotice.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Presence in this process: tabs' notices go out with NOTIFY on the presence channel, and every
 * instance — this one included — keeps what it hears from its one LISTEN in a `PresenceMap` and
 * pushes the changes to its streams of that account. Nothing is stored: a starting instance knows
 * everyone again after one heartbeat interval.
 */
export class PresenceHub {
  private readonly map = new PresenceMap();
  private readonly viewers = new Map<string, Set<Viewer>>();
  private listening: Promise<void> | null = null;
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: PresenceHubDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Tells every instance about one tab (its agent from the session, never from the browser). */
  async publish(notice: Omit<PresenceNotice, "ttlMs">): Promise<void> {
    const [store] = await Promise.all([this.deps.open(), this.ensureListening()]);
    await notifyPresence(store.db, JSON.stringify({ ...notice, ttlMs: this.deps.ttlMs ?? PRESENCE_TTL_MS } satisfies PresenceNotice));
  }

  /**
   * A stream of the account wants presence: it gets everyone present now at once, then changes,
   * never its own agent. Returns how to stop.
   */
  subscribe(account: string, userId: number, push: (update: PresenceUpdate) => void): () => void {
    this.sweep();
    const viewer: Viewer = { userId, push };
    let set = this.viewers.get(account);
    if (!set) {
      set = new Set();
      this.viewers.set(account, set);
    }
    set.add(viewer);
    push({ full: true, entries: this.map.snapshot(account).filter((e) => e.userId !== userId) });
    return () => {
      set.delete(viewer);
      if (set.size === 0 && this.viewers.get(account) === set) this.viewers.delete(account);
    };
  }

  /** The presence part of an agent's live stream (its `attach`): `presence` events once listening. */
  forStream(account: string, userId: number) {
    return async (send: (event: string, data: unknown) => void): Promise<() => void> => {
      await this.ensureListening();
      return this.subscribe(account, userId, (update) => send("presence", update));
    };
  }

  /** Resolves once this process hears the presence channel. */
  ensureListening(): Promise<void> {
    this.listening ??= (async () => {
      const store = await this.deps.open();
      // A lost connection loses notices: tabs not heard again expire, the rest come back with their next heartbeat.
      await store.listen(PRESENCE_CHANNEL, (payload) => this.dispatch(payload));
    })().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private dispatch(payload: string): void {
    const notice = parseNotice(payload);
    if (!notice) return;
    this.deliver(this.map.apply(notice, this.now()));
    this.scheduleSweep();
  }

  private sweep(): void {
    for (const changes of this.map.sweep(this.now())) this.deliver(changes);
    this.scheduleSweep();
  }

  private scheduleSweep(): void {
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
    const next = this.map.nextExpiry();
    if (next === null) return;
    this.sweepTimer = setTimeout(() => this.sweep(), Math.max(0, next - this.now()) + 5);
    this.sweepTimer.unref?.();
  }

  private deliver({ account, entries }: PresenceChanges): void {
    if (entries.length === 0) return;
    for (const v of this.viewers.get(account) ?? []) {
      const theirs = entries.filter((e) => e.userId !== v.userId);
      if (theirs.length > 0) v.push({ full: false, entries: theirs });
    }
  }
}

/** On globalThis: the presence route and the stream route are separate bundles sharing one map. */
export function presenceHub(): PresenceHub {
  const g = globalThis as { __gorgiasDeskPresence?: PresenceHub };
  return (g.__gorgiasDeskPresence ??= new PresenceHub({ open: () => getDb() }));
}
