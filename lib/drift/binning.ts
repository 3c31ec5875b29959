/**
 * Shared bins for psi, kl_div and jensenshannon: Evidently 0.7's get_binned_data
 * (src/evidently/legacy/calculations/stattests/utils.py) plus the `bins` option of evidently#1400.
 */

import { AnalysisError } from '../errors';
import { histogramCounts, linspace, sturgesEdgesOfRange } from '../stats/histogram';
import { quantileSorted } from '../stats/quantile';
import type { BinsOption } from './types';

export type { BinsOption };

/** Proportions per bin (count / side size, so each side sums to 1 before zero filling). */
export interface BinnedPair {
  reference: Float64Array;
  current: Float64Array;
  /** Edges used for histogram bins (±Infinity for open outer bins of 'quantile'). */
  edges?: number[];
  /** One bin per distinct value, when binned by value (String(value) for numbers). */
  categories?: string[];
}

export interface BinningOptions {
  /** Replace empty bins as Evidently does for psi and kl_div (default false). */
  fillZeroes?: boolean;
}

/** Evidently bins by value when the reference has at most this many distinct values. */
const MAX_VALUE_BINS = 20;

/**
 * Evidently's feel_zeroes: empty bins get min_nonzero / 10^6 when min_nonzero ≤ 1e-4, else 1e-4;
 * each side on its own, no renormalisation.
 */
export function fillZeroes(p: Float64Array): Float64Array {
  let min = Infinity;
  for (let i = 0; i < p.length; i++) if (p[i] !== 0 && p[i]! < min) min = p[i]!;
  if (min === Infinity)
    throw new AnalysisError('empty-bins', 'every bin is empty: cannot fill zero bins of an empty sample; provide at least one value per side');
  const fill = min <= 0.0001 ? min / 1e6 : 0.0001;
  return p.map((v) => (v === 0 ? fill : v));
}

function checkSorted(values: Float64Array, side: string): void {
  if (values.length === 0) throw new AnalysisError('empty-sample', `${side} has no values: binning needs at least one finite value per side`);
  for (let i = 0; i < values.length; i++) {
    const ordered = i === 0 || values[i]! >= values[i - 1]!;
    if (!Number.isFinite(values[i]) || !ordered) {
      throw new AnalysisError('unsorted-input', `${side} value ${i} is ${values[i]}: pass finite values sorted ascending`);
    }
  }
}

