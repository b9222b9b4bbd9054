import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDirLock, DirLockError } from "@/lib/db/lock";
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

describe("acquireDirLock", () => {
  it("writes our pid and removes the file on release, once", () => {
    const p = tmpLock();
    const lock = acquireDirLock(p);
    expect(JSON.parse(fs.readFileSync(p, "utf8"))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    lock.release();
    lock.release();
    expect(fs.existsSync(p)).toBe(false);
  });

  it("refuses a second acquisition in the same process", () => {
    const p = tmpLock();
    const lock = acquireDirLock(p);
    expect(() => acquireDirLock(p)).toThrow(DirLockError);
    lock.release();
    acquireDirLock(p).release();
  });

  it("refuses a live holder and names it", () => {
    const p = tmpLock();
    // The parent of this test process is alive and is not us.
    fs.writeFileSync(p, JSON.stringify({ pid: process.ppid, hostname: os.hostname(), acquiredAt: "then" }));
    expect(() => acquireDirLock(p)).toThrow(new RegExp(`in use by process ${process.ppid}`));
    expect(fs.existsSync(p)).toBe(true);
  });

  it("refuses a holder on another host, whose liveness it cannot check", () => {
    const p = tmpLock();
    fs.writeFileSync(p, JSON.stringify({ pid: DEAD_PID, hostname: "elsewhere.invalid", acquiredAt: "" }));
    expect(() => acquireDirLock(p)).toThrow(/on elsewhere\.invalid/);
  });

  it.each([
    ["a dead holder", JSON.stringify({ pid: DEAD_PID, hostname: os.hostname(), acquiredAt: "" })],
    ["a torn file", '{"pid": 12'],
  ])("takes over %s", (_, body) => {
    const p = tmpLock();
    fs.writeFileSync(p, body);
    const lock = acquireDirLock(p);
    expect(JSON.parse(fs.readFileSync(p, "utf8")).pid).toBe(process.pid);
    expect(fs.readdirSync(path.dirname(p))).toEqual(["pglite.lock"]);
    lock.release();
  });

  it("does not remove a lock file that another process has since taken", () => {
    const p = tmpLock();
    const lock = acquireDirLock(p);
    fs.writeFileSync(p, JSON.stringify({ pid: process.ppid, hostname: os.hostname(), acquiredAt: "" }));
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
