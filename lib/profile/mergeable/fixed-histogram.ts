import { AnalysisError } from '../../errors';
import { linspace } from '../../stats/histogram';
import type { FixedHistogram } from './types';

/** Bins when no edges are given: equal-width on the column's own [min, max]. */
export const DEFAULT_BIN_COUNT = 10;

export function checkEdges(edges: readonly number[], column: string): void {
  const increasing = edges.every((v, i) => Number.isFinite(v) && (i === 0 || v > edges[i - 1]!));
  if (edges.length < 2 || !increasing) {
    throw new AnalysisError('invalid-bins', `column "${column}": bin edges [${edges.join(', ')}] must be at least 2 strictly increasing finite numbers`);
  }
}

/** DEFAULT_BIN_COUNT equal-width bins on [min, max]; one unit-wide bin around a constant column. */
export function defaultEdges(min: number, max: number): number[] {
  if (!(max > min)) return [min - 0.5, min + 0.5];
  return Array.from(linspace(min, max, DEFAULT_BIN_COUNT + 1));
}

/**
 * Counts finite values on fixed edges: bin i is [e_i, e_{i+1}), the last closed; the outer edges
 * are open (values below e_0 count in bin 0, above e_k in the last bin), as `--bins edges:` does.
 */
export function fixedHistogram(values: ArrayLike<number>, edges: readonly number[], column: string): FixedHistogram {
  checkEdges(edges, column);
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    // Number of inner edges e_1 … e_{k-1} that are ≤ x.
    let lo = 1;
    let hi = bins;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    counts[lo - 1]!++;
  }
  return { edges: [...edges], counts };
}

export function mergeHistograms(a: FixedHistogram, b: FixedHistogram, column: string): FixedHistogram {
  const same = a.edges.length === b.edges.length && a.edges.every((e, i) => e === b.edges[i]);
  if (!same) {
    throw new AnalysisError(
      'incompatible-profiles',
      `column "${column}": histogram edges differ ([${a.edges.join(', ')}] vs [${b.edges.join(', ')}]); profile both with the same --edges or --edges-from`,
    );
  }
  return { edges: [...a.edges], counts: a.counts.map((c, i) => c + b.counts[i]!) };
}
