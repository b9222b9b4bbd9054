// Keeps ids ordered by (key, id) so list endpoints page by binary search instead of sorting
// 100 000 tickets per request. Keys are strings that sort lexicographically (our datetimes do).

export class SortedIndex {
  private ids: number[] = [];
  private keys: string[] = [];
  private readonly keyById = new Map<number, string>();

  constructor(private readonly keyOf: (id: number) => string) {}

  build(ids: Iterable<number>): void {
    const pairs: [string, number][] = [];
    for (const id of ids) pairs.push([this.keyOf(id), id]);
    pairs.sort((a, b) => compareKey(a[0], a[1], b[0], b[1]));
    this.ids = pairs.map((p) => p[1]);
    this.keys = pairs.map((p) => p[0]);
    this.keyById.clear();
    for (const [key, id] of pairs) this.keyById.set(id, key);
  }

  get length(): number {
    return this.ids.length;
  }

  idAt(i: number): number {
    return this.ids[i] ?? -1;
  }

  keyAt(i: number): string {
    return this.keys[i] ?? "";
  }

  /** Re-positions an id after its key may have changed (also inserts new ids). */
  upsert(id: number): void {
    const old = this.keyById.get(id);
    const key = this.keyOf(id);
    if (old === key) return;
    if (old !== undefined) this.removeAt(this.lowerBound(old, id));
    const at = this.lowerBound(key, id);
    this.ids.splice(at, 0, id);
    this.keys.splice(at, 0, key);
    this.keyById.set(id, key);
  }

  remove(id: number): void {
    const old = this.keyById.get(id);
    if (old === undefined) return;
    this.removeAt(this.lowerBound(old, id));
    this.keyById.delete(id);
  }

  /** First position whose (key, id) is >= the given pair. */
  lowerBound(key: string, id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKey(this.keys[mid] ?? "", this.ids[mid] ?? 0, key, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private removeAt(at: number): void {
    this.ids.splice(at, 1);
    this.keys.splice(at, 1);
  }
}

export function compareKey(ka: string, ia: number, kb: string, ib: number): number {
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return ia - ib;
}
