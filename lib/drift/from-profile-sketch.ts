/**
 * Drift statistics approximated from two profiles' quantile sketches (issue 19: a KLL sketch, or an
 * engine's quantiles for SQL/DuckDB profiles), within a stated bound. A sketch is read as a weighted
 * sample (each retained item with its weight; the weights sum to n), so
 * each statistic below is the raw-row formula on that sample — the raw-row value when the sketch kept
 * every value. Each estimated CDF is within ε of the true one (sketchRankError: KLL 99 % per query):
 * ks: both step CDFs change only at retained items, so the largest gap is at one of them and
 * |D̂ − D| ≤ ε_ref + ε_cur. wasserstein: ∫|F̂_ref − F̂_cur| dx, so |Ŵ − W| ≤ (ε_ref + ε_cur)·(max − min),
 * divided by the reference's std as Evidently's normed score. ed: ED² = 2∫(F̂_ref − F̂_cur)² dx, so
 * |ED² − ED²_rows| ≤ 4·(ε_ref + ε_cur)·(max − min).
 */

import { isKll, sketchCdf, sketchOf, type QuantileSketch } from '../profile/mergeable/sketch';
import type { ProfileColumn } from '../profile/mergeable/types';
import { kstwoSf } from '../stats/kolmogorov';
import { roundHalfEven } from '../stats/ks';
import type { TestOutcome } from './types';

/** A profile column (its KLL sketch or engine quantiles, and its exact min/max) or a bare sketch. */
export type SketchSource = ProfileColumn | QuantileSketch;

/** Distinct values ascending, with the weight of the values at each; weights sum to n. */
export interface WeightedSample {
  values: Float64Array;
  weights: Float64Array;
  n: number;
}

/**
 * A sketch as a weighted sample, from its step CDF (lib/profile/mergeable/sketch.ts). KLL: each item's
 * weight (2^level, ties summed) — integers, recovered exactly from the ranks. Engine quantiles: the
 * mass F̂ puts under the first value and leaves above the last goes to the column's exact min and max.
 */
export function weightedSample(source: SketchSource): WeightedSample {
  const cdf = sketchCdf(source);
  const sketch = 'name' in source ? sketchOf(source)! : source;
  const counts = isKll(sketch);
  const n = cdf.n;
  const values = Array.from(cdf.items);
  let previous = 0;
  const weights = Array.from(cdf.ranks, (rank) => {
    const cumulative = counts ? Math.round(rank * n) : rank * n;
    const w = cumulative - previous;
    previous = cumulative;
    return w;
  });
  if (!counts && values.length) {
    const [min, max] = 'name' in source ? [source.min, source.max] : [null, null];
    const [head, tail] = [cdf.below * n, n - previous];
    if (min !== null && min < values[0]!) {
      values.unshift(min);
      weights[0]! -= head;
      weights.unshift(head);
    }
    if (max !== null && max > values[values.length - 1]!) {
      values.push(max);
      weights.push(tail);
    } else weights[weights.length - 1]! += tail;
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), n };
}

/** Both samples over the distinct values of their union: the value and each side's weight there. */
export interface PooledSteps {
  z: Float64Array;
  a: Float64Array;
  b: Float64Array;
}

export function pooledSteps(x: WeightedSample, y: WeightedSample): PooledSteps {
  const size = x.values.length + y.values.length;
  const [z, a, b] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  let [i, j, k] = [0, 0, 0];
  while (i < x.values.length || j < y.values.length) {
    const v = Math.min(i < x.values.length ? x.values[i]! : Infinity, j < y.values.length ? y.values[j]! : Infinity);
    z[k] = v;
    if (i < x.values.length && x.values[i] === v) a[k] = x.weights[i++]!;
    if (j < y.values.length && y.values[j] === v) b[k] = y.weights[j++]!;
    k++;
  }
  return { z: z.subarray(0, k), a: a.subarray(0, k), b: b.subarray(0, k) };
}

/** ∫|F̂_ref − F̂_cur|^p dx over the two step CDFs (right-continuous: F(x) = share of values ≤ x). */
function cdfGapIntegral(reference: SketchSource, current: SketchSource, p: 1 | 2): number {
  const [x, y] = [weightedSample(reference), weightedSample(current)];
  const { z, a, b } = pooledSteps(x, y);
  // Weights are integers: their running sums are exact, so each CDF is one rounding from the true share.
  let [ca, cb, sum] = [0, 0, 0];
  for (let k = 0; k + 1 < z.length; k++) {
    ca += a[k]!;
    cb += b[k]!;
    sum += Math.abs(ca / x.n - cb / y.n) ** p * (z[k + 1]! - z[k]!);
  }
  return sum;
}

/** scipy energy_distance from sketches: sqrt(2·∫(F̂_ref − F̂_cur)² dx), exact when the sketches kept every value. */
export function energyDistanceFromSketches(reference: SketchSource, current: SketchSource): TestOutcome {
  return { statistic: Math.sqrt(2 * cdfGapIntegral(reference, current, 2)) };
}

/**
 * Evidently's normed Wasserstein from sketches: ∫|F̂_ref − F̂_cur| dx (step CDFs, exact when the
 * sketches kept every value) / max(population std of the reference, 0.001) — the std from its moments.
 */
export function wassersteinFromSketches(reference: SketchSource, current: SketchSource, referenceStd: number): TestOutcome {
  return { statistic: cdfGapIntegral(reference, current, 1) / Math.max(referenceStd, 0.001) };
}

/** Two-sample KS from sketches: D̂ at the retained items, p from scipy's asymptotic kstwo(D̂, round(n·m/(n+m))). */
export function ksFromSketches(reference: SketchSource, current: SketchSource): TestOutcome {
  const [x, y] = [weightedSample(reference), weightedSample(current)];
  const { z, a, b } = pooledSteps(x, y);
  let [ca, cb, d] = [0, 0, 0];
  let location = { x: z[0] ?? 0, reference: 0, current: 0 };
  for (let k = 0; k < z.length; k++) {
    ca += a[k]!;
    cb += b[k]!;
    const [fa, fb] = [ca / x.n, cb / y.n];
    if (Math.abs(fa - fb) > d) {
      d = Math.abs(fa - fb);
      location = { x: z[k]!, reference: fa, current: fb };
    }
  }
  return { statistic: d, pValue: ksPValue(d, x.n, y.n), location };
}

/** scipy's asymptotic two-sample KS p-value: kstwo.sf(D, round(n·m/(n+m))), clipped to [0, 1]. */
export function ksPValue(d: number, n: number, m: number): number {
  return Math.min(Math.max(kstwoSf(d, roundHalfEven((n * m) / (n + m))), 0), 1);
}
