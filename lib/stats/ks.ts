/**
 * Two-sample Kolmogorov-Smirnov test matching
 * scipy.stats.ks_2samp(a, b, alternative='two-sided', method='auto') of
 * scipy 1.10.1 (scipy/stats/_stats_py.py).
 */

import { kstwoSf } from './kolmogorov';
import { outerProbInside, probOutsideSquare } from './ks-exact';
import { ecdfPairWalk, type KsLocation } from './ecdf-pair-walk';
import { isSealedSorted } from './sealed-sorted';

export type { KsLocation } from './ecdf-pair-walk';

export interface KsResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymp';
  location: KsLocation;
}

/** 'auto' tries the exact distribution when both sizes are at most this. */
const MAX_AUTO_N = 10000;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** numpy.round: ties go to the even neighbour (Math.round would go up). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function assertSorted(xs: Float64Array, label: string): void {
  if (isSealedSorted(xs)) return;
  if (Number.isNaN(xs[0])) throw new RangeError(`ks: ${label} contains NaN`);
  for (let i = 1; i < xs.length; i++) {
    // `!(>=)` also rejects NaN, which would otherwise stall the merge walk.
    if (!(xs[i]! >= xs[i - 1]!)) throw new RangeError(`ks: ${label} must be sorted ascending without NaN`);
  }
}

/**
 * Two-sided two-sample KS test on ascending, NaN-free samples.
 * statistic: sup |ECDF_a - ECDF_b| (on the exact path snapped to h/lcm(n1,n2)
 * as scipy does). pValue: exact Hodges/Viehmann lattice-path probability when
 * max(n1, n2) <= 10000, otherwise kstwo.sf(D, round(n1 n2 / (n1 + n2))).
 */
export function ks2Samp(sortedA: Float64Array, sortedB: Float64Array): KsResult {
  const n1 = sortedA.length;
  const n2 = sortedB.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks: both samples need at least one value');
  assertSorted(sortedA, 'first sample');
  assertSorted(sortedB, 'second sample');

  // Largest positive and negative gaps of ECDF_a - ECDF_b and where |gap| is first largest: scipy evaluates
  // searchsorted(side='right') at every pooled value; the walk visits each distinct value once after
  // consuming all its ties, which gives the same set of differences with the same float operations.
  const walked = ecdfPairWalk(sortedA, sortedB);
  const { minDiff, maxDiff } = walked;
  // A copy: the walk may be remembered and shared.
  const location = { ...walked.location };
  const minS = Math.min(Math.max(-minDiff, 0), 1);
  let d = minS > maxDiff ? minS : maxDiff;

  if (Math.max(n1, n2) <= MAX_AUTO_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pValue: 1.0, method: 'exact', location };
    const prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    // scipy rejects (and warns) when the exact value is not a probability,
    // which happens for n1 == n2 and tiny h through rounding (e.g. 1+2^-52);
    // the NaN/Infinity test stands in for its FloatingPointError branch.
    if (prob >= 0 && prob <= 1) return { statistic: d, pValue: prob, method: 'exact', location };
  }

  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  const p = kstwoSf(d, roundHalfEven(en));
  return { statistic: d, pValue: Math.min(Math.max(p, 0), 1), method: 'asymp', location };
}
