/**
 * Chart data for regression cells, aggregates only (never more than a bounded number of rows):
 * the error histogram, a predicted-vs-actual sample, errors by segment and by feature bin.
 * Error everywhere means predicted − actual.
 */
import { histogramCounts, linspace, sturgesEdges, upperBound } from '../stats/histogram';
import { NeumaierSum } from '../stats/neumaier-sum';
import { randomInterval, xoshiro128ss } from '../stats/random';
import { sortFloat64 } from '../stats/sort-float64';
import { AnalysisError } from '../errors';
import { normaliseLabel, sortLabels, type LabelValue } from './labels';
import { quantileSorted } from '../stats/quantile';
import type { RegressionSegment, ResidualBin } from './types';

/** np.histogram(errors, bins): bins 'sturges' (default) or a count of equal-width bins over [min, max]. */
export function errorHistogram(errors: Float64Array, bins: number | 'sturges' = 'sturges'): { edges: number[]; counts: number[] } | null {
  if (errors.length === 0) return null;
  const sorted = sortFloat64(Float64Array.from(errors));
  let edges: Float64Array;
  if (bins === 'sturges') edges = sturgesEdges(sorted);
  else {
    if (!Number.isInteger(bins) || bins < 1) throw new AnalysisError('invalid-option', `histogram bins: ${bins} — use a positive integer or 'sturges'`);
    let first = sorted[0]!;
    let last = sorted[sorted.length - 1]!;
    // np.histogram widens an empty range by 0.5 on each side.
    if (first === last) {
      first -= 0.5;
      last += 0.5;
    }
    edges = linspace(first, last, bins + 1);
  }
  return { edges: Array.from(edges), counts: Array.from(histogramCounts(sorted, edges)) };
}

/**
 * Row indices of a deterministic sample: all rows when n ≤ max, else `max` rows drawn without
 * replacement (partial Fisher–Yates, xoshiro128** seeded with `seed`), returned in row order.
 */
export function sampleIndices(n: number, max: number, seed = 0): Uint32Array {
  if (n <= max) return Uint32Array.from({ length: n }, (_, i) => i);
  const pool = Uint32Array.from({ length: n }, (_, i) => i);
  const rng = xoshiro128ss(seed);
  for (let i = 0; i < max; i++) {
    const j = i + randomInterval(rng, n - 1 - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, max).sort();
}

class ErrorStats {
  count = 0;
  private sum = new NeumaierSum();
  private abs = new NeumaierSum();
  private sq = new NeumaierSum();
  add(e: number): void {
    this.count++;
    this.sum.add(e);
    this.abs.add(Math.abs(e));
    this.sq.add(e * e);
  }
  merge(other: ErrorStats): void {
    this.count += other.count;
    this.sum.add(other.sum.value);
    this.abs.add(other.abs.value);
    this.sq.add(other.sq.value);
  }
  toSegment(segment: string | null): RegressionSegment {
    return {
      segment,
      count: this.count,
      mae: this.abs.value / this.count,
      rmse: Math.sqrt(this.sq.value / this.count),
      mean_error: this.sum.value / this.count,
    };
  }
}

/**
 * Errors grouped by a categorical column (labels normalised as class labels; missing → null,
 * listed last). Groups beyond `maxGroups` (the least frequent) are pooled into `other`.
 */
export function errorBySegment(
  errors: Float64Array,
  segment: ArrayLike<LabelValue>,
  maxGroups = 30,
): { groups: RegressionSegment[]; other: RegressionSegment | null } {
  const stats = new Map<string | null, ErrorStats>();
  for (let i = 0; i < errors.length; i++) {
    const key = normaliseLabel(segment[i]);
    let s = stats.get(key);
    if (!s) stats.set(key, (s = new ErrorStats()));
    s.add(errors[i]!);
  }
  const order = [...sortLabels([...stats.keys()].filter((k): k is string => k !== null)), ...(stats.has(null) ? [null] : [])];
  const kept = new Set([...order].sort((a, b) => stats.get(b)!.count - stats.get(a)!.count).slice(0, maxGroups));
  const other = new ErrorStats();
  for (const key of order) if (!kept.has(key)) other.merge(stats.get(key)!);
  return {
    groups: order.filter((k) => kept.has(k)).map((k) => stats.get(k)!.toSegment(k)),
    other: other.count > 0 ? other.toSegment(null) : null,
  };
}

/**
 * Mean error, MAE and mean feature value per feature bin. `feature` holds finite values only (the
 * caller drops the rest). Bins as np.histogram: edges[k] ≤ x < edges[k+1], the last bin closed;
 * 'uniform' = linspace(min, max, n + 1), 'quantile' = distinct np.percentile edges.
 */
export function residualsByFeature(
  errors: Float64Array,
  feature: Float64Array,
  { bins = 10, strategy = 'uniform' }: { bins?: number; strategy?: 'uniform' | 'quantile' } = {},
): ResidualBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new AnalysisError('invalid-option', `feature bins: ${bins} — use a positive integer`);
  const n = feature.length;
  if (n === 0) return [];
  const sorted = sortFloat64(Float64Array.from(feature));
  let first = sorted[0]!;
  let last = sorted[n - 1]!;
  let edges: number[];
  if (strategy === 'quantile') {
    edges = [];
    for (let k = 0; k <= bins; k++) {
      // At k = bins numpy's _lerp(last, last, ·) still adds a zero, so a −0 maximum comes back +0.
      const e = k === bins ? last + 0 : quantileSorted(sorted, k / bins)!;
      if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e);
    }
    if (edges.length === 1) edges = [first - 0.5, last + 0.5];
  } else {
    if (first === last) {
      first -= 0.5;
      last += 0.5;
    }
    edges = Array.from(linspace(first, last, bins + 1));
  }
  const nb = edges.length - 1;
  const stats = Array.from({ length: nb }, () => ({ x: new NeumaierSum(), e: new ErrorStats() }));
  for (let i = 0; i < n; i++) {
    const x = feature[i]!;
    const k = Math.min(upperBound(edges, x) - 1, nb - 1);
    if (k < 0 || x > edges[nb]!) continue;
    stats[k]!.x.add(x);
    stats[k]!.e.add(errors[i]!);
  }
  return stats.map((s, k) => {
    const seg = s.e.count > 0 ? s.e.toSegment(null) : null;
    return {
      lower: edges[k]!,
      upper: edges[k + 1]!,
      count: s.e.count,
      mean_feature: seg ? s.x.value / s.e.count : null,
      mean_error: seg ? seg.mean_error : null,
      mae: seg ? seg.mae : null,
    };
  });
}
