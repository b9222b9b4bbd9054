import { spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../support/next-server";

// The bench's other children and what it measures of them: setup commands, a throwaway PostgreSQL
// cluster, CPU time (`next start` itself is bench/support/next-server.ts).

/** A short command to completion, without blocking this process (which serves the sandbox). */
export function runToEnd(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, output }));
  });
}

export interface Postgres {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

function postgresBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  if (!existsSync("/usr/lib/postgresql")) return null;
  const versions = readdirSync("/usr/lib/postgresql")
    .filter((v) => existsSync(path.join("/usr/lib/postgresql", v, "bin", "pg_ctl")))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join("/usr/lib/postgresql", newest, "bin") : null;
}

/**
 * A throwaway cluster as scripts/test-postgres.sh makes one: in a temp dir of its own (the
 * `postgres` user must reach it), on 127.0.0.1 at a free port, trusting local connections, fsync
 * off. As root it runs as the `postgres` user (initdb refuses root). `stop` also deletes it.
 */
export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("--instances > 1 needs PostgreSQL: no server binaries under /usr/lib/postgresql (apt-get install postgresql, or set PG_BIN)");
  const asRoot = process.getuid?.() === 0;
  let uid = 0;
  let gid = 0;
  if (asRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gidOut = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) throw new Error("running as root needs a 'postgres' user for the cluster");
    uid = Number(id.stdout.trim());
    gid = Number(gidOut.stdout.trim());
  }
  const run = (cmd: string, args: string[]) => {
    const [c, a] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const r = spawnSync(c, a as string[], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const workDir = mkdtempSync(path.join(tmpdir(), "desk-bench-team-pg-"));
  if (asRoot) chownSync(workDir, uid, gid);
  const dataDir = path.join(workDir, "data");
  let started = false;
  const halt = () => {
    if (!started) return;
    started = false;
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
  };
  const stop = async () => {
    halt();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  } catch (error) {
    await stop();
    throw error;
  }
  let port = 0;
  for (let attempt = 1; attempt <= 3 && !started; attempt++) {
    port = await freePort();
    try {
      started = true; // a half-started server must still be stopped
      run("pg_ctl", [
        "-D", dataDir, "-l", path.join(workDir, "server.log"), "-w", "-t", "30",
        "-o", `-p ${port} -k ${workDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
        "start",
      ]);
    } catch (error) {
      halt();
      if (attempt === 3) {
        await stop();
        throw error;
      }
    }
  }
  try {
    run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "gorgias_desk_bench"]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/gorgias_desk_bench`, dataDir, stop };
}

/** The postmaster's pid, from its lock file. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds used so far by a process and every live descendant (/proc), including reaped children. */
export function treeCpuSeconds(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) start at ")".
      const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      stats.set(Number(entry), { ppid: Number(f[1]), ticks });
    } catch {
      // exited meanwhile
    }
  }
  let total = 0;
  const queue = [rootPid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return total / TICKS;
}

/** Busy and total jiffies of the whole machine, for its utilisation over an interval. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
