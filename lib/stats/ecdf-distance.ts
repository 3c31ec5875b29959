/**
 * Shared core of scipy.stats._cdf_distance for unweighted samples:
 * sum over the merged sorted values of |U - V|^p * (next value - value),
 * where U, V are the two empirical CDFs (scipy 1.10.1, p = 1 or 2).
 */

import { NeumaierSum } from './neumaier-sum';

/** Throws RangeError unless `values` is non-empty, NaN-free and ascending. */
export function assertSortedSample(values: Float64Array, fn: string, label: string): void {
  if (values.length === 0) throw new RangeError(`${fn}: ${label} distribution can't be empty`);
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
