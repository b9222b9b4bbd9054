import { describe, expect, it } from "vitest";
import { actionResult, sseFrames, type InboxPage, type TicketThread } from "@/bench/team/desk-client";
import { Observations } from "@/bench/team/observations";
import { percentile, perWindow, slidingMax } from "@/bench/team/stats";
import { kindOf } from "@/bench/team/upstream";

function body(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(encoder.encode(chunk));
      c.close();
    },
  });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const item = (id: number, updatedAt: string, lastReceivedMessageAt: string | null = null) => ({ id, updatedAt, lastReceivedMessageAt });
const page = (items: ReturnType<typeof item>[], nextCursor: string | null = "c") => ({ items, nextCursor }) as unknown as InboxPage;
const thread = (id: number, updatedAt: string, messageIds: number[]) =>
  ({ ticket: { id, updatedAt }, messages: messageIds.map((m) => ({ id: m })) }) as unknown as TicketThread;

describe("bench:team helpers", () => {
  it("reads SSE frames split anywhere, skipping heartbeats", async () => {
    const frames = await collect(sseFrames(body(["id: 4\nevent: hel", "lo\ndata: {\"seq\":4}\n\n: heartbeat\n\n", "event: ticket\r\nid: 5\r\ndata: a\r\ndata: b\r\n\r\n"])));
    expect(frames).toEqual([
      { event: "hello", id: "4", data: '{"seq":4}' },
      { event: "ticket", id: "5", data: "a\nb" },
    ]);
  });

  it("takes a server action's value from the row its answer points at, past long text rows", () => {
    const flight = (text: string) => Buffer.from(text, "utf8");
    expect(actionResult(flight('0:{"a":"$@1","f":"","b":"build"}\n1:{"ok":false,"error":{"code":"conflict"}}\n'))).toEqual({ ok: false, error: { code: "conflict" } });
    const html = "<p>Hi Zoë,\n1:{\"not\":\"a row\"}</p>";
    const withText = `0:{"a":"$@1","q":"","i":false,"b":"build"}\n2:T${Buffer.byteLength(html).toString(16)},${html}1:{"ok":true,"value":{"bodyHtml":"$2"}}\n`;
    expect(actionResult(flight(withText))).toEqual({ ok: true, value: { bodyHtml: "$2" } });
    expect(() => actionResult(flight("<html>"))).toThrow(/unexpected action answer/);
    expect(() => actionResult(flight('0:{"a":"$@1","f":"","b":"build"}\n'))).toThrow(/unexpected action answer/);
  });

  it("counts a customer message visible once every agent's first page shows it, or has moved past it", () => {
    const obs = new Observations();
    obs.enter("active", 0);
    const at = Date.parse("2026-01-01T10:00:00.000Z");
    obs.customerMessage(7, 70, at, [0, 1], []);
    obs.firstPage(0, page([item(7, "2026-01-01T10:00:00.000Z", "2026-01-01T09:00:00.000Z")]), at + 500);
    expect(obs.pendingMessages()).toBe(1); // the page still has the older message
    obs.firstPage(0, page([item(7, "2026-01-01T10:00:00.001Z", "2026-01-01T10:00:00.001Z")]), at + 1000);
    obs.firstPage(1, page([item(9, "2026-01-01T10:00:05.000Z")]), at + 3000); // thirty newer changes pushed it down
    expect(obs.pendingMessages()).toBe(0);
    expect(obs.freshness(at + 10_000).seen).toEqual([3]);
  });

  it("waits for open threads that had the ticket, and stops waiting for those that left it", () => {
    const obs = new Observations();
    obs.enter("active", 0);
    obs.customerMessage(7, 70, 1000, [], [0, 1]);
    obs.thread(0, thread(7, "2026-01-01T10:00:00.000Z", [69]), 2000);
    obs.thread(0, thread(7, "2026-01-01T10:00:01.000Z", [69, 70]), 4000);
    expect(obs.pendingMessages()).toBe(1);
    obs.leftThread(1, 7);
    const fresh = obs.freshness(9000);
    expect(fresh.seen).toEqual([3]);
    expect(fresh).toMatchObject({ threadRequirements: 2, threadsLeftBeforeSeen: 1, pairsUnseen: 0 });
  });

  it("counts each ticket version once for the team: warm-up lists are the baseline, a thread of an old version needs its read", () => {
    const obs = new Observations();
    obs.firstPage(0, page([item(1, "v1"), item(2, "v1")]));
    obs.enter("active");
    obs.firstPage(1, page([item(1, "v1"), item(2, "v2")]));
    obs.firstPage(0, page([item(2, "v2")]));
    obs.thread(0, thread(2, "v2", []));
    obs.thread(1, thread(1, "v1", []));
    obs.thread(0, thread(1, "v1", []));
    expect(obs.newVersions.get("warmup")).toBe(0);
    expect(obs.newVersions.get("active")).toBe(2); // 2@v2 (list, then its thread for free), 1@v1 (thread)
  });

  it("tells what an upstream call was for", () => {
    expect(kindOf({ method: "GET", path: "/api/events" })).toBe("event log");
    expect(kindOf({ method: "GET", path: "/api/tickets" })).toBe("list page");
    expect(kindOf({ method: "PUT", path: "/api/views/0/items" })).toBe("list page");
    expect(kindOf({ method: "GET", path: "/api/tickets/12" })).toBe("ticket read");
    expect(kindOf({ method: "GET", path: "/api/messages" })).toBe("messages read");
    expect(kindOf({ method: "POST", path: "/api/tickets/12/messages" })).toBe("write");
    expect(kindOf({ method: "PUT", path: "/api/tickets/12" })).toBe("write");
    expect(kindOf({ method: "GET", path: "/api/users/0" })).toBe("sign-in check");
    expect(kindOf({ method: "GET", path: "/api/teams" })).toBe("reference");
  });

  it("computes percentiles and per-window counts", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
    expect(perWindow([0, 1, 19_999, 20_000, 45_000], 0, 60_000, 20_000)).toEqual([3, 1, 1]);
    expect(perWindow([15_000, 19_000, 21_000, 25_000], 0, 40_000, 20_000)).toEqual([2, 2]);
    expect(slidingMax([15_000, 19_000, 21_000, 25_000, 35_000], 20_000)).toBe(4); // across the aligned windows' edge
  });
});
