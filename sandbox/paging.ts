import { compareKey } from "./store/sorted-index.js";
import { encodeCursor, type Cursor } from "./util/cursor.js";

export type SortDir = "asc" | "desc";

/** A read-only sequence of ids in ascending (key, id) order. */
export interface Ordered {
  length: number;
  idAt(i: number): number;
  keyAt(i: number): string;
}

export function fromEntries(entries: { id: number; key: string }[]): Ordered {
  const sorted = [...entries].sort((a, b) => compareKey(a.key, a.id, b.key, b.id));
  return {
    length: sorted.length,
    idAt: (i) => sorted[i]?.id ?? -1,
    keyAt: (i) => sorted[i]?.key ?? "",
  };
}

export interface Page {
  ids: number[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** Boundary cursors of this page whatever the direction, for view-item URLs. */
  first: { key: string; id: number } | null;
  last: { key: string; id: number } | null;
  hasNext: boolean;
  hasPrev: boolean;
}

/**
 * Keyset pagination over an ordered sequence with an optional filter: scans only as far as
 * the page needs (plus one look-ahead match each side), so unfiltered pages of a huge
 * account cost the same as small ones.
 */
export function pageOver(
  source: Ordered,
  dir: SortDir,
  match: ((id: number) => boolean) | null,
  cursor: Cursor | null,
  limit: number,
): Page {
  const n = source.length;
  const at = (i: number) => (dir === "asc" ? i : n - 1 - i);
  const idAt = (i: number) => source.idAt(at(i));
  const keyAt = (i: number) => source.keyAt(at(i));
  const ok = (i: number) => match === null || match(idAt(i));
  const sign = dir === "asc" ? 1 : -1;
  // First position (in requested order) whose item is at/after the cursor item.
  const boundary = (strict: boolean): number => {
    if (!cursor) return 0;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = sign * compareKey(keyAt(mid), idAt(mid), cursor.key, cursor.id);
      if (strict ? c <= 0 : c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const findForward = (from: number): boolean => {
    for (let i = from; i < n; i++) if (ok(i)) return true;
    return false;
  };
  const findBackward = (from: number): boolean => {
    for (let i = from; i >= 0; i--) if (ok(i)) return true;
    return false;
  };

  const positions: number[] = [];
  let hasNext: boolean;
  let hasPrev: boolean;
  if (!cursor || cursor.direction === "next") {
    const start = boundary(true);
    let i = start;
    for (; i < n && positions.length < limit; i++) if (ok(i)) positions.push(i);
    hasNext = findForward(i);
    hasPrev = cursor ? findBackward(start - 1) : false;
  } else {
    const end = boundary(false);
    let i = end - 1;
    for (; i >= 0 && positions.length < limit; i--) if (ok(i)) positions.push(i);
    positions.reverse();
    hasPrev = findBackward(i);
    hasNext = findForward(end);
  }
  const firstPos = positions[0];
  const lastPos = positions[positions.length - 1];
  const first = firstPos === undefined ? null : { key: keyAt(firstPos), id: idAt(firstPos) };
  const last = lastPos === undefined ? null : { key: keyAt(lastPos), id: idAt(lastPos) };
  return {
    ids: positions.map(idAt),
    nextCursor: hasNext && last ? encodeCursor("next", last.key, last.id) : null,
    prevCursor: hasPrev && first ? encodeCursor("prev", first.key, first.id) : null,
    first,
    last,
    hasNext,
    hasPrev,
  };
}
