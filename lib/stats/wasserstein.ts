/**
 * First Wasserstein (earth mover's) distance between two 1-D empirical
 * distributions, matching scipy.stats.wasserstein_distance(u, v) (unweighted)
 * of scipy 1.10.1, plus Evidently's normed variant used as a drift score.
 */

import { assertSortedSample, ecdfLpIntegral } from './ecdf-distance';
import { NeumaierSum } from './neumaier-sum';

/**
 * scipy.stats.wasserstein_distance(a, b) = integral |U - V| over the line.
 * Both inputs must already be sorted ascending (checked; RangeError otherwise,
 * and for empty samples, where scipy raises ValueError).
 */
export function wassersteinDistance(sortedA: Float64Array, sortedB: Float64Array): number {
  assertSortedSample(sortedA, 'wasserstein_distance', 'first');
  assertSortedSample(sortedB, 'wasserstein_distance', 'second');
  return ecdfLpIntegral(sortedA, sortedB, 1);
}

/** Population standard deviation, numpy.std(x) (ddof = 0, two-pass). */
function populationStd(x: Float64Array): number {
  const n = x.length;
  const s = new NeumaierSum();
  for (let i = 0; i < n; i++) s.add(x[i]!);
  const mean = s.value / n;
  const ss = new NeumaierSum();
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    ss.add(d * d);
  }
  return Math.sqrt(ss.value / n);
}

/**
 * Evidently's `wasserstein` drift score (wasserstein_distance_norm):
 * wasserstein_distance(reference, current) / max(np.std(reference), 0.001).
 * The first argument is the reference sample.
 */
export function normedWasserstein(sortedA: Float64Array, sortedB: Float64Array): number {
  const wd = wassersteinDistance(sortedA, sortedB);
  return wd / Math.max(populationStd(sortedA), 0.001);
}
