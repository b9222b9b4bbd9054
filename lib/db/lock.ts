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

/**
 * `token` tells a process from a later one that got the same pid: the kernel's boot id and the
 * process's start time. Null where /proc is missing, and in lock files written before it existed.
 */
type Holder = { pid: number; hostname: string; acquiredAt: string; token: string | null };

export type DirLockOptions = {
  /** How often the holder refreshes the file's mtime: the only sign of life another host can see. */
  heartbeatMs?: number;
  /** How long a lock from another host is watched for a heartbeat before it is judged stale. */
  otherHostGraceMs?: number;
};

export const DEFAULT_HEARTBEAT_MS = 5_000;

export class DirLockError extends Error {
  override readonly name = "DirLockError";
  constructor(
    message: string,
    readonly holder: Holder | null,
  ) {
    super(message);
  }
}

type LockGlobal = typeof globalThis & { __gorgiasDeskDirLocks?: Set<string> };

/**
 * Paths this process holds, so a second open in the same process fails as loudly as another
 * process. On globalThis because Next bundles this module more than once per process, and a lock
 * naming our own pid that no copy holds was left by an earlier process with the same pid.
 */
const held = ((globalThis as LockGlobal).__gorgiasDeskDirLocks ??= new Set<string>());

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

function parseHolder(raw: string): Holder {
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
      const token = "token" in parsed && typeof parsed.token === "string" ? parsed.token : null;
      return { pid: parsed.pid, hostname: parsed.hostname, acquiredAt, token };
    }
  } catch {
    // Fall through: a torn or foreign file is treated like a dead holder below.
  }
  return { pid: -1, hostname: os.hostname(), acquiredAt: "", token: null };
}

/** The boot id and start time (field 22 of /proc/PID/stat) of a live process, or null. */
export function processToken(pid: number): string | null {
  try {
    const bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const startTime = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return bootId && startTime ? `${bootId}/${startTime}` : null;
  } catch {
    return null;
  }
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

/** Whether a holder on this host is still the process that wrote the lock. */
function holdsOnThisHost(holder: Holder): boolean {
  // Not in `held` (checked first), so an earlier process with our pid: a container's PID 1 after a restart.
  if (holder.pid === process.pid) return false;
  if (!isAlive(holder.pid)) return false;
  const current = holder.token ? processToken(holder.pid) : null;
  // A live pid with another start time is a reused pid; without tokens, a live pid is trusted.
  return !(holder.token && current && current !== holder.token);
}

function mtimeMs(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/**
 * Another host's pid means nothing here, so its liveness is its heartbeat: the file's mtime or
 * content moving within the grace. Compared with itself, never with our clock, so clock skew
 * between hosts cannot make a live lock look stale.
 */
async function holdsOnAnotherHost(lockPath: string, raw: string, graceMs: number): Promise<boolean> {
  const before = mtimeMs(lockPath);
  await new Promise((resolve) => setTimeout(resolve, graceMs));
  return mtimeMs(lockPath) !== before || readText(lockPath) !== raw;
}

function describe(lockPath: string, holder: Holder): string {
  const since = holder.acquiredAt ? ` since ${holder.acquiredAt}` : "";
  const elsewhere = holder.hostname === os.hostname() ? "" : " (another host, and its lock is still being refreshed)";
  return (
    `PGlite data dir is in use by process ${holder.pid} on ${holder.hostname}${since}${elsewhere} (lock file ${lockPath}). ` +
    `PGlite cannot share a directory between processes: stop that process, or point this one at another ` +
    `directory with PGLITE_DIR, or use a PostgreSQL server with DATABASE_URL.`
  );
}

function tryCreate(lockPath: string, body: Holder): boolean {
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
 * Takes `lockPath` or throws DirLockError naming the live holder. A lock whose writer is gone is
 * taken over: on this host a dead pid, or a live pid that is not the process that wrote it (our own
 * pid after a restart, a reused pid); from another host, one whose heartbeat stopped. The takeover
 * moves the stale file aside first and checks that what it moved is the file it judged stale, so
 * two processes racing for one stale lock cannot both win.
 */
export async function acquireDirLock(lockPath: string, options: DirLockOptions = {}): Promise<DirLock> {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const graceMs = options.otherHostGraceMs ?? 3 * heartbeatMs;
  const abs = path.resolve(lockPath);
  const me: Holder = { pid: process.pid, hostname: os.hostname(), acquiredAt: "", token: processToken(process.pid) };
  if (held.has(abs)) {
    throw new DirLockError(`PGlite data dir is already open in this process (lock file ${abs}); reuse the existing store handle.`, me);
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });

  for (let attempt = 0; attempt < 5; attempt++) {
    const body: Holder = { ...me, acquiredAt: new Date().toISOString() };
    if (tryCreate(abs, body)) return register(abs, body, heartbeatMs);
    const raw = readText(abs);
    if (raw === null) continue; // Released between our open and our read: just retry.
    const holder = parseHolder(raw);
    const live = holder.hostname === os.hostname() ? holdsOnThisHost(holder) : await holdsOnAnotherHost(abs, raw, graceMs);
    if (live) throw new DirLockError(describe(abs, holder), holder);
    if (held.has(abs)) throw new DirLockError(`PGlite data dir was opened in this process meanwhile (lock file ${abs}).`, me);
    const aside = `${abs}.stale-${process.pid}-${Date.now()}`;
    try {
      fs.renameSync(abs, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw e;
    }
    const moved = readText(aside);
    if (moved !== raw) {
      // We moved a fresh lock another process had just taken over: put it back and yield to it.
      try {
        fs.linkSync(aside, abs);
      } catch {
        // Someone else already holds abs again; either way the live holder keeps the directory.
      }
      fs.rmSync(aside, { force: true });
      const taker = moved === null ? null : parseHolder(moved);
      throw new DirLockError(taker ? describe(abs, taker) : `Could not acquire ${abs}: another process took it over.`, taker);
    }
    fs.rmSync(aside, { force: true });
  }
  throw new DirLockError(`Could not acquire ${abs} after repeated contention.`, null);
}

function register(abs: string, body: Holder, heartbeatMs: number): DirLock {
  held.add(abs);
  const mine = JSON.stringify(body);
  const heartbeat = setInterval(() => {
    try {
      if (readText(abs) !== mine) return;
      const now = new Date();
      fs.utimesSync(abs, now, now);
    } catch {
      // A missed beat only matters to another host, and only if every beat in its grace is missed.
    }
  }, heartbeatMs);
  heartbeat.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    held.delete(abs);
    process.removeListener("exit", release);
    if (readText(abs) === mine) fs.rmSync(abs, { force: true });
  };
  // 'exit' covers normal ends and process.exit(); a SIGKILL leaves the file, which the checks above
  // then recognise as stale. No signal handlers here: those would change how the host process shuts down.
  process.on("exit", release);
  return { path: abs, release };
}
