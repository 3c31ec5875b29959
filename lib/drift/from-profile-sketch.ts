/**
 * Drift statistics approximated from two profiles' KLL sketches (issue 19), within a stated bound.
 * ks: each sketch's CDF is a step function that changes only at its retained items, so the largest
 * gap between the two estimated CDFs is at one of those items; each estimated CDF is within ε of the
 * true one (kllRankErrorBound, 99 % per query), so |D̂ − D| ≤ ε_ref + ε_cur.
 * wasserstein: ∫|F̂_ref − F̂_cur| over the items, so |Ŵ − W| ≤ (ε_ref + ε_cur)·(max − min), divided by
 * the reference's std as Evidently's normed score. ed: ED² = 2∫(F̂_ref − F̂_cur)², so
 * |ED² − ED²_rows| ≤ 4·(ε_ref + ε_cur)·(max − min).
 */

import { kllRank } from '../profile/mergeable/kll';
import type { KllSketch } from '../profile/mergeable/types';
import { kstwoSf } from '../stats/kolmogorov';
import { roundHalfEven } from '../stats/ks';
import type { TestOutcome } from './types';

/** Both sketches' retained items, ascending and distinct. */
function itemsOf(reference: KllSketch, current: KllSketch): number[] {
  return [...new Set([...reference.levels.flat(), ...current.levels.flat()])].sort((a, b) => a - b);
}

/** ∫|F̂_ref − F̂_cur|^p dx over the step CDFs of the two sketches. */
function cdfGapIntegral(reference: KllSketch, current: KllSketch, p: 1 | 2): number {
  const points = itemsOf(reference, current);
  let sum = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    sum += Math.abs(kllRank(reference, points[i]!) - kllRank(current, points[i]!)) ** p * (points[i + 1]! - points[i]!);
  }
  return sum;
}

/** scipy energy_distance from sketches: sqrt(2·∫(F̂_ref − F̂_cur)² dx), exact when the sketches kept every value. */
export function energyDistanceFromSketches(reference: KllSketch, current: KllSketch): TestOutcome {
  return { statistic: Math.sqrt(2 * cdfGapIntegral(reference, current, 2)) };
}

/**
 * Evidently's normed Wasserstein from sketches: ∫|F̂_ref − F̂_cur| dx (step CDFs, exact when the
 * sketches kept every value) / max(population std of the reference, 0.001) — the std from its moments.
 */
export function wassersteinFromSketches(reference: KllSketch, current: KllSketch, referenceStd: number): TestOutcome {
  return { statistic: cdfGapIntegral(reference, current, 1) / Math.max(referenceStd, 0.001) };
}

/** Two-sample KS from sketches: D̂ at the retained items, p from scipy's asymptotic kstwo(D̂, round(n·m/(n+m))). */
export function ksFromSketches(reference: KllSketch, current: KllSketch): TestOutcome {
  const points = itemsOf(reference, current);
  let d = 0;
  let location = { x: points[0] ?? 0, reference: 0, current: 0 };
  for (const x of points) {
    const [fr, fc] = [kllRank(reference, x), kllRank(current, x)];
    if (Math.abs(fr - fc) > d) {
      d = Math.abs(fr - fc);
      location = { x, reference: fr, current: fc };
    }
  }
  const [n, m] = [reference.n, current.n];
  const pValue = Math.min(Math.max(kstwoSf(d, roundHalfEven((n * m) / (n + m))), 0), 1);
  return { statistic: d, pValue, location };
}
