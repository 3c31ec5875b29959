import type { FairnessValue, GroupKey, SensitiveFeature } from './types';
import { sortValueKeys, valueKey } from './values';

export interface GroupIndex {
  groups: GroupKey[];
  /** Group index of each kept row (same order as `rows`). */
  groupOf: Int32Array;
  /** Value combinations of the features with no rows (Fairlearn lists them as NaN rows; we leave them out). */
  emptyCombinations: number;
}

/** Distinct values of one feature over the given rows, in groupby order. */
function levelsOf(feature: SensitiveFeature, rows: ArrayLike<number>): Map<string, number> {
  const raw = new Map<string, FairnessValue>();
  for (let i = 0; i < rows.length; i++) {
    const value = feature.values[rows[i]!];
    const key = valueKey(value);
    if (key !== null && !raw.has(key)) raw.set(key, value);
  }
  const sorted = sortValueKeys([...raw.keys()], raw);
  return new Map(sorted.map((k, i) => [k, i]));
}

/**
 * Groups of one sensitive feature, or of the intersection of two (group = value pair, named
 * "Female, White"), over rows that have every value. Ordered as pandas' groupby sorts them.
 */
export function buildGroups(sensitive: readonly SensitiveFeature[], rows: ArrayLike<number>): GroupIndex {
  const levels = sensitive.map((f) => levelsOf(f, rows));
  const sizes = levels.map((l) => l.size);
  const stride = sizes.length === 2 ? sizes[1]! : 1;
  const codes = new Int32Array(rows.length);
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    let code = 0;
    sensitive.forEach((f, j) => {
      const key = valueKey(f.values[rows[i]!]) as string;
      code = code * (j === 0 ? 1 : stride) + levels[j]!.get(key)!;
    });
    codes[i] = code;
    seen.add(code);
  }
  const ordered = [...seen].sort((a, b) => a - b);
  const position = new Map(ordered.map((c, i) => [c, i]));
  const names = levels.map((l) => [...l.keys()]);
  const groups = ordered.map((code): GroupKey => {
    const values = sizes.length === 2 ? [names[0]![Math.floor(code / stride)]!, names[1]![code % stride]!] : [names[0]![code]!];
    return { group: values.join(', '), values };
  });
  const groupOf = Int32Array.from(codes, (c) => position.get(c)!);
  const combinations = sizes.reduce((p, s) => p * s, 1);
  return { groups, groupOf, emptyCombinations: combinations - groups.length };
}
