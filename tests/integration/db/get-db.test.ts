import fs from "node:fs";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import os from "node:os";
import { closeDb, getDb, storeProblem } from "@/lib/db";
import { pgliteTarget, type TestTarget } from "./harness";

let target: TestTarget | undefined;
afterAll(async () => {
  await closeDb();
  await target?.cleanup();
});

describe("getDb", () => {
  it("opens lazily once per process and shares the handle through globalThis", async () => {
    target = await pgliteTarget();
    const env = { PGLITE_DIR: target.location };
    const [a, b] = await Promise.all([getDb(env), getDb(env)]);
    expect(a).toBe(b);
    expect(a.driver).toBe("pglite");
    expect(a.location).toBe(target.location);
    expect(fs.existsSync(`${target.location}.lock`)).toBe(true);
    await closeDb();
    expect(fs.existsSync(`${target.location}.lock`)).toBe(false);
  });

  it("does not cache a failed open: the next call tries again", async () => {
    // A port nothing listens on: bound, then released.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const env = { DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/none` };
    const first = getDb(env);
    await expect(first).rejects.toThrow();
    const second = getDb(env);
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow();
  });

  it("says plainly, without paths or pids, why the store cannot open, and retries each time", async () => {
    target ??= await pgliteTarget();
    const env = { PGLITE_DIR: target.location };
    // A live process on this host that is not us holds the directory.
    fs.writeFileSync(`${target.location}.lock`, JSON.stringify({ pid: process.ppid, hostname: os.hostname(), acquiredAt: "" }));
    const problem = await storeProblem(env);
    expect(problem).toBe("The Desk cannot open its database: another process holds its data directory.");
    fs.rmSync(`${target.location}.lock`);
    expect(await storeProblem(env)).toBeNull();
    await closeDb();
  });
});
