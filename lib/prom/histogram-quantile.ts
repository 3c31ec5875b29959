import { parseSampleValue } from './sample-value';
import { METRIC_NAME_LABEL, type PromSeries } from './types';

/** One classic-histogram bucket: cumulative count of observations ≤ upperBound (the `le` label). */
export interface Bucket {
  upperBound: number;
  count: number;
}

export interface BucketQuantileOptions {
  /**
   * Relative differences between neighbouring bucket counts at or below this are float noise and
   * flattened (Prometheus ≥ 2.49, PR #13153 `correctPrecisionErrors`, 1e-12). 0 gives Prometheus ≤ 2.48
   * (Debian 12's 2.42), which has no such step.
   */
  precisionTolerance?: number;
}

/** Merges buckets with the same upper bound (input sorted by bound). */
function coalesce(buckets: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const b of buckets) {
    const last = out[out.length - 1];
    if (last && last.upperBound === b.upperBound) last.count += b.count;
    else out.push({ ...b });
  }
  return out;
}

/** A count within `tolerance` (relative) of the previous kept count takes that count. */
function correctPrecision(buckets: Bucket[], tolerance: number): void {
  let previous = buckets[0]!.count;
  for (let i = 1; i < buckets.length; i++) {
    const current = buckets[i]!.count;
    const delta = Math.abs(current - previous);
    if (delta === 0) continue;
    if (delta / current <= tolerance) buckets[i]!.count = previous;
    else previous = current;
  }
}

/** The running maximum of the counts: a bucket never counts fewer than the one below it. */
function ensureMonotonic(buckets: Bucket[]): void {
  let max = buckets[0]!.count;
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i]!.count > max) max = buckets[i]!.count;
    else buckets[i]!.count = max;
  }
}

/**
 * The q-quantile of a classic histogram, as Prometheus' `histogram_quantile` (promql/quantile.go
 * bucketQuantile): sort by bound; NaN unless the highest bound is +Inf; coalesce equal bounds;
 * precision fix; monotonic envelope; NaN with fewer than 2 buckets or no observations; rank = q·total;
 * the first bucket whose count ≥ rank; in the +Inf bucket → the second-highest bound; in the lowest
 * bucket with a bound ≤ 0 → that bound; else linear between the bucket's bounds, the lowest bucket
 * starting at 0. q < 0 → -Inf, q > 1 → +Inf, q NaN → NaN.
 */
export function histogramQuantile(q: number, buckets: readonly Bucket[], options: BucketQuantileOptions = {}): number {
  const { precisionTolerance = 1e-12 } = options;
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (buckets.length === 0) return NaN;
  const sorted = [...buckets].sort((a, b) => a.upperBound - b.upperBound);
  if (sorted[sorted.length - 1]!.upperBound !== Infinity) return NaN;
  const merged = coalesce(sorted);
  if (precisionTolerance > 0) correctPrecision(merged, precisionTolerance);
  ensureMonotonic(merged);
  if (merged.length < 2) return NaN;
  const observations = merged[merged.length - 1]!.count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  // sort.Search over all but the +Inf bucket: the first index whose count ≥ rank, else the last index.
  let b = merged.findIndex((bucket, i) => i < merged.length - 1 && bucket.count >= rank);
  if (b < 0) b = merged.length - 1;
  if (b === merged.length - 1) return merged[merged.length - 2]!.upperBound;
  if (b === 0 && merged[0]!.upperBound <= 0) return merged[0]!.upperBound;
  let start = 0;
  let count = merged[b]!.count;
  if (b > 0) {
    start = merged[b - 1]!.upperBound;
    count -= merged[b - 1]!.count;
    rank -= merged[b - 1]!.count;
  }
  const end = merged[b]!.upperBound;
  return start + (end - start) * (rank / count);
}

/** The labels that identify a histogram: all but the metric name and `le` (promql/quantile.go excludedLabels). */
function groupKey(metric: Record<string, string>): { key: string; labels: Record<string, string> } {
  const labels: Record<string, string> = {};
  for (const name of Object.keys(metric).sort()) if (name !== METRIC_NAME_LABEL && name !== 'le') labels[name] = metric[name]!;
  return { key: JSON.stringify(labels), labels };
}

/**
 * `histogram_quantile(q, series)` over `_bucket` series (or their rates), at every timestamp any
 * bucket has: one output series per label set without `__name__` and `le`. Series without a
 * readable `le` are ignored, as Prometheus ignores them.
 */
export function histogramQuantileSeries(q: number, series: readonly PromSeries[], options: BucketQuantileOptions = {}): PromSeries[] {
  const groups = new Map<string, { labels: Record<string, string>; byTime: Map<number, Bucket[]> }>();
  for (const s of series) {
    const le = s.metric.le === undefined ? undefined : parseSampleValue(s.metric.le);
    if (le === undefined || Number.isNaN(le)) continue;
    const { key, labels } = groupKey(s.metric);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { labels, byTime: new Map() }));
    for (const { t, v } of s.points) {
      const list = group.byTime.get(t);
      if (list) list.push({ upperBound: le, count: v });
      else group.byTime.set(t, [{ upperBound: le, count: v }]);
    }
  }
  return [...groups.values()].map(({ labels, byTime }) => ({
    metric: labels,
    points: [...byTime.keys()].sort((a, b) => a - b).map((t) => ({ t, v: histogramQuantile(q, byTime.get(t)!, options) })),
  }));
}
