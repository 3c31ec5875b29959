/**
 * Fisher's exact test for a 2x2 table, matching
 * scipy.stats.fisher_exact(table, alternative='two-sided') of scipy 1.10.1
 * step for step (scipy/stats/_stats_py.py):
 * - a zero row or column sum gives statistic NaN, p = 1;
 * - statistic = sample odds ratio c00 c11 / (c10 c01), Infinity whenever
 *   c10 = 0 or c01 = 0 (even if c00 c11 = 0 too, e.g. [[0, 0], ...] is
 *   caught by the zero-row rule first), 0 when c00 c11 = 0 < c10 c01;
 * - two-sided p sums the hypergeometric pmf over tables no more likely than
 *   the observed one, with scipy 1.10's relative tolerance gamma = 1 + 1e-14
 *   (not 1 + 1e-7 as in R / later scipy): p = 1 when pmf(observed) is within
 *   1e-14 of pmf(mode); otherwise the far tail is located by scipy's binary
 *   search on the pmf, and p = min(1, near tail + far tail).
 * Counts must be non-negative integers (scipy would silently truncate
 * non-integers to int64; we throw RangeError instead).
 */

import { Hypergeom2x2 } from './hypergeom';

export interface FisherExactResult {
  /** Sample odds ratio (scipy's "statistic"); may be Infinity or NaN. */
  statistic: number;
  pValue: number;
}

export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

const EPSILON = 1e-14;
const GAMMA = 1 + EPSILON;

/**
 * scipy _binary_search: i in [lo, hi] with a(i) <= d < a(i + 1) for
 * a non-decreasing a (may return lo - 1).
 */
function binarySearch(a: (i: number) => number, d: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const midval = a(mid);
    if (midval < d) lo = mid + 1;
    else if (midval > d) hi = mid - 1;
    else return mid;
  }
  return a(lo) <= d ? lo : lo - 1;
}

/** scipy.stats.fisher_exact(table) two-sided, scipy 1.10.1. */
export function fisherExact2x2(table: Table2x2): FisherExactResult {
  const [[c00, c01], [c10, c11]] = table;
  for (const v of [c00, c01, c10, c11]) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`fisherExact2x2: table entries must be non-negative integers, got ${v}`);
    }
  }
  if (c00 + c01 === 0 || c10 + c11 === 0 || c00 + c10 === 0 || c01 + c11 === 0) {
    return { statistic: NaN, pValue: 1 };
  }
  // numpy: int64 products, each converted to double, then divided.
  const statistic = c10 > 0 && c01 > 0 ? (c00 * c11) / (c10 * c01) : Infinity;

  const n1 = c00 + c01;
  const n2 = c10 + c11;
  const n = c00 + c10;
  const h = new Hypergeom2x2(n1, n2, n);
  const pmf = (k: number): number => h.pmf(k);
  const mode = Math.trunc(((n + 1) * (n1 + 1)) / (n1 + n2 + 2));
  const cdf = (k: number): number => h.sum(h.lo, k, mode);
  const sf = (k: number): number => h.sum(k + 1, h.hi, mode);

  const pexact = pmf(c00);
  const pmode = pmf(mode);
  if (Math.abs(pexact - pmode) / Math.max(pexact, pmode) <= EPSILON) {
    return { statistic, pValue: 1 };
  }
  let pValue: number;
  if (c00 < mode) {
    const plower = cdf(c00);
    if (pmf(n) > pexact * GAMMA) return { statistic, pValue: plower };
    const guess = binarySearch((x) => -pmf(x), -pexact * GAMMA, mode, n);
    pValue = plower + sf(guess);
  } else {
    const pupper = sf(c00 - 1);
    if (pmf(0) > pexact * GAMMA) return { statistic, pValue: pupper };
    const guess = binarySearch(pmf, pexact * GAMMA, 0, mode);
    pValue = pupper + cdf(guess);
  }
  return { statistic, pValue: Math.min(pValue, 1) };
}
