import type { InboxPage, TicketThread } from "./desk-client";

export const PHASES = ["warmup", "idle", "active", "drain"] as const;
export type Phase = (typeof PHASES)[number];

/** A customer message the bench triggered, and who still has to see it. */
interface TrackedMessage {
  readonly ticketId: number;
  readonly messageId: number;
  /** Just before the sandbox created it: its created_datetime is at or after this. */
  readonly at: number;
  /** Agents whose first page does not show it yet. */
  readonly lists: Set<number>;
  /** Agents who had its ticket open when it arrived and whose thread does not show it yet. */
  readonly threads: Set<number>;
  readonly threadsRequired: number;
  lastSeenAt: number;
  droppedThreads: number;
}

export interface MessageFreshness {
  readonly seen: number[]; // seconds, for messages every required agent saw
  readonly unseen: number[]; // seconds from creation to the end of the run (lower bounds)
  /** Per agent and message (first page or open thread): seconds until that agent saw it. */
  readonly pairsSeen: readonly number[];
  readonly pairsUnseen: number;
  readonly threadRequirements: number;
  readonly threadsLeftBeforeSeen: number;
}

const versionKey = (id: number, updatedAt: string | null) => `${id}@${updatedAt ?? "-"}`;

/**
 * What the simulated agents saw, and when: freshness of customer messages in first pages and open
 * threads, ticket-open latencies, the ticket versions that had to be read (the minimum upstream
 * cost), writes, and failures. Phases are set by the bench; figures are kept per phase.
 */
export class Observations {
  phase: Phase = "warmup";
  readonly phaseStart = new Map<Phase, number>();
  private readonly messages: TrackedMessage[] = [];
  readonly openLatencyMs: number[] = [];
  /** Opens that failed (timed out, refused): the time until they did, a lower bound. */
  readonly openFailedMs: number[] = [];
  private readonly pairLatencies: number[] = [];
  readonly writeLatencyMs: number[] = [];
  /** Ticket versions the team saw first in this phase: each needed one read at least. */
  readonly newVersions = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
  readonly writes = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
  readonly counters = new Map<string, number>();
  /** A few messages of each kind of failure, to say what went wrong. */
  readonly samples = new Map<string, string[]>();
  private readonly summaries = new Set<string>();
  private readonly fullReads = new Set<string>();

  enter(phase: Phase, at = Date.now()): void {
    this.phase = phase;
    this.phaseStart.set(phase, at);
  }

  count(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  sample(key: string, message: string): void {
    const list = this.samples.get(key) ?? [];
    if (list.length < 2 && !list.includes(message)) list.push(message);
    this.samples.set(key, list);
  }

  private bump(map: Map<Phase, number>): void {
    map.set(this.phase, (map.get(this.phase) ?? 0) + 1);
  }

  /**
   * A version first seen in a list had to be read once for the whole team (a shared cache would
   * then serve its thread too); a thread of a version nobody read in full needs one read. Summaries
   * loaded during warm-up are the starting point, not changes.
   */
  private sawVersion(key: string, full: boolean): void {
    if (full) {
      if (this.fullReads.has(key)) return;
      this.fullReads.add(key);
      this.bump(this.newVersions);
      return;
    }
    if (this.summaries.has(key) || this.fullReads.has(key)) return;
    this.summaries.add(key);
    if (this.phase === "warmup") return;
    this.fullReads.add(key);
    this.bump(this.newVersions);
  }

  customerMessage(ticketId: number, messageId: number, at: number, agents: readonly number[], threadOpenBy: readonly number[]): void {
    this.messages.push({ ticketId, messageId, at, lists: new Set(agents), threads: new Set(threadOpenBy), threadsRequired: threadOpenBy.length, lastSeenAt: at, droppedThreads: 0 });
  }

  firstPage(agent: number, page: InboxPage, at = Date.now()): void {
    for (const t of page.items) this.sawVersion(versionKey(t.id, t.updatedAt), false);
    const oldest = page.items.at(-1)?.updatedAt;
    const boundary = oldest ? Date.parse(oldest) : Number.NEGATIVE_INFINITY;
    for (const m of this.messages) {
      if (!m.lists.has(agent)) continue;
      const item = page.items.find((t) => t.id === m.ticketId);
      const received = item?.lastReceivedMessageAt ? Date.parse(item.lastReceivedMessageAt) : Number.NEGATIVE_INFINITY;
      // Absent from a page whose every ticket changed after the message: it was pushed further down.
      const visible = item ? received >= m.at : page.nextCursor !== null && boundary > m.at;
      if (!visible) continue;
      m.lists.delete(agent);
      this.seenBy(m, at);
    }
  }

  thread(agent: number, thread: TicketThread, at = Date.now()): void {
    this.sawVersion(versionKey(thread.ticket.id, thread.ticket.updatedAt), true);
    for (const m of this.messages) {
      if (m.ticketId !== thread.ticket.id || !m.threads.has(agent)) continue;
      if (!thread.messages.some((x) => x.id === m.messageId)) continue;
      m.threads.delete(agent);
      this.seenBy(m, at);
    }
  }

  private seenBy(m: TrackedMessage, at: number): void {
    m.lastSeenAt = Math.max(m.lastSeenAt, at);
    this.pairLatencies.push((at - m.at) / 1000);
  }

  /** The agent closed a thread: messages it had not shown yet no longer wait for it. */
  leftThread(agent: number, ticketId: number): void {
    for (const m of this.messages) {
      if (m.ticketId === ticketId && m.threads.delete(agent)) m.droppedThreads += 1;
    }
  }

  write(latencyMs: number): void {
    this.bump(this.writes);
    this.writeLatencyMs.push(latencyMs);
  }

  pendingMessages(): number {
    return this.messages.filter((m) => m.lists.size + m.threads.size > 0).length;
  }

  freshness(end: number): MessageFreshness {
    const seen: number[] = [];
    const unseen: number[] = [];
    let threadRequirements = 0;
    let threadsLeftBeforeSeen = 0;
    let pairsUnseen = 0;
    for (const m of this.messages) {
      pairsUnseen += m.lists.size + m.threads.size;
      threadRequirements += m.threadsRequired;
      threadsLeftBeforeSeen += m.droppedThreads;
      if (m.lists.size + m.threads.size === 0) seen.push((m.lastSeenAt - m.at) / 1000);
      else unseen.push((end - m.at) / 1000);
    }
    return { seen, unseen, pairsSeen: this.pairLatencies, pairsUnseen, threadRequirements, threadsLeftBeforeSeen };
  }
}
