import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyPresence, clearPresence, colleaguesOn } from "@/features/live/client/presence-store";
import { PresenceReporter, TYPING_IDLE_MS, type PresenceReport } from "@/features/live/client/presence-reporter";
import { initials, PRESENCE_HEARTBEAT_MS, presenceLabel, strongestState } from "@/lib/domain/presence";

describe("a tab's presence reports", () => {
  let sent: Array<{ state: PresenceReport["state"]; ticketId: number; seq: number; leaving: boolean }>;
  let reporter: PresenceReporter;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    reporter = new PresenceReporter("tab-0001", (r, leaving) => sent.push({ state: r.state, ticketId: r.ticketId, seq: r.seq, leaving }));
  });
  afterEach(() => {
    reporter.close();
    vi.useRealTimers();
  });
  const states = () => sent.map((s) => s.state);

  it("says it views the ticket at once, then repeats it every heartbeat", () => {
    reporter.open(7);
    expect(states()).toEqual(["viewing"]);
    vi.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 3);
    expect(states()).toEqual(["viewing", "viewing", "viewing", "viewing"]);
    expect(sent.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
  });

  it("reports typing once per burst, which mode, and viewing again after a pause", () => {
    reporter.open(7);
    reporter.typed("note");
    reporter.typed("note");
    vi.advanceTimersByTime(TYPING_IDLE_MS - 1);
    reporter.typed("note");
    expect(states()).toEqual(["viewing", "typing-note"]);
    reporter.typed("reply");
    expect(states()).toEqual(["viewing", "typing-note", "typing-reply"]);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(states()).toEqual(["viewing", "typing-note", "typing-reply", "viewing"]);
  });

  it("says it left when closed, as a beacon, and then nothing more", () => {
    reporter.open(7);
    reporter.typed("reply");
    reporter.close();
    expect(sent.at(-1)).toEqual({ state: "left", ticketId: 7, seq: 3, leaving: true });
    vi.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 5);
    reporter.close();
    expect(sent).toHaveLength(3);
  });

  it("leaves the old ticket before viewing another", () => {
    reporter.open(7);
    reporter.open(8);
    expect(sent.map((s) => [s.ticketId, s.state])).toEqual([
      [7, "viewing"],
      [7, "left"],
      [8, "viewing"],
    ]);
  });

  it("a hidden tab is not viewing: it leaves, stays quiet, and comes back when shown", () => {
    reporter.open(7);
    reporter.setVisible(false);
    reporter.typed("reply");
    vi.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 3);
    expect(states()).toEqual(["viewing", "left"]);
    reporter.setVisible(true);
    expect(states()).toEqual(["viewing", "left", "viewing"]);
    vi.advanceTimersByTime(PRESENCE_HEARTBEAT_MS);
    expect(states()).toEqual(["viewing", "left", "viewing", "viewing"]);
  });
});

describe("presence on screen", () => {
  afterEach(() => clearPresence());
  const alex = { ticketId: 1, userId: 1, name: "Alex Chen", state: "viewing" } as const;
  const sam = { ticketId: 1, userId: 2, name: "Sam", state: "typing-reply" } as const;

  it("applies changes per colleague and ticket, and a full update replaces everything", () => {
    applyPresence({ full: true, entries: [sam, alex, { ...alex, ticketId: 2 }] });
    expect(colleaguesOn(1).map((c) => c.name)).toEqual(["Alex Chen", "Sam"]);
    const ticket2 = colleaguesOn(2);
    applyPresence({ full: false, entries: [{ ...sam, state: null }] });
    expect(colleaguesOn(1)).toEqual([{ userId: 1, name: "Alex Chen", state: "viewing" }]);
    // A ticket nothing happened to keeps its list, so its row does not re-render.
    expect(colleaguesOn(2)).toBe(ticket2);
    applyPresence({ full: true, entries: [{ ...sam, ticketId: 3 }] });
    expect(colleaguesOn(1)).toEqual([]);
    expect(colleaguesOn(3)).toEqual([{ userId: 2, name: "Sam", state: "typing-reply" }]);
  });

  it("forgets everyone when the stream drops", () => {
    applyPresence({ full: true, entries: [alex] });
    clearPresence();
    expect(colleaguesOn(1)).toEqual([]);
  });

  it("labels and initials", () => {
    expect(presenceLabel("Alex Chen", "viewing")).toBe("Alex Chen is viewing");
    expect(presenceLabel("Sam", "typing-reply")).toBe("Sam is typing a reply");
    expect(presenceLabel("Sam", "typing-note")).toBe("Sam is typing an internal note");
    expect(initials("Alex van der Chen")).toBe("AC");
    expect(initials("sam@example.com")).toBe("S");
    expect(initials("  ")).toBe("?");
    expect(strongestState(["viewing", "typing-note", "viewing"])).toBe("typing-note");
    expect(strongestState([])).toBeNull();
  });
});
