import { and, eq, like, lt, sql } from "drizzle-orm";
import { sharedSnapshots } from "./schema";
import type { Db, DbOrTx } from "./store";

export interface Snapshot {
  readonly key: string;
  readonly version: string | null;
  readonly body: unknown;
  readonly fetchedAt: Date;
}

/** The account's entries whose key starts with `prefix` (LIKE wildcards in it taken literally). */
const under = (accountDomain: string, prefix: string) =>
  and(eq(sharedSnapshots.accountDomain, accountDomain), like(sharedSnapshots.key, `${prefix.replace(/[\\%_]/g, "\\$&")}%`));

const columns = { key: sharedSnapshots.key, version: sharedSnapshots.version, body: sharedSnapshots.body, fetchedAt: sharedSnapshots.fetchedAt };

/**
 * An entry as stored, with a stamp of the write that left it (the row's `xmin`, the transaction
 * that wrote this row version): equal stamps, the same body, on PGlite and PostgreSQL alike.
 */
export type StoredSnapshot = Snapshot & { readonly stamp: string };
export type SnapshotHead = Omit<StoredSnapshot, "body">;

const one = (accountDomain: string, key: string) => and(eq(sharedSnapshots.accountDomain, accountDomain), eq(sharedSnapshots.key, key));
const stamp = sql<string>`xmin::text`;

export async function getSnapshot(db: DbOrTx, accountDomain: string, key: string): Promise<StoredSnapshot | null> {
  const [row] = await db
    .select({ ...columns, stamp })
    .from(sharedSnapshots)
    .where(one(accountDomain, key));
  return row ?? null;
}

/** An entry without its body: a thread's body can be megabytes, and its head decides whether it is read at all. */
export async function getSnapshotHead(db: DbOrTx, accountDomain: string, key: string): Promise<SnapshotHead | null> {
  const [row] = await db
    .select({ key: sharedSnapshots.key, version: sharedSnapshots.version, fetchedAt: sharedSnapshots.fetchedAt, stamp })
    .from(sharedSnapshots)
    .where(one(accountDomain, key));
  return row ?? null;
}

/** Every entry whose key starts with `prefix` (the account's cached lists). */
export async function snapshotsUnder(db: DbOrTx, accountDomain: string, prefix: string): Promise<Snapshot[]> {
  return db
    .select(columns)
    .from(sharedSnapshots)
    .where(under(accountDomain, prefix));
}

/**
 * Writes an entry unless the stored one is of a newer version (a slow read that lost a race to a
 * fresher one must not undo it). Returns whether it was written, its stamp if so, and the version
 * it replaced.
 */
export async function putSnapshot(
  db: DbOrTx,
  accountDomain: string,
  entry: Snapshot,
): Promise<{ readonly written: boolean; readonly stamp: string | null; readonly previousVersion: string | null }> {
  const before = await getSnapshotHead(db, accountDomain, entry.key);
  const rows = await db
    .insert(sharedSnapshots)
    .values({ accountDomain, key: entry.key, version: entry.version, body: entry.body, fetchedAt: entry.fetchedAt })
    .onConflictDoUpdate({
      target: [sharedSnapshots.accountDomain, sharedSnapshots.key],
      set: { version: sql`excluded.version`, body: sql`excluded.body`, fetchedAt: sql`excluded.fetched_at` },
      setWhere: sql`${sharedSnapshots.version} is null or excluded.version is not null and excluded.version::timestamptz >= ${sharedSnapshots.version}::timestamptz`,
    })
    .returning({ stamp });
  return { written: rows.length > 0, stamp: rows[0]?.stamp ?? null, previousVersion: before?.version ?? null };
}

/**
 * Marks an entry as read again at `fetchedAt`, its body unchanged, if its row is still the one
 * `stamp` names. Returns the new stamp, or null when the row changed meanwhile (write it instead).
 */
export async function touchSnapshot(db: DbOrTx, accountDomain: string, key: string, stamp: string, fetchedAt: Date): Promise<string | null> {
  const [row] = await db
    .update(sharedSnapshots)
    .set({ fetchedAt })
    .where(and(one(accountDomain, key), sql`xmin::text = ${stamp}`))
    .returning({ stamp: sql<string>`xmin::text` });
  return row?.stamp ?? null;
}

/**
 * Rewrites the bodies of the entries under `prefix` in one transaction, rows locked, so two
 * instances patching the same list at once apply both changes. `rewrite` returns the new body, or
 * null to leave the entry alone. The read time is kept (a patch is not a read from Gorgias) unless
 * `fetchedAt` says the new bodies come from one.
 */
export async function rewriteSnapshotsUnder(
  db: Db,
  accountDomain: string,
  prefix: string,
  rewrite: (entry: Snapshot) => unknown,
  fetchedAt?: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select(columns)
      .from(sharedSnapshots)
      .where(under(accountDomain, prefix))
      .for("update");
    let changed = 0;
    for (const row of rows) {
      const body = rewrite(row);
      if (body === null) continue;
      await tx.update(sharedSnapshots).set(fetchedAt ? { body, fetchedAt } : { body }).where(and(eq(sharedSnapshots.accountDomain, accountDomain), eq(sharedSnapshots.key, row.key)));
      changed += 1;
    }
    return changed;
  });
}

/** Forgets entries: all of the account's, or those under a key prefix; only those read before `fetchedBefore` if given. */
export async function dropSnapshots(db: DbOrTx, accountDomain: string, prefix = "", fetchedBefore?: Date): Promise<void> {
  await db.delete(sharedSnapshots).where(fetchedBefore ? and(under(accountDomain, prefix), lt(sharedSnapshots.fetchedAt, fetchedBefore)) : under(accountDomain, prefix));
}

export async function pruneSnapshots(db: DbOrTx, olderThan: Date): Promise<number> {
  const rows = await db.delete(sharedSnapshots).where(lt(sharedSnapshots.fetchedAt, olderThan)).returning({ key: sharedSnapshots.key });
  return rows.length;
}
