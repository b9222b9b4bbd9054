import "server-only";
import { createHash } from "node:crypto";
import {
  dropSnapshots,
  getSnapshot,
  getSnapshotHead,
  publishSignal,
  putSnapshot,
  rewriteSnapshotsUnder,
  snapshotsUnder,
  touchSnapshot,
  type Db,
  type Snapshot,
  type SnapshotHead,
} from "@/lib/db";
import { patchFirstPage, type SharedListPlan } from "@/lib/domain/list-patch";
import { withBodiesCut, type Message } from "@/lib/domain/message";
import type { Page } from "@/lib/domain/page";
import type { Ticket, TicketSummary } from "@/lib/domain/ticket";
import type { RawThread, TicketHeader } from "@/lib/domain/ticket-thread";
import { byCreated, summaryOf, wholeThreadOf, type ListedCount } from "@/lib/domain/ticket-summary";
import type { AppError } from "@/lib/errors";
import { ok, type Result } from "@/lib/result";
import { ByteLru, sameJson } from "@/lib/utils";

/** Entries from before a format change are not read back as the new shape. */
const FORMAT = "v1";
const TICKET = `${FORMAT}:ticket:`;
const LIST = `${FORMAT}:list:`;
const CUSTOMER = `${FORMAT}:customer:`;

/** Without a live feed an entry still serves the readers who ask at once (a burst after a signal). */
export const COALESCE_MS = 2_000;
/** A list changed in a way only Gorgias can sort out is read again, at most this often. */
export const RELIST_AFTER_MS = 1_500;
/** Cursors in a cached first page are Gorgias's and short-lived: the page is read again after this. */
export const LIST_MAX_AGE_MS = 60_000;

interface TicketEntry {
  readonly ticket: TicketHeader;
  /** Null when only the header is known (the thread is read on first open). */
  readonly messages: readonly Message[] | null;
  readonly partial: boolean;
}

interface ListEntry {
  readonly plan: SharedListPlan;
  readonly page: Page<TicketSummary>;
  /** Epoch ms since which a patch left the page unsure (a view's membership), else null. */
  readonly dirtySince: number | null;
  /** Changes applied lately, laid again over a page whose read was in flight meanwhile. */
  readonly recent: readonly { readonly at: number; readonly summary: TicketSummary }[];
}

/**
 * A customer with their store data is read again after this. The feed carries no customer changes,
 * so this age is all that bounds how stale the panel's orders are (it shows when they were read).
 */
export const CUSTOMER_MAX_AGE_MS = 10 * 60_000;

/** A customer record as cached, with the epoch ms of the read from Gorgias it comes from. */
export interface CachedRecord<T> {
  readonly value: T;
  readonly fetchedAt: number;
}

/** How long an applied change is kept for pages being read meanwhile (longer than any read). */
const RECENT_MS = 30_000;
/** Ticket entries this process read or wrote last, kept to spare reading them again (per account). */
const TICKET_MEMO_BYTES = 32 * 1024 * 1024;

/** A ticket entry as stored, with the stamp of its row version (lib/db/shared-snapshots.ts). */
interface StoredTicket {
  readonly body: TicketEntry;
  readonly version: string | null;
  readonly fetchedAt: Date;
  readonly stamp: string;
}

/**
 * What is kept of a ticket entry: each long body only as far as a thread shows it before "Show all"
 * (BODY_PREVIEW_CHARS), which reads the message from Gorgias again; so a thread of megabytes is not
 * written to the store, and read back from it, whole.
 */
const keptOf = (entry: TicketEntry): TicketEntry => (entry.messages ? { ...entry, messages: entry.messages.map(withBodiesCut) } : entry);

/** Roughly what an entry holds in memory: its bodies dominate. */
const ticketBytes = (entry: TicketEntry): number =>
  (entry.messages ?? []).reduce((sum, m) => sum + 2 * ((m.bodyHtml?.length ?? 0) + (m.strippedHtml?.length ?? 0) + (m.bodyText?.length ?? 0) + (m.strippedText?.length ?? 0)) + 2_048, 4_096);

function patchList(list: ListEntry, summary: TicketSummary, now: number): ListEntry {
  const patched = patchFirstPage(list.page, list.plan, summary);
  return {
    plan: list.plan,
    page: patched.page,
    dirtySince: patched.exact ? list.dirtySince : (list.dirtySince ?? now),
    recent: [...list.recent.filter((r) => now - r.at < RECENT_MS && r.summary.id !== summary.id), { at: now, summary }],
  };
}

export interface CachedThread extends RawThread {
  readonly version: string | null;
  /** Epoch ms of the read from Gorgias this comes from. */
  readonly fetchedAt: number;
}

