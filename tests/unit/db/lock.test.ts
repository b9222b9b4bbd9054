import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDirLock, DirLockError, processToken } from "@/lib/db/lock";
import { pgErrorCode } from "@/lib/db";

const dirs: string[] = [];
const tmpLock = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "gd-lock-"));
  dirs.push(d);
  return path.join(d, "pglite.lock");
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A pid that is certainly not running: above Linux's pid_max ceiling. */
const DEAD_PID = 4_194_304 + 17;

const write = (p: string, holder: object) => fs.writeFileSync(p, JSON.stringify(holder));
const here = os.hostname();

describe("acquireDirLock", () => {
  it("writes our pid and start token and removes the file on release, once", async () => {
    const p = tmpLock();
    const lock = await acquireDirLock(p);
    expect(JSON.parse(fs.readFileSync(p, "utf8"))).toMatchObject({ pid: process.pid, hostname: here, token: processToken(process.pid) });
    lock.release();
    lock.release();
    expect(fs.existsSync(p)).toBe(false);
  });

  it("refuses a second acquisition in the same process", async () => {
    const p = tmpLock();
    const lock = await acquireDirLock(p);
    await expect(acquireDirLock(p)).rejects.toThrow(DirLockError);
    lock.release();
    (await acquireDirLock(p)).release();
  });

  it.each([
    ["without a start token (older lock files)", () => ({ pid: process.ppid, hostname: here, acquiredAt: "then" })],
    ["with its own start token", () => ({ pid: process.ppid, hostname: here, acquiredAt: "then", token: processToken(process.ppid) })],
  ])("refuses a live holder %s and names it", async (_, holder) => {
    const p = tmpLock();
    // The parent of this test process is alive and is not us.
    write(p, holder());
    await expect(acquireDirLock(p)).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));
    expect(fs.existsSync(p)).toBe(true);
  });

  it.each([
    ["a dead holder", JSON.stringify({ pid: DEAD_PID, hostname: here, acquiredAt: "" })],
    ["a torn file", '{"pid": 12'],
    // A container's PID 1 after an OOM kill: the new process has the pid the lock names.
    ["an earlier process with our own pid", JSON.stringify({ pid: process.pid, hostname: here, acquiredAt: "", token: "earlier-boot/1" })],
    ["a live pid that is not the process that wrote it", JSON.stringify({ pid: process.ppid, hostname: here, acquiredAt: "", token: "earlier-boot/1" })],
  ])("takes over %s", async (_, body) => {
    const p = tmpLock();
    fs.writeFileSync(p, body);
    const lock = await acquireDirLock(p);
    expect(JSON.parse(fs.readFileSync(p, "utf8")).pid).toBe(process.pid);
    expect(fs.readdirSync(path.dirname(p))).toEqual(["pglite.lock"]);
    lock.release();
  });

  it("takes over a lock from another host whose heartbeat stopped (a replaced container on the same volume)", async () => {
    const p = tmpLock();
    write(p, { pid: DEAD_PID, hostname: "elsewhere.invalid", acquiredAt: "" });
    const lock = await acquireDirLock(p, { otherHostGraceMs: 60 });
    expect(JSON.parse(fs.readFileSync(p, "utf8"))).toMatchObject({ pid: process.pid, hostname: here });
    lock.release();
  });

  it("refuses a lock from another host that keeps beating, and says so plainly", async () => {
    const p = tmpLock();
    write(p, { pid: DEAD_PID, hostname: "elsewhere.invalid", acquiredAt: "" });
    const beat = setInterval(() => fs.utimesSync(p, new Date(), new Date(Date.now() + 1000)), 10);
    try {
      await expect(acquireDirLock(p, { otherHostGraceMs: 80 })).rejects.toThrow(/on elsewhere\.invalid \(another host, and its lock is still being refreshed\).*PGLITE_DIR/);
    } finally {
      clearInterval(beat);
    }
    expect(JSON.parse(fs.readFileSync(p, "utf8")).hostname).toBe("elsewhere.invalid");
  });

  it("keeps its own lock fresh, so another host sees it alive", async () => {
    const p = tmpLock();
    const lock = await acquireDirLock(p, { heartbeatMs: 10 });
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(p, old, old);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fs.statSync(p).mtimeMs).toBeGreaterThan(old.getTime() + 30_000);
    lock.release();
  });

  it("does not remove a lock file that another process has since taken", async () => {
    const p = tmpLock();
    const lock = await acquireDirLock(p);
    write(p, { pid: process.ppid, hostname: here, acquiredAt: "" });
    lock.release();
    expect(fs.existsSync(p)).toBe(true);
  });
});

describe("pgErrorCode", () => {
  it("finds the SQLSTATE on the error or its cause, and ignores Node socket errors", () => {
    expect(pgErrorCode({ code: "23505" })).toBe("23505");
    expect(pgErrorCode(Object.assign(new Error("q"), { cause: { code: "23505" } }))).toBe("23505");
    expect(pgErrorCode({ cause: Object.assign(new Error("x"), { code: "EPIPE", syscall: "write" }) })).toBeUndefined();
    expect(pgErrorCode(new Error("plain"))).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
  });
});
