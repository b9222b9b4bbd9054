import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./next-server";

// A throwaway PostgreSQL for the benches and the e2e specs that run several instances on one.

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
 * off, with one database of the given name. As root it runs as the `postgres` user (initdb refuses
 * root). `stop` also deletes it.
 */
export async function startPostgres(database: string): Promise<Postgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is needed: no server binaries under /usr/lib/postgresql (apt-get install postgresql, or set PG_BIN)");
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
  const workDir = mkdtempSync(path.join(tmpdir(), `${database}-pg-`));
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
    run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, dataDir, stop };
}
