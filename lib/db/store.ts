/**
 * The store handle. PGlite under `.data/pglite` by default; PostgreSQL when DATABASE_URL is set.
 *
 * No `server-only` here so scripts and tests can import it; lint keeps it out of browser code.
 * Rules for callers: inside `db.transaction(async (tx) => …)` use only `tx` (the outer `db` hangs
 * PGlite forever), and never make a network call inside a transaction.
 */
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDirLock, DirLockError, type DirLock } from "./lock";

export { schema };
export { DirLockError } from "./lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What `db.transaction` hands its callback; repositories accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Driver = "pglite" | "postgres";

/** The variables the store reads: DATABASE_URL, PGLITE_DIR, DB_POOL_MAX. */
export type StoreEnv = Readonly<Record<string, string | undefined>>;

export type Store = {
  readonly db: Db;
  readonly driver: Driver;
  /** Where the data lives: the PGlite directory, or the server URL without its password. */
  readonly location: string;
  /** Start-up cost, for the open log line: connect/create, then migrate (lock wait included). */
  readonly stats: { readonly openMs: number; readonly migrateMs: number };
  /**
   * Calls `onPayload` for every NOTIFY on `channel`, from this or any other instance on the same
   * database. `onGap` runs after a lost connection is re-established: notifications sent meanwhile
   * are gone, so the caller re-reads what it may have missed. Resolves once listening.
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type OpenStoreOptions = {
  /** Use PostgreSQL at this URL. Wins over `pgliteDir`. */
  databaseUrl?: string;
  /** PGlite data directory; defaults to `<cwd>/.data/pglite`. */
  pgliteDir?: string;
  /** Defaults to `<cwd>/drizzle`, which Next's output tracing copies into standalone builds. */
  migrationsFolder?: string;
  /** node-postgres pool size. */
  poolMax?: number;
};

/** Arbitrary but fixed: every instance of this app agrees on it, nothing else should use it. */
export const MIGRATION_LOCK_KEY = 7_240_512_118_633_001n;

function defaultMigrationsFolder(): string {
  return path.join(process.cwd(), "drizzle");
}

export function defaultPgliteDir(env: StoreEnv = process.env): string {
  const fromEnv = env.PGLITE_DIR;
  // turbopackIgnore: an env-derived path otherwise makes Turbopack trace the whole project.
  return fromEnv ? path.resolve(/*turbopackIgnore: true*/ fromEnv) : path.join(process.cwd(), ".data", "pglite");
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres (unparseable URL)";
  }
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  if (options.databaseUrl) return openPostgres(options.databaseUrl, migrationsFolder, options.poolMax ?? 10);
  return openPglite(options.pgliteDir ?? defaultPgliteDir(), migrationsFolder);
}

async function openPglite(dir: string, migrationsFolder: string): Promise<Store> {
  const abs = path.resolve(dir);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const lock: DirLock = await acquireDirLock(`${abs}.lock`);
  let client: import("@electric-sql/pglite").PGlite | undefined;
  try {
    const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator"),
    ]);
    const t0 = performance.now();
    client = await PGlite.create(abs);
    const db = drizzle(client, { schema });
    const t1 = performance.now();
    // The dir lock makes this process the only one here, so no advisory lock is needed.
    await migrate(db, { migrationsFolder });
    const stats = { openMs: t1 - t0, migrateMs: performance.now() - t1 };
    const opened = client;
    let closing: Promise<void> | undefined;
    return {
      db,
      driver: "pglite",
      location: abs,
      stats,
      // One process, one connection: nothing is ever missed, so there is no gap to report.
      listen: async (channel, onPayload) => {
        const unlisten = await opened.listen(channel, onPayload);
        return () => unlisten();
      },
      close: () =>
        (closing ??= (async () => {
          try {
            await opened.close();
          } finally {
            lock.release();
          }
        })()),
    };
  } catch (e) {
    await client?.close().catch(() => undefined);
    lock.release();
    throw e;
  }
}

