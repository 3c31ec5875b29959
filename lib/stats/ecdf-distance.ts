/**
 * Shared core of scipy.stats._cdf_distance for unweighted samples:
 * sum over the merged sorted values of |U - V|^p * (next value - value),
 * where U, V are the two empirical CDFs (scipy 1.10.1, p = 1 or 2).
 */

import { NeumaierSum } from './neumaier-sum';
import { isSealedSorted } from './sealed-sorted';

/** Throws RangeError unless `values` is non-empty, NaN-free and ascending. */
export function assertSortedSample(values: Float64Array, fn: string, label: string): void {
  if (values.length === 0) throw new RangeError(`${fn}: ${label} distribution can't be empty`);
  if (isSealedSorted(values)) return;
  let prev = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= prev)) {
      throw new RangeError(`${fn}: ${label} sample must be sorted ascending and free of NaN (index ${i})`);
    }
    prev = v;
  }
}

/**
 * Integral of |U - V|^p between the ECDFs of sorted samples a and b, in O(n + m).
 * Ties contribute zero-width intervals, so each distinct value is visited once.
 * scipy: sum(|u_cdf - v_cdf|^p * diff(all_values)) with u_cdf = searchsorted(right) / n.
 */
export function ecdfLpIntegral(a: Float64Array, b: Float64Array, p: 1 | 2): number {
  const na = a.length;
  const nb = b.length;
  let i = 0;
  let j = 0;
  const acc = new NeumaierSum();
  let z = Math.min(a[0]!, b[0]!);
  for (;;) {
    while (i < na && a[i]! <= z) i++;
    while (j < nb && b[j]! <= z) j++;
    if (i === na && j === nb) break;
    const next = Math.min(i < na ? a[i]! : Infinity, j < nb ? b[j]! : Infinity);
    const diff = i / na - j / nb;
    const delta = next - z;
    acc.add(p === 1 ? Math.abs(diff) * delta : diff * diff * delta);
    z = next;
  }
  return acc.value;
}

/** A sorted sample as its distinct values and, for each, how many values are ≤ it (its length n). */
export interface SortedRuns {
  values: Float64Array;
  atOrBelow: Float64Array;
  n: number;
}

/** The runs of equal values of an ascending sample (checked as assertSortedSample does). */
export function sortedRuns(sorted: Float64Array, fn: string, label: string): SortedRuns {
  assertSortedSample(sorted, fn, label);
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const values = new Float64Array(distinct);
  const atOrBelow = new Float64Array(distinct);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) values[++k] = sorted[i]!;
    atOrBelow[k] = i + 1;
  }
  return { values, atOrBelow, n: sorted.length };
}

/**
 * ecdfLpIntegral(a, b, p) with `a` given as its runs: the same intervals, terms and summation order
 * (so the same bits), without stepping over a's repeated values — a reference with ties met again in
 * every window is walked over its distinct values only.
 */
export function ecdfLpIntegralRuns(a: SortedRuns, b: Float64Array, p: 1 | 2): number {
  const { values, atOrBelow, n: na } = a;
  const ma = values.length;
  const nb = b.length;
  let k = 0;
  let j = 0;
  const acc = new NeumaierSum();
  let z = Math.min(values[0]!, b[0]!);
  for (;;) {
    while (k < ma && values[k]! <= z) k++;
    while (j < nb && b[j]! <= z) j++;
    if (k === ma && j === nb) break;
    const next = Math.min(k < ma ? values[k]! : Infinity, j < nb ? b[j]! : Infinity);
    const diff = (k === 0 ? 0 : atOrBelow[k - 1]!) / na - j / nb;
    const delta = next - z;
    acc.add(p === 1 ? Math.abs(diff) * delta : diff * diff * delta);
    z = next;
  }
  return acc.value;
}
