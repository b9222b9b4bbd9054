import { threadId, Worker } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { styledEmail } from "@/bench/support/styled-email";

// The pool with real worker threads (the entry loads through tsx here, as Next bundles it in a build).
vi.mock("server-only", () => ({}));
const { BodyPool, defaultPoolSize, spawnBodyWorker } = await import("@/features/ticket/server/body-pool");
const { runBodyJob } = await import("@/features/ticket/server/body-job");
type BodyJob = import("@/features/ticket/server/body-job").BodyJob;
type Pool = InstanceType<typeof BodyPool>;

const job = (html: string): BodyJob => ({
  fields: { kind: "customer", channel: "email", bodyHtml: html, bodyText: null, strippedHtml: null, strippedText: null },
  options: { theme: "light", allowRemoteImages: false, maxChars: 100_000 },
  deadline: Date.now() + 30_000,
});

const pools: Pool[] = [];
const pool = (size: number, spawn: () => Worker) => {
  const p = new BodyPool(size, spawn);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("the body pool", () => {
  it("is sized to the machine, leaving a core to the request thread", () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(1);
    expect(defaultPoolSize(3)).toBe(2);
    expect(defaultPoolSize(64)).toBe(4);
  });

  it("prepares bodies on another thread, exactly as on this one", async () => {
    const p = pool(2, spawnBodyWorker);
    const heavy = job(styledEmail(150_000, 3));
    const results = await Promise.all([p.run(heavy, 100_000), p.run(job("<p onclick=x()>Hi<script>alert(1)</script></p>"), 40)]);
    expect(p.mode).toBe("workers");
    for (const r of results) {
      expect(r.threadId).not.toBe(threadId);
      expect(r.threadId).toBeGreaterThan(0);
    }
    expect(results[0]!.prepared).toEqual(runBodyJob(heavy, threadId).prepared);
    expect(JSON.stringify(results[1]!.prepared)).not.toMatch(/<script|onclick/);
  });

  it("a worker that dies on a body answers it as unavailable, and the next body gets a new worker", async () => {
    let spawned = 0;
    // The first worker starts, then dies on its first job; the rest are real.
    const dying = () => new Worker(`const { parentPort } = require("node:worker_threads"); parentPort.postMessage({ ready: true }); parentPort.on("message", () => process.exit(3));`, { eval: true });
    const p = pool(1, () => (spawned++ === 0 ? dying() : spawnBodyWorker()));
    const lost = await p.run(job("<p>first</p>"), 10);
    expect(lost.prepared.body).toMatchObject({ format: "text", main: "This message could not be prepared for display." });
    const next = await p.run(job("<p>second</p>"), 10);
    expect(next.prepared.body.format === "html" && next.prepared.body.main.srcDoc).toContain("second");
    expect(p.mode).toBe("workers");
  });

  it("where workers cannot start, bodies are prepared on the request thread with the same limits", async () => {
    const p = pool(1, () => new Worker(`throw new Error("no workers here")`, { eval: true }));
    const r = await p.run(job(styledEmail(150_000, 4)), 100_000);
    expect(p.mode).toBe("inline");
    expect(r.threadId).toBe(threadId);
    expect(r.prepared.body.preview).toEqual({ shownChars: 100_000, totalChars: expect.any(Number) });
  });
});
