/** The PGlite directory lock across real processes: the guard against silent split-brain corruption. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/db/audit";
import type { Store } from "@/lib/db";
import { processToken } from "@/lib/db/lock";
import { pgliteTarget, repoRoot, type TestTarget } from "./harness";

const child = path.join(import.meta.dirname, "fixtures/open-store-child.ts");

type Child = { stdout: () => string; exited: Promise<number | null>; waitFor(text: string): Promise<void>; pid: number };

function runChild(dir: string, mode: "once" | "hold"): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", child, dir, mode], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let errOut = "";
  const waiters: Array<() => void> = [];
  proc.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    waiters.splice(0).forEach((w) => w());
  });
  proc.stderr.on("data", (d: Buffer) => (errOut += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return {
    pid: proc.pid!,
    stdout: () => out,
    exited,
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (out.includes(text)) resolve();
          else if (out.includes("ERROR")) reject(new Error(`child failed: ${out} ${errOut}`));
          else waiters.push(check);
        };
        exited.then(() => (out.includes(text) ? resolve() : reject(new Error(`child exited: ${out} ${errOut}`))));
        check();
      }),
  };
}

describe("PGlite directory lock", () => {
  let target: TestTarget;
  let store: Store | undefined;

  beforeAll(async () => {
    target = await pgliteTarget();
  });
  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });

  it("makes a second process fail with a clear message while the dir is open", async () => {
    store = await target.open();
    const c = runChild(target.location, "once");
    expect(await c.exited).toBe(3);
    expect(c.stdout()).toContain(`PGlite data dir is in use by process ${process.pid}`);
    expect(c.stdout()).toContain("PGLITE_DIR");
  });

  it("refuses a second handle on the same dir in the same process", async () => {
    await expect(target.open()).rejects.toThrow(/already open in this process/);
    // The refused open must not have released the first handle's lock.
    expect(fs.existsSync(`${target.location}.lock`)).toBe(true);
  });

  it("removes the lock on close, and another process can then open the dir", async () => {
    await store!.close();
    store = undefined;
    expect(fs.existsSync(`${target.location}.lock`)).toBe(false);
    const c = runChild(target.location, "once");
    expect(await c.exited).toBe(0);
    expect(c.stdout()).toContain("OPENED");
  });

  it("reopens after a lock left by an earlier process with its own pid (a container's PID 1 after an OOM kill)", async () => {
    await store?.close();
    store = undefined;
    fs.writeFileSync(`${target.location}.lock`, JSON.stringify({ pid: process.pid, hostname: os.hostname(), acquiredAt: "", token: "earlier-boot/1" }));
    store = await target.open();
    expect(JSON.parse(fs.readFileSync(`${target.location}.lock`, "utf8"))).toMatchObject({ pid: process.pid, token: processToken(process.pid) });
    await store.close();
    store = undefined;
  });

  it("takes over the lock of a holder killed with SIGKILL, with its committed rows intact", async () => {
    const c = runChild(target.location, "hold");
    await c.waitFor("READY");
    await expect(target.open()).rejects.toThrow(new RegExp(`in use by process ${c.pid}`));
    process.kill(c.pid, "SIGKILL");
    await c.exited;
    const stale = JSON.parse(fs.readFileSync(`${target.location}.lock`, "utf8")) as { pid: number };
    expect(stale.pid).toBe(c.pid);

    store = await target.open();
    const rows = await listAudit(store.db, { accountDomain: "child" });
    expect(rows.map((r) => r.action).sort()).toEqual(["hold.0", "hold.1", "hold.2"]);
    const now = JSON.parse(fs.readFileSync(`${target.location}.lock`, "utf8")) as { pid: number };
    expect(now.pid).toBe(process.pid);
  });
});
