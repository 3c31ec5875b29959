/**
 * One view of a column's quantile summary, whichever kind it has: a KLL sketch (profiles built in
 * Node, kll.ts) or an engine's quantiles (SQL/DuckDB profiles, EngineQuantiles). Both are read as a
 * step CDF F̂ that changes only at its items, with a normalised rank error ε: |F̂(x) − F(x)| ≤ ε for
 * every x (KLL: at 99 % confidence per query; engine quantiles: always, given the engine's own bound).
 * Drift from profiles (lib/drift/from-profile-sketch.ts) computes ks, wasserstein, ed… on these.
 */
import { AnalysisError } from '../../errors';
import { kllRankErrorBound } from './kll';
import type { EngineQuantiles, KllSketch, ProfileColumn } from './types';

export type QuantileSketch = KllSketch | EngineQuantiles;

/** A step CDF: F̂(x) = below for x < items[0], else ranks[i] for the largest items[i] ≤ x. */
export interface StepCdf {
  /** Distinct values where F̂ steps, ascending. */
  items: Float64Array;
  /** F̂ at each item (fraction of values ≤ it), non-decreasing. */
  ranks: Float64Array;
  /** F̂ below the first item (0 for a KLL sketch; half the first probability for engine quantiles). */
  below: number;
  /** Values summarised. */
  n: number;
}

export function isKll(sketch: QuantileSketch): sketch is KllSketch {
  return 'levels' in sketch;
}

/** The column's quantile summary: its KLL sketch, else its engine quantiles, else undefined. */
export function sketchOf(column: ProfileColumn): QuantileSketch | undefined {
  return column.sketch ?? column.quantiles;
}

function resolve(source: ProfileColumn | QuantileSketch): QuantileSketch {
  if (!('name' in source)) return source;
  const sketch = sketchOf(source);
  if (!sketch) throw new AnalysisError('no-sketch', `column "${source.name}": the profile has no quantile sketch (neither KLL nor engine quantiles)`);
  return sketch;
}

function kllCdf(sketch: KllSketch): StepCdf {
  const pairs: [number, number][] = [];
  sketch.levels.forEach((level, h) => {
    for (const x of level) pairs.push([x, 2 ** h]);
  });
  pairs.sort((p, q) => p[0] - q[0]);
  const total = pairs.reduce((s, p) => s + p[1], 0);
  const items: number[] = [];
  const ranks: number[] = [];
  let cumulative = 0;
  for (let i = 0; i < pairs.length; i++) {
    cumulative += pairs[i]![1];
    // Ties: one step at the value, to the weight through its last copy.
    if (i + 1 < pairs.length && pairs[i + 1]![0] === pairs[i]![0]) continue;
    items.push(pairs[i]![0]);
    ranks.push(cumulative / total);
  }
  return { items: Float64Array.from(items), ranks: Float64Array.from(ranks), below: 0, n: sketch.n };
}

/**
 * Engine quantiles: for v_j ≤ x < v_{j+1} the true F(x) lies in [p_j, p_{j+1}] (up to the engine's
 * error), so F̂ is that interval's midpoint; below v_0 it is p_0/2, from the last value on (p_m + 1)/2.
 */
function engineCdf(q: EngineQuantiles): StepCdf {
  const { probs, values } = q;
  const items: number[] = [];
  const ranks: number[] = [];
  for (let j = 0; j < values.length; j++) {
    if (j + 1 < values.length && values[j + 1] === values[j]) continue;
    items.push(values[j]!);
    ranks.push((probs[j]! + (j + 1 < probs.length ? probs[j + 1]! : 1)) / 2);
  }
  return { items: Float64Array.from(items), ranks: Float64Array.from(ranks), below: values.length ? probs[0]! / 2 : 0, n: q.n };
}

/** The step CDF of a sketch (build once when querying many points). */
export function sketchCdf(source: ProfileColumn | QuantileSketch): StepCdf {
  const sketch = resolve(source);
  return isKll(sketch) ? kllCdf(sketch) : engineCdf(sketch);
}

/** F̂(x) on a prepared step CDF: binary search for the largest item ≤ x. */
export function cdfRank(cdf: StepCdf, x: number): number {
  let lo = 0;
  let hi = cdf.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf.items[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? cdf.below : cdf.ranks[lo - 1]!;
}

/** Estimated fraction of the values ≤ x. */
export function sketchRank(source: ProfileColumn | QuantileSketch, x: number): number {
  return cdfRank(sketchCdf(source), x);
}

/** The distinct values where the estimated CDF steps, ascending. */
export function sketchItems(source: ProfileColumn | QuantileSketch): number[] {
  return Array.from(sketchCdf(source).items);
}

/** Values the sketch summarises. */
export function sketchCount(source: ProfileColumn | QuantileSketch): number {
  return resolve(source).n;
}

/**
 * Normalised rank error ε of sketchRank: KLL's 99 %-confidence bound for its k, or the engine
 * quantiles' stated bound; null when the engine documents none.
 */
export function sketchRankError(source: ProfileColumn | QuantileSketch): number | null {
  const sketch = resolve(source);
  return isKll(sketch) ? kllRankErrorBound(sketch.k) : sketch.rankError;
}

/** How the sketch was made, for reasons in results ("KLL k = 200", or the engine's method). */
export function sketchMethod(source: ProfileColumn | QuantileSketch): string {
  const sketch = resolve(source);
  return isKll(sketch) ? `KLL sketch, k = ${sketch.k}` : sketch.method;
}
