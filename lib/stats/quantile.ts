/**
 * numpy.percentile / numpy.quantile with the default method='linear' (numpy 1.24), on values
 * already sorted ascending and free of NaN. Bit-for-bit: the virtual index is (n − 1)·q and the
 * interpolation is numpy's _lerp, which works from the nearer end so q = 1 gives the maximum exactly.
 */

/** numpy's _lerp(a, b, t): a + (b − a)·t, or b − (b − a)·(1 − t) when t ≥ 0.5. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** numpy.quantile(sorted, q) for q in [0, 1]; null for an empty array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: ${q} — use a value between 0 and 1`);
  const h = (n - 1) * q;
  if (h >= n - 1) return sorted[n - 1]!;
  const lo = Math.floor(h);
  return lerp(sorted[lo]!, sorted[lo + 1]!, h - lo);
}

/** numpy.percentile(sorted, p) for p in [0, 100] (numpy divides p by 100 first); null for an empty array. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: ${p} — use a value between 0 and 100`);
  return quantileSorted(sorted, p / 100);
}
