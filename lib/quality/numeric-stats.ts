import type { Vector } from 'apache-arrow';
import { readNumbers } from '../data/columns';
import type { NumericProfile } from '../profile/column-profile';
import { quantileSorted } from '../stats/quantile';
import type { Histogram, NumericStats } from './types';

// pandas Series.quantile is numpy's 'linear' method; kept exported here for existing importers.
export { quantileSorted };

const MIN_BINS = 10;
const MAX_BINS = 20;

/** +Infinity and −Infinity cells, read as the profile reads numbers (it only counts them together); text that is no number counts as neither. */
export function countInfinities(vector: Vector): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (const x of readNumbers(vector, '', { onText: () => NaN })) {
    if (x === Infinity) positive++;
    else if (x === -Infinity) negative++;
  }
  return { positive, negative };
}

/** pandas nanstd (ddof = 1): two passes around the mean. */
export function sampleStd(values: Float64Array, mean: number): number | null {
  const n = values.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (values[i]! - mean) ** 2;
  return Math.sqrt(sum / (n - 1));
}

/** Sturges' count, kept between 10 and 20 so inline charts look alike. */
export function binCount(n: number): number {
  return Math.min(MAX_BINS, Math.max(MIN_BINS, Math.ceil(Math.log2(Math.max(n, 1))) + 1));
}

/** numpy.histogram(values, bins, range=(lo, hi)) with its edge and index rules (edges = linspace). */
export function histogramSorted(sorted: Float64Array, lo: number, hi: number, bins: number): Histogram {
  let first = lo;
  let last = hi;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const step = (last - first) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? last : i * step + first));
  const counts = new Array<number>(bins).fill(0);
  const span = last - first;
  for (const x of sorted) {
    if (x < first || x > last) continue;
    let k = Math.trunc(((x - first) / span) * bins);
    if (k === bins) k--;
    if (x < edges[k]!) k--;
    else if (x >= edges[k + 1]! && k !== bins - 1) k++;
    counts[k]!++;
  }
  return { edges, counts };
}

function countZeros(sorted: Float64Array): number {
  let zeros = 0;
  for (const x of sorted) if (x === 0) zeros++;
  return zeros;
}

/** Distinct finite values and the longest run of one value, from sorted values. */
function runs(sorted: Float64Array): { distinct: number; longest: number } {
  let distinct = 0;
  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) run++;
    else {
      distinct++;
      run = 1;
    }
    if (run > longest) longest = run;
  }
  return { distinct, longest };
}

/** One side's numeric stats from its profile; `histogram` uses edges shared with the other side. */
export function computeNumericStats(
  profile: NumericProfile,
  vector: Vector | undefined,
  rows: number,
  histogram: { lo: number; hi: number; bins: number } | undefined,
): NumericStats {
  const { sorted } = profile;
  const inf = profile.nonFinite > 0 && vector ? countInfinities(vector) : { positive: 0, negative: 0 };
  const { distinct, longest } = runs(sorted);
  const count = profile.count + profile.nonFinite;
  const zerosShare = count ? countZeros(sorted) / count : 0;
  const missingShare = rows ? profile.missing / rows : 0;
  const n = sorted.length;
  return {
    kind: 'numeric',
    count,
    missing: profile.missing,
    missingShare,
    nonFinite: profile.nonFinite,
    distinct: distinct + (inf.positive > 0 ? 1 : 0) + (inf.negative > 0 ? 1 : 0),
    topFrequency: Math.max(longest, inf.positive, inf.negative),
    mean: n ? profile.mean : null,
    std: sampleStd(sorted, profile.mean),
    min: n ? profile.min : null,
    p25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    max: n ? profile.max : null,
    zerosShare,
    ...(histogram && { histogram: histogramSorted(sorted, histogram.lo, histogram.hi, histogram.bins) }),
    highMissing: missingShare > 0.02,
    highZeros: zerosShare > 0.1,
    hasNonFinite: profile.nonFinite > 0,
  };
}

/** Share of the current's finite values outside the reference's [min, max] (null without values on either side). */
export function outOfRangeShare(reference: NumericProfile, current: NumericProfile): number | null {
  const cur = current.sorted;
  if (reference.count === 0 || cur.length === 0) return null;
  let outside = 0;
  for (const x of cur) if (x < reference.min || x > reference.max) outside++;
  return outside / cur.length;
}
