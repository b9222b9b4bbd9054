/**
 * Presence across instances: two hubs on one store (PGlite, and PostgreSQL with two connections
 * when TEST_DATABASE_URL is set) hear each other's tabs through NOTIFY, push them to their own
 * streams of that account only, never show an agent to themselves, and drop tabs that leave or go
 * quiet. A stream gets everyone present at connect, as id-less `presence` events.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import type { PresenceUpdate } from "@/lib/domain/presence";
import { storeTargets, useTestStore } from "../db/harness";

vi.mock("server-only", () => ({}));
const { PresenceHub } = await import("@/features/live/server/presence-hub");
const { LiveBus } = await import("@/features/live/server/bus");
const { liveStream } = await import("@/features/live/server/stream");

/** What one stream was pushed, for waiting on. */
function inbox() {
  const got: PresenceUpdate[] = [];
  return {
    got,
    push: (u: PresenceUpdate) => got.push(u),
    async next(count: number, timeoutMs = 5000): Promise<PresenceUpdate[]> {
      const deadline = Date.now() + timeoutMs;
      while (got.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${got.length} of ${count} presence updates: ${JSON.stringify(got)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return got.slice(0, count);
    },
  };
}

const quiet = () => new Promise((r) => setTimeout(r, 300));

describe.each(storeTargets())("presence across two instances on %s", (label, makeTarget) => {
  const t = useTestStore(makeTarget);
  let other: Store;
  let a: InstanceType<typeof PresenceHub>;
  let b: InstanceType<typeof PresenceHub>;
  beforeAll(async () => {
    // PGlite is one process with one handle; PostgreSQL gets a second instance's own connections.
    other = label === "postgres" ? await t.target.open() : t.store;
    a = new PresenceHub({ open: async () => t.store, ttlMs: 1_500 });
    b = new PresenceHub({ open: async () => other, ttlMs: 1_500 });
    await Promise.all([a.ensureListening(), b.ensureListening()]);
  });
  afterAll(async () => {
    if (other && other !== t.store) await other.close();
  });

  it("each instance's streams see tabs reported on the other, never their own agent, never another account's", async () => {
    const alexOnA = inbox();
    const samOnB = inbox();
    const acmeOnB = inbox();
    const stops = [a.subscribe("demo", 1, alexOnA.push), b.subscribe("demo", 2, samOnB.push), b.subscribe("acme", 9, acmeOnB.push)];
    try {
      expect(alexOnA.got).toEqual([{ full: true, entries: [] }]);

      await b.publish({ account: "demo", tab: "sam-tab-1", seq: 1, ticketId: 5, state: "viewing", userId: 2, name: "Sam" });
      expect((await alexOnA.next(2))[1]).toEqual({ full: false, entries: [{ ticketId: 5, userId: 2, name: "Sam", state: "viewing" }] });

      await a.publish({ account: "demo", tab: "alex-tab-1", seq: 1, ticketId: 5, state: "typing-note", userId: 1, name: "Alex Chen" });
      expect((await samOnB.next(2))[1]).toEqual({ full: false, entries: [{ ticketId: 5, userId: 1, name: "Alex Chen", state: "typing-note" }] });

      // A stream opened now on either instance gets both at once.
      const late = inbox();
      stops.push(b.subscribe("demo", 77, late.push));
      expect(late.got[0]?.full).toBe(true);
      expect(late.got[0]?.entries).toEqual(
        expect.arrayContaining([
          { ticketId: 5, userId: 2, name: "Sam", state: "viewing" },
          { ticketId: 5, userId: 1, name: "Alex Chen", state: "typing-note" },
        ]),
      );

      await b.publish({ account: "demo", tab: "sam-tab-1", seq: 2, ticketId: 5, state: "left", userId: 2, name: "Sam" });
      expect((await alexOnA.next(3))[2]).toEqual({ full: false, entries: [{ ticketId: 5, userId: 2, name: "Sam", state: null }] });

      await quiet();
      // Sam never saw himself, Alex saw only Sam; the other account heard nothing but its empty start.
      expect(samOnB.got.flatMap((u) => u.entries).every((e) => e.userId !== 2)).toBe(true);
      expect(alexOnA.got.flatMap((u) => u.entries).every((e) => e.userId !== 1)).toBe(true);
      expect(acmeOnB.got).toEqual([{ full: true, entries: [] }]);
    } finally {
      for (const stop of stops) stop();
    }
  });

  it("a tab that stops reporting expires on every instance", async () => {
    const onA = inbox();
    const onB = inbox();
    const stops = [a.subscribe("quiet", 100, onA.push), b.subscribe("quiet", 100, onB.push)];
    try {
      await a.publish({ account: "quiet", tab: "quiet-tab-1", seq: 1, ticketId: 6, state: "viewing", userId: 3, name: "Kim" });
      await Promise.all([onA.next(2), onB.next(2)]);
      const [goneA, goneB] = await Promise.all([onA.next(3), onB.next(3)]);
      for (const updates of [goneA, goneB]) expect(updates[2]).toEqual({ full: false, entries: [{ ticketId: 6, userId: 3, name: "Kim", state: null }] });
    } finally {
      for (const stop of stops) stop();
    }
  });

  it("rides the live stream: everyone present at connect, then changes, as presence events without ids", async () => {
    await a.publish({ account: "streams", tab: "stream-tab-1", seq: 1, ticketId: 8, state: "typing-reply", userId: 4, name: "Lee" });
    await new Promise((r) => setTimeout(r, 200));
    const abort = new AbortController();
    const res = await liveStream({
      account: "streams",
      lastEventId: null,
      signal: abort.signal,
      db: other.db,
      bus: new LiveBus(async () => other),
      attach: b.forStream("streams", 1),
    });
    const reader = res.body!.getReader();
    let text = "";
    const until = async (needle: string) => {
      const deadline = Date.now() + 5000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no ${needle} in ${text}`);
        const chunk = await reader.read();
        if (chunk.done) throw new Error("stream ended");
        text += new TextDecoder().decode(chunk.value);
      }
    };
    try {
      await until('"Lee"');
      expect(text).toContain(`event: presence\ndata: ${JSON.stringify({ full: true, entries: [{ ticketId: 8, userId: 4, name: "Lee", state: "typing-reply" }] })}\n\n`);
      await a.publish({ account: "streams", tab: "stream-tab-1", seq: 2, ticketId: 8, state: "left", userId: 4, name: "Lee" });
      await until('"state":null');
      const frames = text.split("\n\n").filter((f) => f.includes("event: presence"));
      expect(frames).toHaveLength(2);
      expect(frames.every((f) => !/^id:/m.test(f))).toBe(true);
    } finally {
      abort.abort();
    }
  });
});
