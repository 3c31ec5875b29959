import { linspace, upperBound } from '../stats/histogram';
import { sortFloat64 } from '../stats/sort-float64';
import { quantileSorted } from '../stats/quantile';
import { formatCount, formatNumber, formatTimeSpan } from '../format';
import type { ChartDatum } from './chart-types';
import { type PreparedSide, datumKey } from './chart-rows';

export const MAX_HISTOGRAM_BINS = 60;
export const LINE_BINS = 50;

interface Aggregate {
  data: ChartDatum[];
  notes: string[];
}

/**
 * np.histogram_bin_edges(values, bins='auto') (numpy 1.24 _hist_bin_auto): the smaller of the
 * Freedman–Diaconis width 2·IQR·n^(−1/3) and Sturges' ptp/(log2 n + 1) (Sturges alone when the
 * IQR is 0); bins = ceil(range / width), capped at `maxBins`; edges = linspace(min, max, bins + 1).
 */
export function autoEdges(sorted: Float64Array, maxBins = MAX_HISTOGRAM_BINS): { edges: Float64Array; bins: number; capped: boolean } {
  const n = sorted.length;
  if (n === 0) return { edges: linspace(0, 1, 2), bins: 1, capped: false };
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  // A zero range is widened as numpy's _get_outer_edges does.
  const first = min === max ? min - 0.5 : min;
  const last = min === max ? max + 0.5 : max;
  const sturges = (max - min) / (Math.log2(n) + 1.0);
  const iqr = quantileSorted(sorted, 0.75)! - quantileSorted(sorted, 0.25)!;
  const fd = 2.0 * iqr * n ** (-1.0 / 3.0);
  const width = fd ? Math.min(fd, sturges) : sturges;
  const bins = width ? Math.ceil((last - first) / width) : 1;
  const used = Math.min(bins, maxBins);
  return { edges: linspace(first, last, used + 1), bins, capped: used < bins };
}

/** np.histogram's bin for a value inside the edges: edges[k] ≤ x < edges[k+1], the last bin closed. */
export function binOf(edges: Float64Array, x: number): number {
  const last = edges.length - 2;
  const k = upperBound(edges, x) - 1;
  return k > last ? last : k < 0 ? 0 : k;
}

/** Every kept x of every side, sorted. */
function combinedSorted(sides: readonly PreparedSide[]): Float64Array {
  let n = 0;
  for (const s of sides) n += s.rows.length;
  const all = new Float64Array(n);
  let at = 0;
  for (const { rows, x } of sides) for (let r = 0; r < rows.length; r++) all[at++] = x![rows[r]!]!;
  return sortFloat64(all);
}

/** Counts (and sums of y) per panel and bin for one side. */
function binSide(side: PreparedSide, edges: Float64Array, panels: number, withSums: boolean) {
  const nb = edges.length - 1;
  const counts = new Float64Array(panels * nb);
  const sums = withSums ? new Float64Array(panels * nb) : undefined;
  const totals = new Float64Array(panels);
  const { rows, x, y, facet } = side;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const f = facet ? facet[row]! : 0;
    const at = f * nb + binOf(edges, x![row]!);
    counts[at]!++;
    if (sums) sums[at]! += y![row]!;
    totals[f]!++;
  }
  return { counts, sums, totals };
}

/** Shared bins over both sides; each bar's share is of its side's values in that panel. */
export function histogramData(sides: readonly PreparedSide[], facets: readonly string[] | undefined): Aggregate {
  const values = combinedSorted(sides);
  if (values.length === 0) return { data: [], notes: [] };
  const { edges, bins, capped } = autoEdges(values);
  const nb = edges.length - 1;
  const panels = facets?.length ?? 1;
  const data: ChartDatum[] = [];
  for (const side of sides) {
    const { counts, totals } = binSide(side, edges, panels, false);
    for (let f = 0; f < panels; f++) {
      if (totals[f] === 0) continue;
      for (let k = 0; k < nb; k++) {
        const count = counts[f * nb + k]!;
        data.push({ ...datumKey(side.side, facets, f), x0: edges[k]!, x1: edges[k + 1]!, count, share: count / totals[f]! });
      }
    }
  }
  const width = formatNumber(edges[1]! - edges[0]!);
  const why = capped ? `numpy 'auto' asked for ${formatCount(bins)}, capped at ${nb}` : "numpy 'auto': the narrower of Freedman–Diaconis and Sturges";
  const note = `${nb} bins of width ${width}, shared by both sides (${why})`;
  return { data, notes: [note] };
}

/** 50 equal-width bins over both sides' x range: rows per bin, or the mean of y per bin, from each side's first to last non-empty bin. */
export function lineData(sides: readonly PreparedSide[], facets: readonly string[] | undefined, time: boolean, yName?: string): Aggregate {
  let min = Infinity;
  let max = -Infinity;
  for (const { rows, x } of sides) {
    for (let r = 0; r < rows.length; r++) {
      const v = x![rows[r]!]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) return { data: [], notes: [] };
  // One instant or value: a bin around it (half a day for dates) so the axis has a range.
  const pad = min === max ? (time ? 43_200_000 : 0.5) : 0;
  const edges = linspace(min - pad, max + pad, LINE_BINS + 1);
  const panels = facets?.length ?? 1;
  const data: ChartDatum[] = [];
  for (const side of sides) {
    const { counts, sums, totals } = binSide(side, edges, panels, yName !== undefined);
    for (let f = 0; f < panels; f++) {
      if (totals[f] === 0) continue;
      // The side's own time span: no run of zeros before its first or after its last row.
      let first = 0;
      let last = LINE_BINS - 1;
      while (counts[f * LINE_BINS + first] === 0) first++;
      while (counts[f * LINE_BINS + last] === 0) last--;
      for (let k = first; k <= last; k++) {
        const at = f * LINE_BINS + k;
        const count = counts[at]!;
        const datum: ChartDatum = { ...datumKey(side.side, facets, f), x0: edges[k]!, x1: edges[k + 1]!, count };
        if (sums) datum.mean = count ? sums[at]! / count : null;
        data.push(datum);
      }
    }
  }
  const width = edges[1]! - edges[0]!;
  const what = yName === undefined ? 'rows per bin' : `mean of "${yName}" per bin (empty bins left as gaps)`;
  return { data, notes: [`${LINE_BINS} equal-width bins of ${time ? formatTimeSpan(width) : formatNumber(width)}: ${what}`] };
}

/** Count and share of each category per side and panel (the domain's order). */
export function barData(sides: readonly PreparedSide[], facets: readonly string[] | undefined, domain: readonly string[]): Aggregate {
  const panels = facets?.length ?? 1;
  const nc = domain.length;
  const data: ChartDatum[] = [];
  for (const side of sides) {
    const counts = new Float64Array(panels * nc);
    const totals = new Float64Array(panels);
    const { rows, xCodes, facet } = side;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const f = facet ? facet[row]! : 0;
      counts[f * nc + xCodes![row]!]!++;
      totals[f]!++;
    }
    for (let f = 0; f < panels; f++) {
      if (totals[f] === 0) continue;
      domain.forEach((category, c) => {
        const count = counts[f * nc + c]!;
        data.push({ ...datumKey(side.side, facets, f), category, count, share: count / totals[f]! });
      });
    }
  }
  return { data, notes: [] };
}