/** A cached ticket whose thread may not be known yet. */
type CachedTicket = Omit<CachedThread, "messages"> & { readonly messages: readonly Message[] | null };
const hasThread = (t: CachedTicket | null): t is CachedThread => t?.messages != null;

export interface SharedCacheDeps {
  readonly account: string;
  readonly db: () => Promise<Db>;
  /** Whether the change feed is keeping entries fresh right now (see AccountDesk.feedLive). */
  readonly feedLive: () => Promise<boolean>;
  readonly now?: () => number;
}

export interface ThreadLoaders {
  /** `listed`: the ticket's `messages_count` in a cached list, when one shows it. */
  readonly thread: (listed: ListedCount | null) => Promise<Result<RawThread, AppError>>;
  readonly messages: () => Promise<Result<{ messages: Message[]; partial: boolean }, AppError>>;
}

const ticketKey = (id: number) => `${TICKET}${id}`;
const listKey = (scope: string, plan: SharedListPlan, limit: number) =>
  `${LIST}${scope}:${createHash("sha256").update(JSON.stringify({ plan, limit })).digest("hex").slice(0, 24)}`;

/**
 * The account's shared read cache (docs/architecture.md#shared-cache): tickets with their threads and
 * first pages of lists, in the store so every instance reads the same entries, kept fresh by the
 * change feed. A changed ticket is applied once — its entry replaced, every cached list patched —
 * and only then signalled, so the re-reads the signal causes are served from here. Reads of one
 * entry in this process share one upstream call.
 */
export class SharedCache {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly now: () => number;
  /**
   * The ticket entries this process last read or wrote, with their stamps: a thread whose row is
   * unchanged (a refresh, another agent opening it) costs a read of its head, not of its megabytes.
   */
  private readonly tickets = new ByteLru<{ readonly stamp: string; readonly body: TicketEntry }>(TICKET_MEMO_BYTES);

