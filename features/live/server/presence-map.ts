import type { PresenceNotice } from "@/lib/domain/contract/presence";
import { strongestState, type PresenceEntry, type PresenceState } from "@/lib/domain/presence";

interface TabPresence {
  readonly ticketId: number;
  readonly userId: number;
  readonly name: string;
  /** Null once the tab said it left: kept until it expires, so a late older notice cannot revive it. */
  readonly state: PresenceState | null;
  readonly seq: number;
  readonly expiresAt: number;
}

export interface PresenceChanges {
  readonly account: string;
  readonly entries: readonly PresenceEntry[];
}

const tabKey = (userId: number, tab: string) => `${userId}:${tab}`;
const same = (a: PresenceEntry, b: PresenceEntry) => a.state === b.state && a.name === b.name;

/**
 * Who is on which ticket, per account, from the tabs' notices; pure, so one instance's memory is
 * testable without a clock or a database. A tab is one agent's browser tab on one ticket; what
 * browsers see is one entry per agent and ticket, the strongest state among their tabs. Notices
 * may arrive out of order (two instances behind a balancer): each tab numbers its own, and an older
 * one than the tab's last is ignored.
 */
export class PresenceMap {
  private readonly accounts = new Map<string, Map<string, TabPresence>>();

  /** Applies one tab's notice; returns the entries of its account that changed (none for a repeat). */
  apply(n: PresenceNotice, now: number): PresenceChanges {
    let tabs = this.accounts.get(n.account);
    if (!tabs) {
      tabs = new Map();
      this.accounts.set(n.account, tabs);
    }
    const key = tabKey(n.userId, n.tab);
    const prev = tabs.get(key);
    if (prev && n.seq <= prev.seq) return { account: n.account, entries: [] };
    const touched = new Set([n.ticketId, ...(prev ? [prev.ticketId] : [])]);
    const before = [...touched].map((t) => this.entry(tabs, t, n.userId));
    tabs.set(key, { ticketId: n.ticketId, userId: n.userId, name: n.name, state: n.state === "left" ? null : n.state, seq: n.seq, expiresAt: now + n.ttlMs });
    return { account: n.account, entries: this.changed(tabs, before) };
  }

  /** Drops tabs not heard from within their time to live; returns what that changed, per account. */
  sweep(now: number): PresenceChanges[] {
    const out: PresenceChanges[] = [];
    for (const [account, tabs] of this.accounts) {
      const expired = [...tabs].filter(([, t]) => t.expiresAt <= now);
      if (expired.length === 0) continue;
      const before = expired.map(([, t]) => this.entry(tabs, t.ticketId, t.userId));
      for (const [key] of expired) tabs.delete(key);
      const entries = this.changed(tabs, before);
      if (tabs.size === 0) this.accounts.delete(account);
      if (entries.length > 0) out.push({ account, entries });
    }
    return out;
  }

  /** Everyone present in the account now. */
  snapshot(account: string): PresenceEntry[] {
    const tabs = this.accounts.get(account);
    if (!tabs) return [];
    const pairs = new Map<string, TabPresence>();
    for (const t of tabs.values()) if (t.state !== null) pairs.set(`${t.ticketId}:${t.userId}`, t);
    return [...pairs.values()].map((t) => this.entry(tabs, t.ticketId, t.userId));
  }

  /** When the next tab expires (epoch ms), or null when none is kept. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const tabs of this.accounts.values()) for (const t of tabs.values()) if (next === null || t.expiresAt < next) next = t.expiresAt;
    return next;
  }

  private entry(tabs: Map<string, TabPresence>, ticketId: number, userId: number): PresenceEntry {
    const mine = [...tabs.values()].filter((t) => t.ticketId === ticketId && t.userId === userId && t.state !== null);
    const newest = mine.reduce<TabPresence | undefined>((a, t) => (!a || t.seq > a.seq ? t : a), undefined);
    return { ticketId, userId, name: newest?.name ?? "", state: strongestState(mine.map((t) => t.state as PresenceState)) };
  }

  private changed(tabs: Map<string, TabPresence>, before: readonly PresenceEntry[]): PresenceEntry[] {
    const seen = new Set<string>();
    const out: PresenceEntry[] = [];
    for (const b of before) {
      const id = `${b.ticketId}:${b.userId}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const after = this.entry(tabs, b.ticketId, b.userId);
      if (!same(b, after)) out.push(after.state === null ? { ...after, name: b.name } : after);
    }
    return out;
  }
}
