/**
 * The account's shared cache against the sandbox, on PGlite and (with TEST_DATABASE_URL) PostgreSQL:
 * many agents reading the same ticket or list cost one upstream read, on one instance or several;
 * a change is read once, applied to the thread and every cached list, and only then signalled; an
 * older read never hides a newer version; without a live feed entries serve only a burst.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getSnapshotHead, latestSignalSeq, putSnapshot, signalsSince, touchSnapshot } from "@/lib/db";
import type { SharedListPlan } from "@/lib/domain/list-patch";
import { BODY_PREVIEW_CHARS } from "@/lib/domain/message";
import type { Page } from "@/lib/domain/page";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { ListedCount } from "@/lib/domain/ticket-summary";
import type { GorgiasClient } from "@/lib/gorgias";
import { ok } from "@/lib/result";
import { messageOf, ticketOf } from "@/tests/support/domain-fixtures";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { storeTargets, useTestStore } from "../db/harness";
import { clientFor, must } from "../gorgias/setup";

vi.mock("server-only", () => ({}));
const { SharedCache, COALESCE_MS, RELIST_AFTER_MS } = await import("@/features/live/server/shared-cache");
const { createFeed } = await import("@/features/live/server/feed");
const { readMessages, readThread } = await import("@/features/live/server/thread-reads");
const { fromUpstream } = await import("@/lib/errors");

const ALL: SharedListPlan = { kind: "list", orderBy: "updated_datetime:desc" };

let sb: TestSandbox;
let admin: GorgiasClient;
let agent: GorgiasClient;
beforeAll(async () => {
  sb = await startTestSandbox();
  admin = await clientFor(sb, "admin");
  agent = await clientFor(sb, "agent");
});
afterAll(async () => {
  await sb?.close();
});

/** A customer writes in, as Gorgias would receive an e-mail. */
async function customerWrites(ticketId: number, text: string): Promise<void> {
  const who = await sb.agent("admin");
  const res = await fetch(`${sb.apiBase("demo")}/tickets/${ticketId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${who.email}:${who.api_key}`).toString("base64")}` },
    body: JSON.stringify({
      channel: "email",
      via: "email",
      from_agent: false,
      public: true,
      sender: { email: "cache.customer@example.com" },
      source: { type: "email", from: { address: "cache.customer@example.com" }, to: [{ address: "support@demo.store" }] },
      body_text: text,
      body_html: `<p>${text}</p>`,
    }),
  });
  if (!res.ok) throw new Error(`sandbox refused the customer message: ${res.status}`);
}

const upstream = async () => (await sb.control.requests()).filter((r) => r.path.startsWith("/api/"));
const loaders = (gorgias: GorgiasClient, ticketId: number) => ({
  thread: (listed: ListedCount | null) => readThread(gorgias, ticketId, "read", listed),
  messages: () => readMessages(gorgias, ticketId, "read"),
});
const listLoader = (gorgias: GorgiasClient) => async () => {
  const page = await gorgias.tickets.list({ limit: 10, orderBy: "updated_datetime:desc" });
  return page.ok ? ok(page.value) : { ok: false as const, error: fromUpstream(page.error) };
};

for (const [label, open] of storeTargets()) {
  describe(`shared cache (${label})`, () => {
    const opened = useTestStore(open);
    let account: string;
    let run = 0;
    beforeEach(async () => {
      await sb.control.reset();
      await sb.control.clearRequests();
      account = `cache-${label}-${++run}`;
    });
    const instance = (feedLive = true, now?: () => number) => new SharedCache({ account, db: async () => opened.store.db, feedLive: async () => feedLive, now });
    const firstTicket = async () => must(await agent.tickets.list({ limit: 1, orderBy: "updated_datetime:desc" })).items[0]!.id;

    it("fifty agents opening one ticket, on two instances, cost one read of it", async () => {
      const id = await firstTicket();
      await sb.control.clearRequests();
      const [a, b] = [instance(), instance()];
      const reads = await Promise.all(Array.from({ length: 25 }, () => a.thread(id, loaders(agent, id))));
      const later = await Promise.all(Array.from({ length: 25 }, () => b.thread(id, loaders(admin, id))));
      expect([...reads, ...later].every((r) => r.ok && r.value.ticket.id === id && r.value.messages.length > 0)).toBe(true);
      const calls = await upstream();
      expect(calls.map((c) => c.path).sort()).toEqual(["/api/messages", `/api/tickets/${id}`]);
    });

    it("an unchanged thread is served from this process's memory; a write by another instance is read from the store", async () => {
      const [a, b] = [instance(), instance()];
      const id = await firstTicket();
      const first = must(await a.thread(id, loaders(agent, id)));
      // The same objects: the entry's row did not change, so its body was not read again.
      const again = must(await a.thread(id, loaders(agent, id)));
      expect(again.messages).toBe(first.messages);
      const newer = ticketOf(id, new Date(Date.parse(first.ticket.updatedAt!) + 60_000).toISOString(), [...first.messages, messageOf(990_001, id, new Date().toISOString())]);
      expect(await b.applyTicket(newer)).toBe(true);
      const after = must(await a.thread(id, loaders(agent, id)));
      expect(after.ticket.updatedAt).toBe(newer.updatedAt);
      expect(after.messages.map((m) => m.id)).toContain(990_001);
    });

    it("a re-read that finds the thread unchanged renews the entry without writing its body again", async () => {
      let clock = Date.now();
      const cache = instance(false, () => clock);
      const id = await firstTicket();
      const first = must(await cache.thread(id, loaders(agent, id)));
      clock += COALESCE_MS;
      // Read from Gorgias again, the thread served is still the one first written: the entry was only touched.
      expect(must(await cache.thread(id, loaders(agent, id))).messages).toBe(first.messages);
      expect(must(await cache.thread(id, loaders(agent, id))).messages).toBe(first.messages);
      expect((await upstream()).filter((c) => c.path === `/api/tickets/${id}`)).toHaveLength(2);
    });

    it("a long body is kept only as far as a thread shows it, with its whole length", async () => {
      const cache = instance();
      const id = await firstTicket();
      const long = `<p>${"x".repeat(BODY_PREVIEW_CHARS + 5_000)}</p>`;
      const message = messageOf(990_002, id, new Date().toISOString(), { body_html: long, body_text: "short" });
      const base = must(await cache.thread(id, loaders(agent, id)));
      await cache.applyTicket(ticketOf(id, new Date(Date.parse(base.ticket.updatedAt!) + 60_000).toISOString(), [...base.messages, message]));
      const kept = must(await instance().thread(id, loaders(agent, id))).messages.find((m) => m.id === 990_002)!;
      expect(kept.bodyHtml).toHaveLength(BODY_PREVIEW_CHARS);
      expect(kept.bodyText).toBe("short");
      expect(kept.sourceLengths).toEqual({ bodyHtml: long.length, strippedHtml: 0, bodyText: 5, strippedText: 0 });
    });

    it("an entry is touched only while its row is the one its stamp names", async () => {
      const db = opened.store.db;
      const written = await putSnapshot(db, account, { key: "t", version: null, body: { n: 1 }, fetchedAt: new Date(1_000) });
      const later = new Date(2_000);
      const touched = await touchSnapshot(db, account, "t", written.stamp!, later);
      expect(touched).not.toBeNull();
      expect(await getSnapshotHead(db, account, "t")).toMatchObject({ fetchedAt: later, stamp: touched });
      expect(await touchSnapshot(db, account, "t", written.stamp!, new Date(3_000))).toBeNull();
    });

    it("a ticket a cached list shows opens with one call: its row's message count vouches for the embedded thread", async () => {
      const cache = instance();
      const row = must(await cache.firstPage("account", ALL, 10, listLoader(agent))).items[0]!;
      await sb.control.clearRequests();
      const thread = must(await cache.thread(row.id, loaders(agent, row.id)));
      expect(thread.messages).toHaveLength(row.messagesCount!);
      expect((await upstream()).map((c) => c.path)).toEqual([`/api/tickets/${row.id}`]);
    });

    it("a change is read once, patched into the open thread and the list, and signalled once after", async () => {
      const cache = instance();
      const feed = createFeed({ account, db: opened.store.db, cache, readTicket: (id) => admin.tickets.get(id, { priority: "refresh" }) });
      const page = must(await cache.firstPage("account", ALL, 10, listLoader(agent)));
      const quiet = page.items.at(-1)!.id;
      must(await cache.thread(quiet, loaders(agent, quiet)));
      const from = await latestSignalSeq(opened.store.db, account);
      await sb.control.clearRequests();

      const text = `Where is my parcel ${Date.now()}`;
      await customerWrites(quiet, text);
      await sb.control.clearRequests();
      expect(await feed.hint({ ticketId: quiet })).toBe("published");

      const list = must(await cache.firstPage("account", ALL, 10, listLoader(agent)));
      expect(list.items[0]).toMatchObject({ id: quiet, excerpt: text });
      const thread = must(await cache.thread(quiet, loaders(agent, quiet)));
      expect(thread.messages.at(-1)?.bodyText).toBe(text);
      expect((await upstream()).map((c) => c.path)).toEqual([`/api/tickets/${quiet}`]);
      const signals = await signalsSince(opened.store.db, account, from);
      expect(signals.map((s) => [s.ticketId, s.version])).toEqual([[quiet, thread.ticket.updatedAt]]);
    });

    it("a changed ticket only a list showed gets its whole thread from the feed's one read: opening it then costs nothing", async () => {
      const cache = instance();
      const feed = createFeed({ account, db: opened.store.db, cache, readTicket: (id) => admin.tickets.get(id, { priority: "refresh" }) });
      const listed = must(await cache.firstPage("account", ALL, 10, listLoader(agent))).items.at(-1)!;
      const text = `Any news? ${Date.now()}`;
      await customerWrites(listed.id, text);
      await sb.control.clearRequests();
      expect(await feed.hint({ ticketId: listed.id })).toBe("published");
      const thread = must(await cache.thread(listed.id, loaders(agent, listed.id)));
      expect(thread.messages).toHaveLength(listed.messagesCount! + 1);
      expect(thread.messages.at(-1)?.bodyText).toBe(text);
      expect((await upstream()).map((c) => c.path)).toEqual([`/api/tickets/${listed.id}`]);
    });

    it("what a write returns is applied at once: the writer's re-read and the list show it without a call", async () => {
      const cache = instance();
      must(await cache.firstPage("account", ALL, 10, listLoader(agent)));
      const id = await firstTicket();
      must(await cache.thread(id, loaders(agent, id)));
      const closed = must(await agent.tickets.update(id, { status: "closed" }));
      await cache.applyTicket(closed);
      await sb.control.clearRequests();
      expect(must(await cache.thread(id, loaders(agent, id))).ticket.status).toBe("closed");
      expect(must(await cache.firstPage("account", ALL, 10, listLoader(agent))).items.find((t) => t.id === id)?.status).toBe("closed");
      expect(await upstream()).toEqual([]);
    });

    it("an older read finishing late never replaces a newer version", async () => {
      const cache = instance();
      const newer = ticketOf(41, "2026-11-29T12:00:05Z", [messageOf(410, 41, "2026-11-29T12:00:05Z")]);
      const older = ticketOf(41, "2026-11-29T12:00:00Z", []);
      let finish!: () => void;
      let messageReads = 0;
      const load = (gate: boolean) => ({
        thread: async () => {
          if (gate) await new Promise<void>((r) => (finish = r));
          const { messages: _m, ...header } = older;
          return ok({ ticket: header, messages: [], partial: false });
        },
        messages: async () => (messageReads++, ok({ messages: [...newer.messages], partial: false })),
      });
      const slow = cache.thread(41, load(true));
      await vi.waitFor(() => expect(finish).toBeTypeOf("function"));
      await cache.applyTicket(newer);
      finish();
      // The slow reader gets what it read; the cache keeps the newer version, whose signal makes
      // the browser read again — and that read gets the newer ticket, fetching only its messages.
      must(await slow);
      expect(await cache.knownVersion(41)).toBe(newer.updatedAt);
      const again = must(await cache.thread(41, load(false)));
      expect(again.ticket.updatedAt).toBe(newer.updatedAt);
      expect(again.messages.map((m) => m.id)).toEqual([410]);
      expect(messageReads).toBe(1);
    });

    it("a list read in flight while a change lands keeps the change", async () => {
      const cache = instance();
      const stale = must(await listLoader(agent)());
      let finish!: () => void;
      const reading = cache.firstPage("account", ALL, 10, async () => {
        await new Promise<void>((r) => (finish = r));
        return ok(stale);
      });
      await vi.waitFor(() => expect(finish).toBeTypeOf("function"));
      // Seed the entry the change patches (another reader stored it meanwhile).
      must(await instance().firstPage("account", ALL, 10, async () => ok(stale)));
      const moved = stale.items.at(-1)!;
      await cache.applyTicket(ticketOf(moved.id, new Date(Date.now() + 60_000).toISOString(), []));
      finish();
      const page: Page<TicketSummary> = must(await reading);
      expect(page.items[0]?.id).toBe(moved.id);
    });

    it("without a live feed an entry serves a burst of readers only; then Gorgias is asked again", async () => {
      let clock = Date.now();
      const cache = instance(false, () => clock);
      const id = await firstTicket();
      await sb.control.clearRequests();
      must(await cache.thread(id, loaders(agent, id)));
      must(await cache.thread(id, loaders(agent, id)));
      expect(await upstream()).toHaveLength(2);
      clock += COALESCE_MS;
      must(await cache.thread(id, loaders(agent, id)));
      expect(await upstream()).toHaveLength(4);
    });

    it("a view whose membership a change leaves unsure is read again, at most once per interval", async () => {
      let clock = Date.now();
      const cache = instance(true, () => clock);
      const view: SharedListPlan = { kind: "view", viewId: 1, orderBy: "updated_datetime:desc" };
      const stale = must(await listLoader(agent)());
      let reads = 0;
      const load = async () => (reads++, ok(stale));
      must(await cache.firstPage("account", view, 10, load));
      await cache.applyTicket(ticketOf(stale.items[0]!.id, new Date(clock + 60_000).toISOString(), []));
      must(await cache.firstPage("account", view, 10, load));
      expect(reads).toBe(1);
      clock += RELIST_AFTER_MS;
      must(await cache.firstPage("account", view, 10, load));
      must(await cache.firstPage("account", view, 10, load));
      expect(reads).toBe(2);
    });
  });
}
