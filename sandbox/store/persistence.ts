import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { KINDS, type AccountStore, type Kind } from "./account-store.js";

// The seed is deterministic, so the snapshot stores only the seed parameters plus every record
// changed since seeding. Loading reseeds and replays those records: a 100 000-ticket account
// persists in kilobytes and restarts as fast as it seeds.

export interface SnapshotHeader {
  /** 2: datetimes carry `+00:00`; older snapshots are not replayed (they reseed). */
  version: 2;
  seed: number;
  tickets: number;
  anchorMs: number;
}

interface AccountOverlay {
  nextId: Record<Kind, number>;
  records: Partial<Record<Kind, unknown[]>>;
  deleted?: Partial<Record<Kind, number[]>>;
}

export interface Snapshot extends SnapshotHeader {
  accounts: Record<string, AccountOverlay>;
}

const FILE = "state.json";

export function readSnapshot(dir: string): Snapshot | null {
  const path = join(dir, FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
    return parsed.version === 2 ? parsed : null;
  } catch {
    return null;
  }
}

export function writeSnapshot(dir: string, header: SnapshotHeader, stores: Iterable<AccountStore>): void {
  const accounts: Record<string, AccountOverlay> = {};
  for (const store of stores) {
    const records: Partial<Record<Kind, unknown[]>> = {};
    for (const kind of KINDS) {
      const ids = store.dirty[kind];
      if (ids.size === 0) continue;
      const map = store.data[kind] as Map<number, unknown>;
      records[kind] = [...ids].flatMap((id) => {
        const rec = map.get(id);
        return rec === undefined ? [] : [rec];
      });
    }
    const deleted: Partial<Record<Kind, number[]>> = {};
    for (const kind of KINDS) if (store.deleted[kind].size > 0) deleted[kind] = [...store.deleted[kind]];
    accounts[store.domain] = { nextId: { ...store.nextId }, records, deleted };
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...header, accounts } satisfies Snapshot));
  renameSync(tmp, path);
}

export function applyOverlay(store: AccountStore, overlay: AccountOverlay | undefined): void {
  if (!overlay) return;
  for (const kind of KINDS) {
    const records = overlay.records[kind];
    if (!records) continue;
    const map = store.data[kind] as Map<number, unknown>;
    for (const rec of records) {
      const id = (rec as { id: number }).id;
      map.set(id, rec);
      store.dirty[kind].add(id);
    }
  }
  for (const kind of KINDS) {
    const map = store.data[kind] as Map<number, unknown>;
    for (const id of overlay.deleted?.[kind] ?? []) {
      map.delete(id);
      store.deleted[kind].add(id);
    }
  }
  for (const kind of KINDS) store.nextId[kind] = Math.max(store.nextId[kind], overlay.nextId[kind] ?? 0);
  store.rebuildIndexes();
}
