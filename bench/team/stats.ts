/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : "NaN");

/** Counts of instants per consecutive window from `start` to `end` (ms). */
export function perWindow(times: readonly number[], start: number, end: number, windowMs: number): number[] {
  const n = Math.max(1, Math.ceil((end - start) / windowMs));
  const counts = Array<number>(n).fill(0);
  for (const t of times) {
    if (t < start || t >= end) continue;
    const i = Math.floor((t - start) / windowMs);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** The most instants in any window of `windowMs` (sliding, not aligned). */
export function slidingMax(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