function distinctAtMost(sorted: Float64Array, cap: number): number {
  let n = 0;
  for (let i = 0; i < sorted.length && n <= cap; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

function checkCount(n: number, kind: string): void {
  if (!Number.isInteger(n) || n < 1) throw new AnalysisError('invalid-bins', `${kind} bins need a positive integer n, got ${n}`);
}

/** Edges to count with, and the edges to report (they differ only for user edges). */
function edgesFor(bins: Exclude<BinsOption, { kind: 'sturges' }>, ref: Float64Array, cur: Float64Array): { counting: number[]; reported: number[] } {
  switch (bins.kind) {
    case 'quantile': {
      checkCount(bins.n, 'quantile');
      const edges = [-Infinity];
      for (let i = 1; i < bins.n; i++) {
        const e = quantileSorted(ref, i / bins.n)!;
        if (e !== edges[edges.length - 1]) edges.push(e);
      }
      edges.push(Infinity);
      return { counting: edges, reported: edges };
    }
    case 'uniform': {
      checkCount(bins.n, 'uniform');
      let first = Math.min(ref[0]!, cur[0]!);
      let last = Math.max(ref[ref.length - 1]!, cur[cur.length - 1]!);
      // np.histogram(bins=n, range=(min, max)) widens an empty range the same way.
      if (first === last) {
        first -= 0.5;
        last += 0.5;
      }
      const edges = Array.from(linspace(first, last, bins.n + 1));
      return { counting: edges, reported: edges };
    }
    case 'edges': {
      const e = bins.edges;
      const increasing = e.every((v, i) => !Number.isNaN(v) && (i === 0 || v > e[i - 1]!));
      if (e.length < 2 || !increasing) {
        throw new AnalysisError('invalid-bins', `bin edges [${e.join(', ')}] must be at least 2 strictly increasing numbers`);
      }
      // Values below the first edge count in the first bin, above the last in the last bin.
      return { counting: [-Infinity, ...e.slice(1, -1), Infinity], reported: [...e] };
    }
  }
}

/** One bin per distinct value of ref ∪ cur (both sorted), ascending. */
function binByValue(ref: Float64Array, cur: Float64Array): BinnedPair {
  const values: number[] = [];
  const r: number[] = [];
  const c: number[] = [];
  let i = 0;
  let j = 0;
  while (i < ref.length || j < cur.length) {
    const v = j >= cur.length || (i < ref.length && ref[i]! <= cur[j]!) ? ref[i]! : cur[j]!;
    let nr = 0;
    let nc = 0;
    for (; i < ref.length && ref[i] === v; i++) nr++;
    for (; j < cur.length && cur[j] === v; j++) nc++;
    values.push(v);
    r.push(nr / ref.length);
    c.push(nc / cur.length);
  }
  return { reference: Float64Array.from(r), current: Float64Array.from(c), categories: values.map(String) };
}

function withZeroesFilled(pair: BinnedPair, options: BinningOptions): BinnedPair {
  if (!options.fillZeroes) return pair;
  return { ...pair, reference: fillZeroes(pair.reference), current: fillZeroes(pair.current) };
}

/**
 * Bin two sorted numeric samples. 'sturges' is Evidently's rule: a reference with more than 20
 * distinct values gets np.histogram_bin_edges(concat(ref, cur), 'sturges'), otherwise one bin
 * per distinct value of ref ∪ cur. The other kinds always bin by edges (evidently#1400).
 */
export function binNumeric(sortedRef: Float64Array, sortedCur: Float64Array, bins: BinsOption = { kind: 'sturges' }, options: BinningOptions = {}): BinnedPair {
  checkSorted(sortedRef, 'reference');
  checkSorted(sortedCur, 'current');
  let edges: { counting: number[]; reported: number[] };
  if (bins.kind === 'sturges') {
    if (distinctAtMost(sortedRef, MAX_VALUE_BINS) <= MAX_VALUE_BINS) return withZeroesFilled(binByValue(sortedRef, sortedCur), options);
    const min = Math.min(sortedRef[0]!, sortedCur[0]!);
    const max = Math.max(sortedRef[sortedRef.length - 1]!, sortedCur[sortedCur.length - 1]!);
    const e = Array.from(sturgesEdgesOfRange(min, max, sortedRef.length + sortedCur.length));
    edges = { counting: e, reported: e };
  } else {
    edges = edgesFor(bins, sortedRef, sortedCur);
  }
  const share = (sorted: Float64Array): Float64Array => histogramCounts(sorted, edges.counting).map((k) => k / sorted.length);
  return withZeroesFilled({ reference: share(sortedRef), current: share(sortedCur), edges: edges.reported }, options);
}

/**
 * Bin two categorical samples given as counts: one bin per category of ref ∪ cur (reference
 * order first, then categories new in current), as Evidently's get_binned_data does for
 * categorical columns. Categories with no value on either side are dropped, as Evidently
 * only sees values that occur.
 */
export function binCategorical(
  ref: { categories: string[]; counts: number[] },
  cur: { categories: string[]; counts: number[] },
  options: BinningOptions = {},
): BinnedPair {
  const index = new Map<string, number>();
  const r: number[] = [];
  const c: number[] = [];
  const add = (side: number[], other: number[], category: string, count: number): void => {
    let k = index.get(category);
    if (k === undefined) {
      k = r.length;
      index.set(category, k);
      side.push(0);
      other.push(0);
    }
    side[k]! += count;
  };
  ref.categories.forEach((cat, i) => add(r, c, cat, ref.counts[i] ?? 0));
  cur.categories.forEach((cat, i) => add(c, r, cat, cur.counts[i] ?? 0));
  const nRef = r.reduce((s, v) => s + v, 0);
  const nCur = c.reduce((s, v) => s + v, 0);
  if (nRef === 0 || nCur === 0) {
    throw new AnalysisError('empty-sample', `${nRef === 0 ? 'reference' : 'current'} has no values: binning needs at least one value per side`);
  }
  const keep = [...index.entries()].filter(([, k]) => r[k]! + c[k]! > 0);
  const pair: BinnedPair = {
    reference: Float64Array.from(keep, ([, k]) => r[k]! / nRef),
    current: Float64Array.from(keep, ([, k]) => c[k]! / nCur),
    categories: keep.map(([name]) => name),
  };
  return withZeroesFilled(pair, options);
}
