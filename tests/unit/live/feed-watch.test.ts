import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { attachAll, feedWatch } from "@/features/live/server/feed-watch";

vi.mock("server-only", () => ({}));

describe("feedWatch", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reports a feed stopped for the stall window once, its return at once, and nothing before it was seen live", async () => {
    // 100 ms checks, a 450 ms stall window. Not live at first (starting up), then live, a short
    // gap (a slow poll), then a long stop, then live again.
    const states = [false, false, false, true, false, false, true, false, false, false, false, false, false, false, true, true];
    let i = 0;
    const sent: unknown[] = [];
    const stop = await feedWatch(async () => states[Math.min(i++, states.length - 1)]!, 100, 450)((event, data) => sent.push([event, data]));
    await vi.advanceTimersByTimeAsync(100 * 7);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(100 * 7);
    expect(sent).toEqual([["feed", { live: false }]]);
    await vi.advanceTimersByTimeAsync(100 * 2);
    expect(sent).toEqual([["feed", { live: false }], ["feed", { live: true }]]);
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
  });

  it("attachAll starts each attachment on the one stream and stops them together", async () => {
    const stopped: string[] = [];
    const a = async (send: (e: string, d: unknown) => void) => (send("a", 1), () => void stopped.push("a"));
    const b = async (send: (e: string, d: unknown) => void) => (send("b", 2), () => void stopped.push("b"));
    const sent: string[] = [];
    const stop = await attachAll(a, b)((event) => sent.push(event));
    expect(sent).toEqual(["a", "b"]);
    stop();
    expect(stopped).toEqual(["a", "b"]);
  });
});
