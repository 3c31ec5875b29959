/**
 * Energy distance between two 1-D empirical distributions, matching
 * scipy.stats.energy_distance(u, v) (unweighted) of scipy 1.10.1.
 */

import { assertSortedSample, ecdfLpIntegral } from './ecdf-distance';

/**
 * scipy.stats.energy_distance(a, b) = sqrt(2) * sqrt(integral (U - V)^2)
 * (Székely's energy distance via the Cramér L2 distance of the ECDFs).
 * Both inputs must already be sorted ascending (checked; RangeError otherwise,
 * and for empty samples, where scipy raises ValueError).
 */
export function energyDistance(sortedA: Float64Array, sortedB: Float64Array): number {
  assertSortedSample(sortedA, 'energy_distance', 'first');
  assertSortedSample(sortedB, 'energy_distance', 'second');
  return Math.SQRT2 * Math.sqrt(ecdfLpIntegral(sortedA, sortedB, 2));
}
