import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

// `next start` of the existing production build, as the benches run it: on a free loopback port,
// against the sandbox, in its own process group so that stopping it stops everything it spawned,
// and nothing else.

/** The build's folder (NEXT_DIST_DIR lets parallel builds live side by side); exits when there is no build. */
export function requireProductionBuild(): string {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    console.error(`No production build in ${distDir}: run \`npm run build\` first.`);
    process.exit(2);
  }
  return distDir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Where a bench Desk keeps its store: a PostgreSQL URL, or (with DATABASE_URL empty) a PGlite folder. */
export interface BenchStore {
  readonly DATABASE_URL: string;
  readonly PGLITE_DIR: string;
}

/** A production Desk against the sandbox, with throwaway secrets and no default account. */
export function benchDeskEnv(sandboxUrl: string, store: BenchStore): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    SANDBOX_URL: sandboxUrl,
    GORGIAS_API_URL: `${sandboxUrl}/{accountDomain}/api`,
    GORGIAS_ACCOUNT_DOMAIN: "",
    CREDENTIALS_KEY: "YmVuY2gtb25seS1jcmVkZW50aWFscy1rZXktMzItYnk=",
    ...store,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a child process group to exit after SIGTERM, then kills it. */
export async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // exited meanwhile
    }
    await Promise.race([exited, sleep(2000)]);
  }
}

export async function waitForUrl(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: its process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

export interface NextServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartNextOptions {
  /** Added to this process's environment (see `benchDeskEnv`). */
  readonly env: NodeJS.ProcessEnv;
  /** A free one when left out. */
  readonly port?: number;
  /** Where its output goes; dropped when left out. */
  readonly logFile?: string;
}

/** Starts `next start` and resolves once its sign-in page answers; a server that never does is stopped. */
export async function startNext({ env, port, logFile }: StartNextOptions): Promise<NextServer> {
  const url = `http://127.0.0.1:${port ?? (await freePort())}`;
  const out = logFile ? openSync(logFile, "a") : "ignore";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", new URL(url).port, "-H", "127.0.0.1"], {
    stdio: ["ignore", out, out],
    detached: true,
    env: { ...process.env, ...env },
  });
  if (typeof out === "number") closeSync(out); // the child holds its own copy
  if (child.pid === undefined) throw new Error("next start did not start");
  const server: NextServer = { url, pid: child.pid, stop: () => stopGroup(child, 10_000) };
  try {
    await waitForUrl(`${url}/sign-in`, child, 120_000);
  } catch (error) {
    await server.stop();
    if (!logFile) throw error;
    // The caller may delete the log with its temp folder: say here why the server did not come up.
    const tail = readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-20).join("\n");
    throw new Error(`${error instanceof Error ? error.message : String(error)}; its last output:\n${tail}`, { cause: error });
  }
  return server;
}
