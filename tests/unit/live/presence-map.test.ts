import { describe, expect, it } from "vitest";
import { PresenceMap } from "@/features/live/server/presence-map";
import type { PresenceNotice } from "@/lib/domain/contract/presence";

const TTL = 30_000;
let seq = 0;
const notice = (over: Partial<PresenceNotice>): PresenceNotice => ({
  account: "demo",
  tab: "tab-alex-1",
  userId: 1,
  name: "Alex Chen",
  ticketId: 10,
  state: "viewing",
  seq: ++seq,
  ttlMs: TTL,
  ...over,
});

describe("the presence map", () => {
  it("reports a new viewer, stays quiet on a heartbeat, and reports a change of state", () => {
    const map = new PresenceMap();
    expect(map.apply(notice({}), 0)).toEqual({ account: "demo", entries: [{ ticketId: 10, userId: 1, name: "Alex Chen", state: "viewing" }] });
    expect(map.apply(notice({}), 10_000).entries).toEqual([]);
    expect(map.apply(notice({ state: "typing-note" }), 12_000).entries).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: "typing-note" }]);
    expect(map.apply(notice({ state: "typing-reply" }), 13_000).entries).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: "typing-reply" }]);
    expect(map.snapshot("demo")).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: "typing-reply" }]);
  });

  it("drops a tab at once when it leaves, naming who left", () => {
    const map = new PresenceMap();
    map.apply(notice({ tab: "t-leave" }), 0);
    expect(map.apply(notice({ tab: "t-leave", state: "left" }), 1_000).entries).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: null }]);
    expect(map.snapshot("demo")).toEqual([]);
    // Leaving twice (unmount, then pagehide) says nothing more.
    expect(map.apply(notice({ tab: "t-leave", state: "left" }), 1_100).entries).toEqual([]);
  });

  it("expires a tab not heard from within its time to live, and only then", () => {
    const map = new PresenceMap();
    map.apply(notice({ tab: "t-exp" }), 0);
    expect(map.nextExpiry()).toBe(TTL);
    expect(map.sweep(TTL - 1)).toEqual([]);
    map.apply(notice({ tab: "t-exp" }), 20_000); // a heartbeat pushes expiry out
    expect(map.sweep(TTL + 1)).toEqual([]);
    expect(map.nextExpiry()).toBe(20_000 + TTL);
    expect(map.sweep(20_000 + TTL)).toEqual([{ account: "demo", entries: [{ ticketId: 10, userId: 1, name: "Alex Chen", state: null }] }]);
    expect(map.snapshot("demo")).toEqual([]);
    expect(map.nextExpiry()).toBeNull();
  });

  it("shows one entry per agent and ticket, the strongest state among their tabs", () => {
    const map = new PresenceMap();
    map.apply(notice({ tab: "a" }), 0);
    expect(map.apply(notice({ tab: "b", state: "typing-reply" }), 0).entries).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: "typing-reply" }]);
    expect(map.snapshot("demo")).toHaveLength(1);
    // The typing tab leaves; the other still views: a change, not a departure.
    expect(map.apply(notice({ tab: "b", state: "left" }), 1).entries).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: "viewing" }]);
    // Another tab of the same agent expiring while one remains changes nothing.
    map.apply(notice({ tab: "c" }), 2);
    map.apply(notice({ tab: "a" }), 20_000);
    expect(map.sweep(2 + TTL)).toEqual([]);
    expect(map.snapshot("demo")).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: "viewing" }]);
  });

  it("moves a tab that opens another ticket", () => {
    const map = new PresenceMap();
    map.apply(notice({ tab: "m" }), 0);
    expect(map.apply(notice({ tab: "m", ticketId: 11 }), 1).entries).toEqual(
      expect.arrayContaining([
        { ticketId: 11, userId: 1, name: "Alex Chen", state: "viewing" },
        { ticketId: 10, userId: 1, name: "Alex Chen", state: null },
      ]),
    );
    expect(map.snapshot("demo")).toEqual([{ ticketId: 11, userId: 1, name: "Alex Chen", state: "viewing" }]);
  });

  it("ignores a notice older than the tab's last, so a late heartbeat cannot revive a tab that left", () => {
    const map = new PresenceMap();
    const heartbeat = notice({ tab: "late" });
    map.apply(notice({ tab: "late", seq: heartbeat.seq - 1 }), 0);
    map.apply(notice({ tab: "late", state: "left", seq: heartbeat.seq + 1 }), 1);
    expect(map.apply(heartbeat, 2).entries).toEqual([]);
    expect(map.snapshot("demo")).toEqual([]);
  });

  it("keeps accounts apart", () => {
    const map = new PresenceMap();
    map.apply(notice({ account: "acme", tab: "x", userId: 2, name: "Sam" }), 0);
    map.apply(notice({ tab: "y" }), 0);
    expect(map.snapshot("acme")).toEqual([{ ticketId: 10, userId: 2, name: "Sam", state: "viewing" }]);
    expect(map.snapshot("demo")).toEqual([{ ticketId: 10, userId: 1, name: "Alex Chen", state: "viewing" }]);
    expect(map.sweep(TTL).map((c) => c.account).sort()).toEqual(["acme", "demo"]);
  });
});