  constructor(private readonly deps: SharedCacheDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The ticket's cached version (its `updated_datetime`), or null when it is not cached. */
  async knownVersion(ticketId: number): Promise<string | null> {
    return (await getSnapshotHead(await this.deps.db(), this.deps.account, ticketKey(ticketId)))?.version ?? null;
  }

  /** The messages cached for a ticket, however old: only to vouch that a fresh read is whole. */
  async knownMessages(ticketId: number): Promise<readonly Message[] | null> {
    return (await this.storedTicket(await this.deps.db(), ticketKey(ticketId)))?.body.messages ?? null;
  }

  /**
   * The ticket and its thread: from the cache while it can be trusted, else read once for everyone.
   * Whoever waited on a read gets the cache's entry afterwards, so a change the feed applied while
   * the read was in flight is not hidden behind the older answer.
   */
  async thread(ticketId: number, load: ThreadLoaders): Promise<Result<CachedThread, AppError>> {
    const cached = await this.cachedThread(ticketId);
    if (hasThread(cached)) return ok(cached);
    const read = await this.once(ticketKey(ticketId), () => this.readThread(ticketId, cached, load));
    if (!read.ok) return read;
    // The entry's head first: a thread's body can be megabytes, read again only when it is newer.
    const head = await getSnapshotHead(await this.deps.db(), this.deps.account, ticketKey(ticketId));
    const newer = head?.version != null && read.value.version !== null && Date.parse(head.version) > Date.parse(read.value.version);
    const after = newer ? await this.cachedThread(ticketId) : null;
    return ok(hasThread(after) ? after : read.value);
  }

  /** The first page of a list for a scope (lib/domain/sharing.ts), read again when a patch could not be sure. */
  async firstPage(scope: string, plan: SharedListPlan, limit: number, load: () => Promise<Result<Page<TicketSummary>, AppError>>): Promise<Result<Page<TicketSummary>, AppError>> {
    const key = listKey(scope, plan, limit);
    const db = await this.deps.db();
    const entry = await getSnapshot(db, this.deps.account, key);
    const body = entry?.body as ListEntry | undefined;
    if (entry && body && (await this.listUsable(entry, body))) return ok(body.page);
    return this.once(key, async () => {
      const startedAt = this.now();
      const read = await load();
      if (!read.ok) return read;
      return ok(await this.storeList(db, key, plan, read.value, startedAt));
    });
  }
  /**
   * A customer's whole record (the ticket's customer panel) for a scope (lib/domain/sharing.ts):
   * read from Gorgias at most once per CUSTOMER_MAX_AGE_MS for everyone in the scope, and once
   * for all who ask at the same time.
   */
  async customer<T>(scope: string, customerId: number, load: () => Promise<Result<T, AppError>>): Promise<Result<CachedRecord<T>, AppError>> {
    const key = `${CUSTOMER}${scope}:${customerId}`;
    const db = await this.deps.db();
    const entry = await getSnapshot(db, this.deps.account, key);
    if (entry && this.now() - entry.fetchedAt.getTime() < CUSTOMER_MAX_AGE_MS) return ok({ value: entry.body as T, fetchedAt: entry.fetchedAt.getTime() });
    return this.once(key, async () => {
      const read = await load();
      if (!read.ok) return read;
      const fetchedAt = this.now();
      await putSnapshot(db, this.deps.account, { key, version: null, body: read.value, fetchedAt: new Date(fetchedAt) });
      return ok({ value: read.value, fetchedAt });
    });
  }

  /**
   * The stored first page of a list however old, or null: never a read of Gorgias. For figures that
   * may lag (the sidebar's view counts), not for a list on screen.
   */
  async peekFirstPage(scope: string, plan: SharedListPlan, limit: number): Promise<Page<TicketSummary> | null> {
    const entry = await getSnapshot(await this.deps.db(), this.deps.account, listKey(scope, plan, limit));
    return (entry?.body as ListEntry | undefined)?.page ?? null;
  }

  /**
   * A ticket as Gorgias now gives it (a feed re-read, or a write's answer): its entry replaced unless
   * a newer one is held, every cached list patched, and a signal for every instance's browsers when
   * the version is new. No upstream call: a thread the embedded messages don't cover is re-read on
   * its next open. Returns whether the version was new.
   */
  async applyTicket(ticket: Ticket): Promise<boolean> {
    const db = await this.deps.db();
    const key = ticketKey(ticket.id);
    const known = (await this.storedTicket(db, key))?.body.messages ?? null;
    // A list row from before the change vouches for the older part of the embedded thread.
    const messages = wholeThreadOf(ticket, known, known ? null : await this.listedCount(ticket.id));
    const { messages: _embedded, ...header } = ticket;
    const { written, previousVersion } = await this.putTicket(db, {
      key,
      version: ticket.updatedAt,
      body: { ticket: header, messages, partial: false },
      fetchedAt: new Date(this.now()),
    });
    // The same version again (a send's fresh read of what the feed already applied) changes no list.
    if (!written || (previousVersion !== null && previousVersion === ticket.updatedAt)) return false;
    await rewriteSnapshotsUnder(db, this.deps.account, LIST, (entry) => {
      const list = entry.body as ListEntry;
      const previous = list.page.items.find((t) => t.id === ticket.id) ?? null;
      return patchList(list, summaryOf(header, messages, previous), this.now());
    });
    await publishSignal(db, this.deps.account, { kind: "ticket", ticketId: ticket.id, version: ticket.updatedAt });
    return true;
  }

  /** A message we just created: the cached thread shows it at once; the feed brings the rest. */
  async noteMessage(message: Message): Promise<void> {
    const db = await this.deps.db();
    const key = ticketKey(message.ticketId);
    const entry = await this.storedTicket(db, key);
    const body = entry?.body;
    if (!entry || !body?.messages || body.messages.some((m) => m.id === message.id)) return;
    await this.putTicket(db, { key, version: entry.version, fetchedAt: entry.fetchedAt, body: { ...body, messages: [...body.messages, message].sort(byCreated) } });
  }

  /**
   * The feed starts tracking at `since` (a fresh start of the event log): an entry read before it
   * cannot be vouched for; one read after it is kept current by the log from then on.
   */
  async forgetBefore(since: Date): Promise<void> {
    await dropSnapshots(await this.deps.db(), this.deps.account, "", since);
  }

  /** The cached entry while it can be trusted; `messages` null when only its header is known. */
  private async cachedThread(ticketId: number): Promise<CachedTicket | null> {
    const db = await this.deps.db();
    // Whether it is trusted is decided on its head, so an entry about to be read again is not loaded first.
    const head = await getSnapshotHead(db, this.deps.account, ticketKey(ticketId));
    if (!head || !(await this.trusts(head))) return null;
    const entry = await this.storedTicket(db, ticketKey(ticketId), head);
    if (!entry) return null;
    const { body } = entry;
    return { ticket: body.ticket, messages: body.messages, partial: body.partial, version: entry.version, fetchedAt: entry.fetchedAt.getTime() };
  }

  /** A ticket entry: from this process's memo while the stored row is the one it holds, else from the store. */
  private async storedTicket(db: Db, key: string, knownHead?: SnapshotHead): Promise<StoredTicket | null> {
    const head = knownHead ?? (await getSnapshotHead(db, this.deps.account, key));
    if (!head) return null;
    const memo = this.tickets.get(key);
    if (memo?.stamp === head.stamp) return { body: memo.body, version: head.version, fetchedAt: head.fetchedAt, stamp: head.stamp };
    const entry = await getSnapshot(db, this.deps.account, key);
    if (!entry) return null;
    const body = entry.body as TicketEntry;
    this.tickets.set(key, { stamp: entry.stamp, body }, ticketBytes(body));
    return { body, version: entry.version, fetchedAt: entry.fetchedAt, stamp: entry.stamp };
  }

  /**
   * Writes a ticket entry (putSnapshot's rules) and remembers what was written. A re-read that
   * found what this process last wrote or read only renews the entry's read time: the same
   * megabytes are not written again.
   */
  private async putTicket(db: Db, given: { key: string; version: string | null; body: TicketEntry; fetchedAt: Date }) {
    const entry = { ...given, body: keptOf(given.body) };
    const memo = this.tickets.get(entry.key);
    if (memo && sameJson(memo.body, entry.body)) {
      const stamp = await touchSnapshot(db, this.deps.account, entry.key, memo.stamp, entry.fetchedAt);
      if (stamp !== null) {
        this.tickets.set(entry.key, { stamp, body: memo.body }, ticketBytes(memo.body));
        return { written: true, stamp, previousVersion: entry.version, body: memo.body };
      }
    }
    const put = await putSnapshot(db, this.deps.account, entry);
    if (put.stamp !== null) this.tickets.set(entry.key, { stamp: put.stamp, body: entry.body }, ticketBytes(entry.body));
    return { ...put, body: entry.body };
  }

  private async readThread(
    ticketId: number,
    cached: CachedTicket | null,
    load: ThreadLoaders,
  ): Promise<Result<CachedThread, AppError>> {
    const db = await this.deps.db();
    if (cached) {
      // The feed keeps the header current; only the messages are missing.
      const read = await load.messages();
      if (!read.ok) return read;
      const body = { ticket: cached.ticket, messages: read.value.messages, partial: read.value.partial };
      const kept = await this.putTicket(db, { key: ticketKey(ticketId), version: cached.version, body, fetchedAt: new Date(cached.fetchedAt) });
      return ok({ ...cached, ...kept.body, messages: kept.body.messages ?? [] });
    }
    const read = await load.thread(await this.listedCount(ticketId));
    if (!read.ok) return read;
    const fetchedAt = this.now();
    // Served as it is kept, so the next reader from the cache gets the same thread.
    const kept = await this.putTicket(db, { key: ticketKey(ticketId), version: read.value.ticket.updatedAt, body: read.value, fetchedAt: new Date(fetchedAt) });
    return ok({ ...read.value, messages: kept.body.messages ?? [], version: read.value.ticket.updatedAt, fetchedAt });
  }

  /** The ticket's message count as a cached list shows it, if one does. */
  private async listedCount(ticketId: number): Promise<ListedCount | null> {
    for (const entry of await snapshotsUnder(await this.deps.db(), this.deps.account, LIST)) {
      const row = (entry.body as ListEntry).page.items.find((t) => t.id === ticketId);
      if (row?.messagesCount != null) return { count: row.messagesCount, asOf: row.updatedAt };
    }
    return null;
  }

  /**
   * Stores a page just read, with the changes applied since the read started laid over it again:
   * the page Gorgias gave may predate them.
   */
  private async storeList(db: Db, key: string, plan: SharedListPlan, page: Page<TicketSummary>, startedAt: number): Promise<Page<TicketSummary>> {
    const fetchedAt = new Date(this.now());
    let stored = page;
    const rewritten = await rewriteSnapshotsUnder(db, this.deps.account, key, (entry) => {
      const old = entry.body as ListEntry;
      const recent = old.recent.filter((r) => r.at >= startedAt);
      let next: ListEntry = { plan, page, dirtySince: null, recent };
      for (const r of recent) next = patchList(next, r.summary, this.now());
      stored = next.page;
      return { ...next, recent };
    }, fetchedAt);
    if (rewritten === 0) {
      await putSnapshot(db, this.deps.account, { key, version: null, body: { plan, page, dirtySince: null, recent: [] } satisfies ListEntry, fetchedAt });
    }
    return stored;
  }

  private async trusts(entry: Pick<Snapshot, "fetchedAt">): Promise<boolean> {
    return this.now() - entry.fetchedAt.getTime() < COALESCE_MS || (await this.deps.feedLive());
  }

  private async listUsable(entry: Snapshot, body: ListEntry): Promise<boolean> {
    const age = this.now() - entry.fetchedAt.getTime();
    if (age >= LIST_MAX_AGE_MS) return false;
    if (body.dirtySince !== null && this.now() - body.dirtySince >= RELIST_AFTER_MS) return false;
    return this.trusts(entry);
  }

  private once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = run().finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }
}
