/**
 * The change feed over a real store (PGlite) and the shared cache on it: hints become as few
 * ticket re-reads as possible and each new version exactly one signal; repeats and stale hints cost
 * nothing, whichever instance's feed saw the version first.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { latestSignalSeq, signalsSince, type Store } from "@/lib/db";
import { err, ok } from "@/lib/result";
import { ticketOf } from "@/tests/support/domain-fixtures";
import { pgliteTarget, type TestTarget } from "../db/harness";

vi.mock("server-only", () => ({}));
const { createFeed } = await import("@/features/live/server/feed");
const { SharedCache } = await import("@/features/live/server/shared-cache");

describe("change feed", () => {
  let target: TestTarget;
  let store: Store;
  beforeAll(async () => {
    target = await pgliteTarget();
    store = await target.open();
  });
  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });

  function setup(account: string) {
    const versions = new Map<number, string>();
    const reads: number[] = [];
    let failNext = false;
    const cache = new SharedCache({ account, db: async () => store.db, feedLive: async () => true });
    const feed = createFeed({
      account,
      db: store.db,
      cache,
      readTicket: async (id) => {
        reads.push(id);
        await new Promise((r) => setTimeout(r, 20));
        if (failNext) {
          failNext = false;
          return err(new Error("unavailable"));
        }
        return ok(ticketOf(id, versions.get(id) ?? "2026-11-29T10:00:00.000Z"));
      },
    });
    const signals = async (from: number) => signalsSince(store.db, account, from);
    return { feed, cache, versions, reads, signals, failNext: () => (failNext = true) };
  }

  it("a hint re-reads the ticket once and publishes its version once", async () => {
    const { feed, versions, reads, signals } = setup("feed-a");
    const start = await latestSignalSeq(store.db, "feed-a");
    versions.set(1, "2026-11-29T10:00:01.000Z");
    expect(await feed.hint({ ticketId: 1 })).toBe("published");
    expect(reads).toEqual([1]);
    expect((await signals(start)).map((s) => [s.kind, s.ticketId, s.version])).toEqual([["ticket", 1, "2026-11-29T10:00:01.000Z"]]);
    // Gorgias says nothing changed since: no second signal.
    expect(await feed.hint({ ticketId: 1 })).toBe("unchanged");
    expect(await signals(start)).toHaveLength(1);
  });

  it("a repeated delivery is handled once, and a hint no newer than what was published is not re-read", async () => {
    const { feed, versions, reads } = setup("feed-b");
    versions.set(2, "2026-11-29T11:00:00.000Z");
    expect(await feed.hint({ ticketId: 2, dedupeKey: "delivery-1", version: "2026-11-29T11:00:00.000Z" })).toBe("published");
    expect(await feed.hint({ ticketId: 2, dedupeKey: "delivery-1", version: "2026-11-29T11:00:00.000Z" })).toBe("duplicate");
    expect(await feed.hint({ ticketId: 2, dedupeKey: "delivery-0", version: "2026-11-29T10:59:00.000Z" })).toBe("unchanged");
    expect(reads).toEqual([2]);
  });

  it("a burst of hints for one ticket costs one read (plus one after it for changes it may have missed)", async () => {
    const { feed, versions, reads, signals } = setup("feed-c");
    const start = await latestSignalSeq(store.db, "feed-c");
    versions.set(3, "2026-11-29T12:00:00.000Z");
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => feed.hint({ ticketId: 3 })));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.length).toBeLessThanOrEqual(2);
    expect(outcomes).toContain("published");
    expect(outcomes.every((o) => o === "published" || o === "unchanged")).toBe(true);
    expect(await signals(start)).toHaveLength(1);
  });

  it("a version another instance already applied is neither re-read nor signalled again", async () => {
    const first = setup("feed-e");
    const second = setup("feed-e");
    const start = await latestSignalSeq(store.db, "feed-e");
    first.versions.set(5, "2026-11-29T13:00:00.000Z");
    expect(await first.feed.hint({ ticketId: 5, version: "2026-11-29T13:00:00.000Z" })).toBe("published");
    expect(await second.feed.hint({ ticketId: 5, version: "2026-11-29T13:00:00.000Z" })).toBe("unchanged");
    expect(second.reads).toEqual([]);
    expect(await first.signals(start)).toHaveLength(1);
  });

  it("deliveries of one version spread over two instances at once cost one read", async () => {
    const first = setup("feed-f");
    const second = setup("feed-f");
    for (const f of [first, second]) f.versions.set(6, "2026-11-29T14:00:00.000Z");
    const outcomes = await Promise.all([
      first.feed.hint({ ticketId: 6, version: "2026-11-29T14:00:00.000Z", dedupeKey: "message-created-1" }),
      second.feed.hint({ ticketId: 6, version: "2026-11-29T14:00:00.000Z", dedupeKey: "ticket-updated-1" }),
    ]);
    expect(outcomes.sort()).toEqual(["duplicate", "published"]);
    expect(first.reads.length + second.reads.length).toBe(1);
  });

  it("a version whose read failed is read again on its next delivery", async () => {
    const { feed, reads, failNext } = setup("feed-g");
    failNext();
    expect(await feed.hint({ ticketId: 7, version: "2026-11-29T10:00:00.000Z" })).toBe("failed");
    expect(await feed.hint({ ticketId: 7, version: "2026-11-29T10:00:00.000Z" })).toBe("published");
    expect(reads).toEqual([7, 7]);
  });

  it("a failed re-read publishes nothing, and the next hint tries again", async () => {
    const { feed, reads, signals, failNext } = setup("feed-d");
    const start = await latestSignalSeq(store.db, "feed-d");
    failNext();
    expect(await feed.hint({ ticketId: 4 })).toBe("failed");
    expect(await signals(start)).toHaveLength(0);
    expect(await feed.hint({ ticketId: 4 })).toBe("published");
    expect(reads).toEqual([4, 4]);
  });
});
