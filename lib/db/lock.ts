/**
 * Cross-process lock for a PGlite data directory.
 *
 * PGlite writes `postmaster.pid` with pid -42, so two processes opening one directory both succeed
 * and silently corrupt it (duplicate primary keys, broken indexes). This O_EXCL pid file is the
 * only thing standing between `next dev`, a test run and a script sharing `.data/pglite`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type DirLock = {
  readonly path: string;
  /** Idempotent; only removes the file while it still names this process. */
  release(): void;
};

type Holder = { pid: number; hostname: string; acquiredAt: string };

export class DirLockError extends Error {
  override readonly name = "DirLockError";
  constructor(
    message: string,
    readonly holder: Holder | null,
  ) {
    super(message);
  }
}

/** Paths this process holds, so a second open in the same process fails as loudly as another process. */
const held = new Set<string>();

function readHolder(lockPath: string): Holder | null {
  let raw: string;
  try {
    raw = fs.readFileSync(lockPath, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      parsed &&
      typeof parsed === "object" &&
      "pid" in parsed &&
      typeof parsed.pid === "number" &&
      "hostname" in parsed &&
      typeof parsed.hostname === "string"
    ) {
      const acquiredAt = "acquiredAt" in parsed && typeof parsed.acquiredAt === "string" ? parsed.acquiredAt : "";
      return { pid: parsed.pid, hostname: parsed.hostname, acquiredAt };
    }
  } catch {
    // Fall through: a torn or foreign file is treated like a dead holder below.
  }
  return { pid: -1, hostname: os.hostname(), acquiredAt: "" };
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else; it still holds the directory.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describe(lockPath: string, holder: Holder): string {
  const since = holder.acquiredAt ? ` since ${holder.acquiredAt}` : "";
  return (
    `PGlite data dir is in use by process ${holder.pid} on ${holder.hostname}${since} (lock file ${lockPath}). ` +
    `PGlite cannot share a directory between processes: stop that process, or point this one at another ` +
    `directory with PGLITE_DIR, or use a PostgreSQL server with DATABASE_URL.`
  );
}

function tryCreate(lockPath: string): boolean {
  const body: Holder = { pid: process.pid, hostname: os.hostname(), acquiredAt: new Date().toISOString() };
  let fd: number;
  try {
    fd = fs.openSync(lockPath, "wx", 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    fs.writeSync(fd, JSON.stringify(body));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Takes `lockPath` or throws DirLockError naming the live holder. A lock left by a dead process on
 * this host is taken over. The takeover moves the stale file aside first and checks that what it
 * moved is the file it judged stale, so two processes racing for one stale lock cannot both win.
 */
export function acquireDirLock(lockPath: string): DirLock {
  const abs = path.resolve(lockPath);
  if (held.has(abs)) {
    throw new DirLockError(
      `PGlite data dir is already open in this process (lock file ${abs}); reuse the existing store handle.`,
      { pid: process.pid, hostname: os.hostname(), acquiredAt: "" },
    );
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });

  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(abs)) return register(abs);
    const holder = readHolder(abs);
    if (holder === null) continue; // Released between our open and our read: just retry.
    if (holder.hostname !== os.hostname()) {
      // Another host (shared volume): its pid means nothing here, so never presume it dead.
      throw new DirLockError(describe(abs, holder), holder);
    }
    if (holder.pid === process.pid || isAlive(holder.pid)) {
      throw new DirLockError(describe(abs, holder), holder);
    }
    const aside = `${abs}.stale-${process.pid}-${Date.now()}`;
    try {
      fs.renameSync(abs, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw e;
    }
    const moved = readHolder(aside);
    if (moved && moved.pid !== holder.pid && isAlive(moved.pid)) {
      // We moved a fresh lock another process had just taken over: put it back and yield to it.
      try {
        fs.linkSync(aside, abs);
      } catch {
        // Someone else already holds abs again; either way the live holder keeps the directory.
      }
      fs.rmSync(aside, { force: true });
      throw new DirLockError(describe(abs, moved), moved);
    }
    fs.rmSync(aside, { force: true });
  }
  throw new DirLockError(`Could not acquire ${abs} after repeated contention.`, null);
}

function register(abs: string): DirLock {
  held.add(abs);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(abs);
    process.removeListener("exit", release);
    const holder = readHolder(abs);
    if (holder && holder.pid === process.pid) fs.rmSync(abs, { force: true });
  };
  // 'exit' covers normal ends and process.exit(); a SIGKILL leaves the file, which the pid check then
  // recognises as stale. No signal handlers here: those would change how the host process shuts down.
  process.on("exit", release);
  return { path: abs, release };
}