async function openPostgres(url: string, migrationsFolder: string, poolMax: number): Promise<Store> {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  // Drizzle's migrator takes no lock and two instances starting together crash one of them.
  // Advisory locks belong to a connection, hence a dedicated Client rather than the pool.
  const t0 = performance.now();
  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  const t1 = performance.now();
  try {
    await migrator.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migrate(drizzle(migrator), { migrationsFolder });
    } finally {
      await migrator.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    await migrator.end();
  }
  const stats = { openMs: t1 - t0, migrateMs: performance.now() - t1 };
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle client's error (server restart, network blip) would otherwise crash the process.
  pool.on("error", (e) => console.error("[db] idle postgres client error:", e.message));
  const db = drizzle(pool, { schema });
  let closing: Promise<void> | undefined;
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    driver: "postgres",
    location: redactUrl(url),
    stats,
    listen: async (channel, onPayload, onGap) => {
      const stop = await listenOnPostgres(pg, url, channel, onPayload, onGap);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    close: () => (closing ??= Promise.all([...listeners].map((stop) => stop())).then(() => pool.end())),
  };
}

/**
 * LISTEN holds a connection of its own (a pooled one would be handed to someone else). When it
 * drops, reconnect with a capped backoff and report the gap.
 */
async function listenOnPostgres(
  pg: typeof import("pg").default,
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onGap?: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: import("pg").Client | null = null;
  let retryMs = 250;
  const quoted = `"${channel.replaceAll('"', '""')}"`;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
    });
    next.on("error", () => undefined);
    next.on("end", () => {
      if (stopped || client !== next) return;
      client = null;
      setTimeout(reconnect, retryMs).unref();
    });
    await next.connect();
    await next.query(`listen ${quoted}`);
    client = next;
  }

  async function reconnect(): Promise<void> {
    if (stopped) return;
    try {
      await connect();
      retryMs = 250;
      onGap?.();
    } catch {
      retryMs = Math.min(retryMs * 2, 10_000);
      setTimeout(reconnect, retryMs).unref();
    }
  }

  await connect();
  return async () => {
    stopped = true;
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}

type StoreGlobal = typeof globalThis & { __gorgiasDeskStore?: Promise<Store> };

/**
 * One store per process. It lives on globalThis because Next evaluates this module once per
 * graph (route handlers, pages, each HMR edit), and several PGlite instances on one directory is
 * split-brain plus ~260 MB each. Opened lazily: never at import, so `next build` does not touch `.data`.
 */
export function getDb(env: StoreEnv = process.env): Promise<Store> {
  const g = globalThis as StoreGlobal;
  if (!g.__gorgiasDeskStore) {
    const poolMax = Number.parseInt(env.DB_POOL_MAX ?? "", 10);
    const opening = openStore({
      databaseUrl: env.DATABASE_URL || undefined,
      pgliteDir: defaultPgliteDir(env),
      poolMax: Number.isFinite(poolMax) && poolMax > 0 ? poolMax : undefined,
    });
    g.__gorgiasDeskStore = opening;
    // A failed open must not be cached forever: the next request retries.
    opening.catch(() => {
      if (g.__gorgiasDeskStore === opening) g.__gorgiasDeskStore = undefined;
    });
  }
  return g.__gorgiasDeskStore;
}

/**
 * Why the store cannot open, in words for a visitor (no paths or pids: the server log has those),
 * or null when it is open. Each call retries a failed open.
 */
export async function storeProblem(env: StoreEnv = process.env): Promise<string | null> {
  try {
    await getDb(env);
    return null;
  } catch (e) {
    return e instanceof DirLockError
      ? "The Desk cannot open its database: another process holds its data directory."
      : "The Desk cannot open its database right now.";
  }
}

/** Closes and forgets the process store (scripts, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const g = globalThis as StoreGlobal;
  const opening = g.__gorgiasDeskStore;
  g.__gorgiasDeskStore = undefined;
  if (opening) await (await opening).close();
}

/**
 * The SQLSTATE of a database error, or undefined. Drizzle wraps driver errors in DrizzleQueryError
 * with the code on `.cause`, and PGlite's error class is minified, so match on `code` only.
 */
export function pgErrorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur && typeof cur === "object"; depth++) {
    // `syscall` marks a Node socket error, whose codes can look like SQLSTATEs (EPIPE).
    const isSqlState = "code" in cur && typeof cur.code === "string" && /^[0-9A-Z]{5}$/.test(cur.code);
    if (isSqlState && !("syscall" in cur)) return (cur as { code: string }).code;
    cur = "cause" in cur ? cur.cause : undefined;
  }
  return undefined;
}

export const PG_UNIQUE_VIOLATION = "23505";

/**
 * Raw SQL returning rows. `execute` is typed `unknown` on the driver-neutral Db, but both drivers
 * (pg's QueryResult, PGlite's Results) return an object with `rows`.
 */
export async function executeRows<T extends Record<string, unknown>>(
  db: DbOrTx,
  query: import("drizzle-orm").SQLWrapper,
): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
