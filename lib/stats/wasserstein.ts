/**
 * First Wasserstein (earth mover's) distance between two 1-D empirical
 * distributions, matching scipy.stats.wasserstein_distance(u, v) (unweighted)
 * of scipy 1.10.1, plus Evidently's normed variant used as a drift score.
 */

import { assertSortedSample, ecdfLpIntegralRuns, type SortedRuns } from './ecdf-distance';
import { ecdfPairWalk } from './ecdf-pair-walk';
import { NeumaierSum } from './neumaier-sum';
import { unscaleByPowerOfTwo } from './power-of-two-scale';

/**
 * scipy.stats.wasserstein_distance(a, b) = integral |U - V| over the line.
 * Both inputs must already be sorted ascending (checked; RangeError otherwise,
 * and for empty samples, where scipy raises ValueError).
 */
export function wassersteinDistance(sortedA: Float64Array, sortedB: Float64Array): number {
  assertSortedSample(sortedA, 'wasserstein_distance', 'first');
  assertSortedSample(sortedB, 'wasserstein_distance', 'second');
  // ecdfLpIntegral(sortedA, sortedB, 1), from the walk ks2Samp and the pooled distinct count share.
  return ecdfPairWalk(sortedA, sortedB).l1;
}

/** Population standard deviation, numpy.std(x) (ddof = 0, two-pass). */
export function populationStd(x: Float64Array): number {
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
 * The first argument is the reference sample. `exponent` k says the samples were divided by 2^k
 * (lib/stats/power-of-two-scale.ts): distance and std scale alike, so their ratio needs no undoing,
 * only the 0.001 floor is compared in the original units. `std` is populationStd(sortedA) when the
 * caller already has it (a reference tested against many windows), and `runsA` sortedA's runs
 * (ecdf-distance.ts's sortedRuns) — the same distance, bit for bit, in fewer steps when A has ties.
 */
export function normedWasserstein(sortedA: Float64Array, sortedB: Float64Array, exponent = 0, std = populationStd(sortedA), runsA?: SortedRuns): number {
  let wd: number;
  if (runsA) {
    assertSortedSample(sortedB, 'wasserstein_distance', 'second');
    wd = ecdfLpIntegralRuns(runsA, sortedB, 1);
  } else wd = wassersteinDistance(sortedA, sortedB);
  return unscaleByPowerOfTwo(std, exponent) >= 0.001 ? wd / std : unscaleByPowerOfTwo(wd, exponent) / 0.001;
}
