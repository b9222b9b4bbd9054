/**
 * The live stream over a real store (PGlite): a fresh stream starts at the newest signal, a
 * resumed one gets exactly what it missed and then live signals, other accounts' signals never
 * arrive, a resume from before the pruned horizon is told to reset, and closing unsubscribes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { publishSignal, pruneLiveSignals, type Store } from "@/lib/db";
import { pgliteTarget, type TestTarget } from "../db/harness";

vi.mock("server-only", () => ({}));
const { LiveBus } = await import("@/features/live/server/bus");
const { liveStream } = await import("@/features/live/server/stream");

interface Frame {
  event: string;
  id: number | null;
  data: Record<string, unknown>;
}

/** Reads frames from an SSE body as they arrive. */
function frames(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return async function next(count: number, timeoutMs = 3000): Promise<Frame[]> {
    const out: Frame[] = [];
    const deadline = Date.now() + timeoutMs;
    while (out.length < count) {
      const cut = buffer.indexOf("\n\n");
      if (cut >= 0) {
        const raw = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        // Comments (heartbeats) and the `retry:` advice are not signals.
        if (raw.startsWith(":") || !raw.includes("event: ")) continue;
        const field = (name: string) => raw.split("\n").find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        const id = field("id");
        out.push({ event: field("event") ?? "", id: id === undefined ? null : Number(id), data: JSON.parse(field("data") ?? "null") as Record<string, unknown> });
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`got ${out.length} of ${count} frames`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk === null) continue;
      if (chunk.done) throw new Error("stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
    return out;
  };
}

describe("live stream", () => {
  let target: TestTarget;
  let store: Store;
  let bus: InstanceType<typeof LiveBus>;
  beforeAll(async () => {
    target = await pgliteTarget();
    store = await target.open();
    bus = new LiveBus(async () => store);
  });
  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });

  const open = (account: string, lastEventId: number | null, heartbeatMs?: number) => {
    const abort = new AbortController();
    const response = liveStream({ account, lastEventId, signal: abort.signal, db: store.db, bus, heartbeatMs });
    return { abort, response };
  };

  it("starts at the newest signal, then carries new ones (kind, ticket, version — no bodies), never another account's", async () => {
    const before = await publishSignal(store.db, "demo", { kind: "ticket", ticketId: 1, version: "v1" });
    const { abort, response } = open("demo", null);
    const res = await response;
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const next = frames(res);
    expect(await next(1)).toEqual([{ event: "hello", id: before.seq, data: { seq: before.seq } }]);
    await publishSignal(store.db, "acme", { kind: "ticket", ticketId: 99, version: "x" });
    const s = await publishSignal(store.db, "demo", { kind: "ticket", ticketId: 2, version: "v2" });
    expect(await next(1)).toEqual([{ event: "ticket", id: s.seq, data: { seq: s.seq, ticketId: 2, version: "v2" } }]);
    abort.abort();
  });

  it("resumes after Last-Event-ID with exactly what was missed, in order, then live", async () => {
    const seen = await publishSignal(store.db, "demo", { kind: "ticket", ticketId: 3, version: "a" });
    const m1 = await publishSignal(store.db, "demo", { kind: "ticket", ticketId: 4, version: "b" });
    const m2 = await publishSignal(store.db, "demo", { kind: "ticket", ticketId: 4, version: null });
    const { abort, response } = open("demo", seen.seq);
    const next = frames(await response);
    const live = publishSignal(store.db, "demo", { kind: "ticket", ticketId: 5, version: "c" });
    const got = await next(3);
    expect(got.map((f) => [f.event, f.id])).toEqual([
      ["ticket", m1.seq],
      ["ticket", m2.seq],
      ["ticket", (await live).seq],
    ]);
    abort.abort();
  });

  it("tells a browser that was away past the pruned horizon to reset", async () => {
    const old = await publishSignal(store.db, "demo", { kind: "ticket", ticketId: 6, version: "old" });
    await pruneLiveSignals(store.db, new Date(Date.now() + 60_000));
    await publishSignal(store.db, "demo", { kind: "ticket", ticketId: 7, version: "new" });
    const { abort, response } = open("demo", old.seq - 1);
    const [first] = await frames(await response)(1);
    expect(first?.event).toBe("reset");
    abort.abort();
  });

  it("closes itself at a heartbeat once its session has ended, so the browser's reconnect is refused", async () => {
    let signedIn = true;
    const abort = new AbortController();
    const res = await liveStream({ account: "demo", lastEventId: null, signal: abort.signal, db: store.db, bus, heartbeatMs: 30, stillSignedIn: async () => signedIn });
    const reader = res.body!.getReader();
    await reader.read();
    signedIn = false;
    for (let i = 0; i < 20; i++) if ((await reader.read()).done) return;
    throw new Error("the stream stayed open after its session ended");
  });

  it("sends heartbeats, and closing the stream stops delivery", async () => {
    const { abort, response } = open("demo", null, 50);
    const res = await response;
    const reader = res.body!.getReader();
    const text: string[] = [];
    for (let i = 0; i < 3; i++) text.push(new TextDecoder().decode((await reader.read()).value));
    expect(text.join("")).toContain(": heartbeat");
    abort.abort();
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });
});
