/**
 * Test stores. PGlite: a migrated template built once per migration set (initdb costs ~5 s) and
 * copied per test file (~1 s); never `memory://`, which re-runs initdb. PostgreSQL: a fresh
 * database per test file on the server named by TEST_DATABASE_URL, dropped afterwards.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { DirLockError, openStore, type Store } from "@/lib/db";
import { acquireDirLock, type DirLock } from "@/lib/db/lock";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const migrationsFolder = path.join(repoRoot, "drizzle");

export type TestTarget = {
  label: "pglite" | "postgres";
  /** Opens (again) the same underlying database; each call returns an independent handle. */
  open(): Promise<Store>;
  /** Where the data lives, for tests that spawn other processes. */
  location: string;
  cleanup(): Promise<void>;
};

function migrationsHash(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else h.update(name).update(fs.readFileSync(p));
    }
  };
  walk(migrationsFolder);
  const pgliteVersion = JSON.parse(
    fs.readFileSync(path.join(repoRoot, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
  ) as { version: string };
  h.update(pgliteVersion.version);
  return h.digest("hex").slice(0, 16);
}

export const timings: Record<string, number> = {};

/**
 * Built once by one worker while the others wait (initdb peaks near 800 MB, so parallel test files
 * must not each run it), into a private dir renamed into place so nobody sees half a template.
 */
export async function pgliteTemplate(): Promise<string> {
  const template = path.join(os.tmpdir(), `gorgias-desk-pglite-template-${migrationsHash()}`);
  const ready = () => fs.existsSync(path.join(template, "PG_VERSION"));
  const deadline = Date.now() + 120_000;
  while (!ready()) {
    let lock: DirLock;
    try {
      lock = await acquireDirLock(`${template}.build.lock`);
    } catch (e) {
      if (!(e instanceof DirLockError) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (ready()) break;
      const build = `${template}.build-${process.pid}-${randomBytes(3).toString("hex")}`;
      const t0 = performance.now();
      const store = await openStore({ pgliteDir: build, migrationsFolder });
      await store.close();
      timings.templateBuildMs = performance.now() - t0;
      timings.templateInitdbMs = store.stats.openMs;
      timings.templateMigrateMs = store.stats.migrateMs;
      fs.renameSync(build, template);
    } finally {
      lock.release();
    }
  }
  return template;
}

export async function pgliteTarget(): Promise<TestTarget> {
  const template = await pgliteTemplate();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "gorgias-desk-store-"));
  const dir = path.join(root, "pglite");
  const t0 = performance.now();
  fs.cpSync(template, dir, { recursive: true });
  timings.templateCopyMs = performance.now() - t0;
  return {
    label: "pglite",
    location: dir,
    open: () => openStore({ pgliteDir: dir, migrationsFolder }),
    cleanup: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export async function createScratchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gd_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function postgresTarget(adminUrl: string): Promise<TestTarget> {
  const scratch = await createScratchDatabase(adminUrl);
  return {
    label: "postgres",
    location: scratch.url,
    open: () => openStore({ databaseUrl: scratch.url, migrationsFolder, poolMax: 4 }),
    cleanup: () => scratch.drop(),
  };
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/** PGlite always, and PostgreSQL too when TEST_DATABASE_URL is set (scripts/test-postgres.sh). */
export function storeTargets(): Array<[string, () => Promise<TestTarget>]> {
  const targets: Array<[string, () => Promise<TestTarget>]> = [["pglite", pgliteTarget]];
  const url = testDatabaseUrl;
  if (url) targets.push(["postgres", () => postgresTarget(url)]);
  return targets;
}

/** A fresh store for the enclosing `describe`, closed and removed after it. */
export function useTestStore(makeTarget: () => Promise<TestTarget>): { readonly store: Store; readonly target: TestTarget } {
  const state = {} as { store: Store; target: TestTarget };
  beforeAll(async () => {
    state.target = await makeTarget();
    state.store = await state.target.open();
  });
  afterAll(async () => {
    await state.store?.close();
    await state.target?.cleanup();
  });
  return state;
}
