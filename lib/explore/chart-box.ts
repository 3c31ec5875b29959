import { quantileSorted } from '../stats/quantile';
import { lowerBound, upperBound } from '../stats/histogram';
import { sortFloat64 } from '../stats/sort-float64';
import type { ChartDatum } from './chart-types';
import { type PreparedSide, datumKey } from './chart-rows';

/** A box plot's numbers for one group of values. */
export interface BoxStats {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** The most extreme values within 1.5·IQR of the box (Tukey). */
  whiskerLow: number;
  whiskerHigh: number;
  /** Values beyond the whiskers. */
  outliers: number;
}

/** Tukey box of ascending, finite, non-empty values; quartiles as numpy.percentile's 'linear' method. */
export function boxStats(sorted: Float64Array): BoxStats {
  const n = sorted.length;
  const q1 = quantileSorted(sorted, 0.25)!;
  const q3 = quantileSorted(sorted, 0.75)!;
  const iqr = q3 - q1;
  const lo = lowerBound(sorted, q1 - 1.5 * iqr);
  const hi = upperBound(sorted, q3 + 1.5 * iqr);
  return {
    count: n,
    min: sorted[0]!,
    q1,
    median: quantileSorted(sorted, 0.5)!,
    q3,
    max: sorted[n - 1]!,
    whiskerLow: sorted[lo]!,
    whiskerHigh: sorted[hi - 1]!,
    outliers: lo + (n - hi),
  };
}

/** One box per side, panel and group (one group without an x column), in domain order. */
export function boxData(sides: readonly PreparedSide[], facets: readonly string[] | undefined, groups: readonly string[] | undefined): ChartDatum[] {
  const panels = facets?.length ?? 1;
  const ng = groups?.length ?? 1;
  const data: ChartDatum[] = [];
  for (const side of sides) {
    const { rows, y, xCodes, facet } = side;
    const keyOf = (row: number) => (facet ? facet[row]! : 0) * ng + (xCodes ? xCodes[row]! : 0);
    // Bucket the values by (panel, group) in one array: counts, offsets, fill, then sort each segment.
    const starts = new Int32Array(panels * ng + 1);
    for (let r = 0; r < rows.length; r++) starts[keyOf(rows[r]!) + 1]!++;
    for (let k = 0; k < panels * ng; k++) starts[k + 1]! += starts[k]!;
    const fill = starts.slice(0, -1);
    const values = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      values[fill[keyOf(row)]!++] = y![row]!;
    }
    for (let f = 0; f < panels; f++) {
      for (let g = 0; g < ng; g++) {
        const key = f * ng + g;
        const segment = values.subarray(starts[key]!, starts[key + 1]!);
        if (segment.length === 0) continue;
        const stats = boxStats(sortFloat64(segment));
        data.push({ ...datumKey(side.side, facets, f), ...(groups ? { group: groups[g] } : {}), ...stats });
      }
    }
  }
  return data;
}
