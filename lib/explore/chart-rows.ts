import { formatCount } from '../format';
import { capLabels, TruncationTally, type Truncation } from '../profile/embed-caps';
import type { ColumnValues } from './chart-columns';
import type { ChartSide } from './chart-types';

/** The rows of one side that have every chosen column, and why the others were skipped. */
export interface RowSelection {
  rows: Int32Array;
  total: number;
  /** Missing (and, for numbers, non-finite) cells per column name; a row can count in several. */
  missing: Map<string, number>;
  nonFinite: Map<string, number>;
}

/** Rows where every column has a value (numbers also finite), as indices in row order. */
export function selectRows(total: number, columns: readonly { name: string; values: ColumnValues }[]): RowSelection {
  const bad = new Uint8Array(total);
  const missing = new Map<string, number>();
  const nonFinite = new Map<string, number>();
  const seen = new Set<string>();
  for (const { name, values } of columns) {
    if (seen.has(name)) continue;
    seen.add(name);
    let nMissing = 0;
    let nNonFinite = 0;
    if (values.kind === 'codes') {
      const codes = values.codes;
      for (let i = 0; i < total; i++) {
        if (codes[i]! < 0) {
          nMissing++;
          bad[i] = 1;
        }
      }
    } else {
      const xs = values.values;
      for (let i = 0; i < total; i++) {
        const x = xs[i]!;
        if (x !== x) {
          nMissing++;
          bad[i] = 1;
        } else if (x === Infinity || x === -Infinity) {
          nNonFinite++;
          bad[i] = 1;
        }
      }
    }
    if (nMissing) missing.set(name, nMissing);
    if (nNonFinite) nonFinite.set(name, nNonFinite);
  }
  let kept = 0;
  for (let i = 0; i < total; i++) if (!bad[i]) kept++;
  const rows = new Int32Array(kept);
  for (let i = 0, k = 0; i < total; i++) if (!bad[i]) rows[k++] = i;
  return { rows, total, missing, nonFinite };
}

/** "reference: 3 of 100 rows skipped (missing "age": 2, non-finite "score": 1)", or nothing. */
export function skippedNote(side: ChartSide, selection: RowSelection): string | undefined {
  const skipped = selection.total - selection.rows.length;
  if (skipped === 0) return undefined;
  const reasons = [
    ...[...selection.missing].map(([name, n]) => `missing "${name}": ${formatCount(n)}`),
    ...[...selection.nonFinite].map(([name, n]) => `non-finite "${name}": ${formatCount(n)}`),
  ];
  return `${side}: ${formatCount(skipped)} of ${formatCount(selection.total)} rows skipped (${reasons.join(', ')})`;
}

/** Category codes of several sides re-coded to one shared, most-frequent-first list. */
export interface SharedCodes {
  labels: string[];
  /** Per side, per row: index into labels (the last one is "other" when `other` > 0), −1 missing. */
  codes: Int32Array[];
  /** Distinct values folded into the "other" label. */
  other: number;
  /** Kept labels cut to MAX_EMBEDDED_CHARS characters (a chart embeds its labels). */
  truncated?: Truncation;
}

/**
 * Keeps the `max` values most frequent over the given rows of all sides (ties: first seen, reference
 * first) and folds the rest into "other (N <noun>)".
 */
export function shareTopCodes(sides: readonly { codes: Int32Array; labels: readonly string[]; rows: Int32Array }[], max: number, noun: string): SharedCodes {
  const totals = new Map<string, { count: number; order: number }>();
  const perSide = sides.map(({ codes, labels, rows }) => {
    const counts = new Float64Array(labels.length);
    for (let r = 0; r < rows.length; r++) counts[codes[rows[r]!]!]!++;
    labels.forEach((label, k) => {
      if (counts[k] === 0) return;
      const entry = totals.get(label);
      if (entry) entry.count += counts[k]!;
      else totals.set(label, { count: counts[k]!, order: totals.size });
    });
    return counts;
  });
  const ranked = [...totals].sort((a, b) => b[1].count - a[1].count || a[1].order - b[1].order).map(([label]) => label);
  const kept = ranked.slice(0, max);
  const other = ranked.length - kept.length;
  const tally = new TruncationTally();
  const shown = capLabels(kept, tally);
  const labels = other > 0 ? [...shown, `other (${formatCount(other)} ${noun})`] : shown;
  const index = new Map(kept.map((label, k) => [label, k]));
  const codes = sides.map(({ codes: own, labels: ownLabels }, s) => {
    const lookup = Int32Array.from(ownLabels, (label, k) => (perSide[s]![k] === 0 ? -1 : (index.get(label) ?? max)));
    return Int32Array.from(own, (c) => (c < 0 ? -1 : lookup[c]!));
  });
  const truncated = tally.result();
  return { labels, codes, other, ...(truncated && { truncated }) };
}

/** One side, ready to aggregate: the kept rows, and the chosen columns indexed by row. */
export interface PreparedSide {
  side: ChartSide;
  rows: Int32Array;
  x?: Float64Array;
  /** bar: category index into the domain; box: group index into the domain. */
  xCodes?: Int32Array;
  y?: Float64Array;
  /** Panel index into the facet labels. */
  facet?: Int32Array;
}

/** A datum's side and panel: `facet` only when the chart is faceted, so unfaceted data stays small. */
export function datumKey(side: ChartSide, facets: readonly string[] | undefined, f: number): { side: ChartSide; facet?: string } {
  return facets ? { side, facet: facets[f] } : { side };
}
