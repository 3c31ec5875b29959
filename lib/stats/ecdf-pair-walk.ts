/**
 * One merge walk over two ascending samples giving what three walks gave before: the pooled distinct
 * count (Evidently's n_unique of concat(reference, current)), the extremes of ECDF_a − ECDF_b with
 * where |gap| is first largest (scipy ks_2samp), and the integral of |ECDF_a − ECDF_b| (scipy
 * wasserstein_distance, via _cdf_distance with p = 1). Each distinct pooled value is visited once,
 * after all its ties are consumed, and every quantity is computed with the same float operations in
 * the same order as its own walk did (ks.ts, ecdf-distance.ts), so the results are the same bits.
 * For two sealed arrays (sealed-sorted.ts) the walk is remembered: a drift column's default choice,
 * ks and wasserstein then share it.
 */

import { NeumaierSum } from './neumaier-sum';
import { isSealedSorted } from './sealed-sorted';

/** Where |ECDF_a − ECDF_b| is largest (the first such pooled value) and both ECDFs there. */
export interface KsLocation {
  x: number;
  reference: number;
  current: number;
}

export interface EcdfPairWalk {
  /** Distinct values of a and b together (−0 and 0 are one value). */
  distinct: number;
  /** Smallest and largest ECDF_a − ECDF_b over the pooled values (0 when never below/above). */
  minDiff: number;
  maxDiff: number;
  location: KsLocation;
  /** ∫ |ECDF_a − ECDF_b| dx = scipy.stats.wasserstein_distance(a, b). */
  l1: number;
}

function walk(a: Float64Array, b: Float64Array): EcdfPairWalk {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let distinct = 0;
  // The last pooled value always gives 1 - 1 = 0, so 0 is a valid start for both.
  let minDiff = 0;
  let maxDiff = 0;
  let gap = -1;
  let location: KsLocation = { x: 0, reference: 0, current: 0 };
  const l1 = new NeumaierSum();
  while (i < n1 || j < n2) {
    // The pooled value as the reference's when both hold it (−0 and 0 are one value: the reference's sign).
    const v = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < n1 && a[i]! <= v) i++;
    while (j < n2 && b[j]! <= v) j++;
    distinct++;
    const diff = i / n1 - j / n2;
    if (diff < minDiff) minDiff = diff;
    if (diff > maxDiff) maxDiff = diff;
    if (Math.abs(diff) > gap) {
      gap = Math.abs(diff);
      location = { x: v, reference: i / n1, current: j / n2 };
    }
    // The interval up to the next pooled value (none after the last); v and scipy's pooled value differ
    // at most in the sign of a zero, which no difference to a larger value sees.
    if (i < n1 || j < n2) l1.add(Math.abs(diff) * (Math.min(i < n1 ? a[i]! : Infinity, j < n2 ? b[j]! : Infinity) - v));
  }
  return { distinct, minDiff, maxDiff, location, l1: l1.value };
}

const remembered = new WeakMap<Float64Array, WeakMap<Float64Array, EcdfPairWalk>>();

/** The walk over ascending, NaN-free a and b (not checked here); remembered when both are sealed. */
export function ecdfPairWalk(a: Float64Array, b: Float64Array): EcdfPairWalk {
  if (!(isSealedSorted(a) && isSealedSorted(b))) return walk(a, b);
  let byB = remembered.get(a);
  if (!byB) remembered.set(a, (byB = new WeakMap()));
  let result = byB.get(b);
  if (!result) byB.set(b, (result = walk(a, b)));
  return result;
}

/** Whether the walk over sealed a and b is remembered already (then it costs nothing more). */
export function isPairWalkRemembered(a: Float64Array, b: Float64Array): boolean {
  return remembered.get(a)?.has(b) ?? false;
}
