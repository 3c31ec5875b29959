import type { DistributionSummary } from './types';
import type { CategoricalProfile, NumericProfile } from '../profile/column-profile';
import { capLabels, TruncationTally } from '../profile/embed-caps';

/** Categories drawn by name; the rest are summed into "other" so charts and reports stay small. */
export const MAX_CHART_CATEGORIES = 20;

function countInBins(sorted: Float64Array, edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const lo = edges[0]!;
  const width = (edges[bins]! - lo) / bins;
  if (width > 0 && width < Infinity && sorted.length > 8 * bins) return countSortedInBins(sorted, lo, width, bins);
  for (let i = 0; i < sorted.length; i++) {
    // numpy.histogram convention: half-open bins, the last one closed.
    let k = Math.floor((sorted[i]! - lo) / width);
    if (k >= bins) k = bins - 1;
    if (k < 0) k = 0;
    counts[k]!++;
  }
  return counts;
}

/** The bin of x, numpy.histogram's convention: half-open bins, the last one closed, clamped. */
function binOf(x: number, lo: number, width: number, bins: number): number {
  const k = Math.floor((x - lo) / width);
  return k >= bins ? bins - 1 : k < 0 ? 0 : k;
}

/**
 * countInBins by binary search: on ascending values the bin is non-decreasing (rounded subtraction,
 * division by width > 0 and floor are monotone), so each bin's first value is found in log n steps
 * and the counts equal the loop's — O(bins · log n) for a reference met again in every window.
 */
function countSortedInBins(sorted: Float64Array, lo: number, width: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  let start = 0;
  for (let b = 0; b < bins; b++) {
    // First index at or after start whose bin is past b.
    let from = start;
    let to = sorted.length;
    while (from < to) {
      const mid = (from + to) >>> 1;
      if (binOf(sorted[mid]!, lo, width, bins) <= b) from = mid + 1;
      else to = mid;
    }
    counts[b] = from - start;
    start = from;
  }
  return counts;
}

const ECDF_POINTS = 129;

/** An empirical CDF thinned to at most ECDF_POINTS steps: enough to draw, small enough to embed. */
export function thinEcdf(sorted: Float64Array): { x: number[]; y: number[] } {
  const n = sorted.length;
  const x: number[] = [];
  const y: number[] = [];
  const step = Math.max(1, (n - 1) / (ECDF_POINTS - 1));
  for (let k = 0; k < ECDF_POINTS; k++) {
    let i = Math.min(n - 1, Math.round(k * step));
    // The CDF at a value counts every copy of it: move to the last tie.
    while (i + 1 < n && sorted[i + 1] === sorted[i]) i++;
    if (x.length && x[x.length - 1] === sorted[i]) continue;
    x.push(sorted[i]!);
    y.push((i + 1) / n);
    if (i === n - 1) break;
  }
  return { x, y };
}

/** Shared-edge histograms of both sides; Sturges' rule on the pooled size, between 10 and 40 bins. */
export function summarizeNumeric(ref: NumericProfile, cur: NumericProfile): DistributionSummary {
  const lo = Math.min(ref.min, cur.min);
  const hi = Math.max(ref.max, cur.max);
  const n = ref.count + cur.count;
  const bins = lo === hi ? 1 : Math.min(40, Math.max(10, Math.ceil(Math.log2(n)) + 1));
  const [start, stop] = lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? stop : start + ((stop - start) * i) / bins));
  return {
    kind: 'histogram',
    edges,
    reference: countInBins(ref.sorted, edges),
    current: countInBins(cur.sorted, edges),
    ecdf: { reference: thinEcdf(ref.sorted), current: thinEcdf(cur.sorted) },
  };
}

/** Category counts of both sides for the most frequent categories overall. */
export function summarizeCategorical(ref: CategoricalProfile, cur: CategoricalProfile): DistributionSummary {
  const refCounts = new Map(ref.categories.map((c, i) => [c, ref.counts[i]!]));
  const curCounts = new Map(cur.categories.map((c, i) => [c, cur.counts[i]!]));
  const all = [...new Set([...ref.categories, ...cur.categories])];
  // Order by pooled share so both sides weigh equally whatever their sizes; ties by name.
  // Shares computed once per category, not twice per comparison (10^5 categories sort in n log n lookups otherwise).
  const shares = new Map(all.map((c) => [c, (ref.count ? (refCounts.get(c) ?? 0) / ref.count : 0) + (cur.count ? (curCounts.get(c) ?? 0) / cur.count : 0)]));
  all.sort((a, b) => shares.get(b)! - shares.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const shown = all.slice(0, MAX_CHART_CATEGORIES);
  const reference = shown.map((c) => refCounts.get(c) ?? 0);
  const current = shown.map((c) => curCounts.get(c) ?? 0);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  // Names are capped in length once counted: a huge cell must not make a huge result or report.
  const tally = new TruncationTally();
  const categories = capLabels(shown, tally);
  const truncated = tally.result();
  return {
    kind: 'categories',
    categories,
    reference,
    current,
    otherReference: ref.count - sum(reference),
    otherCurrent: cur.count - sum(current),
    distinct: all.length,
    ...(truncated && { truncated }),
  };
}
