import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ColumnType, Dataset } from '../../../../lib/data/types';
import { buildProfile } from '../../../../lib/profile/mergeable/build';
import { mergeProfiles } from '../../../../lib/profile/mergeable/merge';

function dataset(table: Table, types: Record<string, ColumnType>): Dataset {
  const schema = Object.entries(types).map(([name, type]) => ({ name, type }));
  return { meta: { id: 'd', name: 'd.csv', format: 'csv', sha256: 'ab', bytes: 0, rows: table.numRows, schema, warnings: [], createdAt: '' }, table };
}

describe('buildProfile column kinds and default edges', () => {
  it('boolean and text columns get counts; a datetime column counts only', () => {
    const table = tableFromArrays({ b: [true, false, true, true], t: ['x y', 'x y', 'z', 'w'], d: Float64Array.from([1, 2, 3, 4]) });
    const p = buildProfile(dataset(table, { b: 'boolean', t: 'text', d: 'datetime' }));
    const [b, t, d] = p.columns;
    expect(b!.categories).toMatchObject({ values: ['true', 'false'], counts: [3, 1], other: 0, truncated: false });
    expect(t!.categories).toMatchObject({ values: ['x y', 'z', 'w'], counts: [2, 1, 1] });
    expect(d).toEqual({ name: 'd', type: 'datetime', count: 4, missing: 0, nonFinite: 0, min: null, max: null });
  });

  it('without edges: 10 equal-width bins on [min, max]; a constant column one bin [v − 0.5, v + 0.5]; no finite value no histogram', () => {
    const table = tableFromArrays({ x: Float64Array.from([0, 1, 2, 10]), k: Float64Array.from([3, 3, 3, 3]), e: Float64Array.from([NaN, NaN, Infinity, NaN]) });
    const p = buildProfile(dataset(table, { x: 'numeric', k: 'numeric', e: 'numeric' }));
    const [x, k, e] = p.columns;
    // np.histogram([0, 1, 2, 10], bins=10) → edges 0, 1, …, 10 and counts [1, 1, 1, 0, 0, 0, 0, 0, 0, 1].
    expect(x!.histogram).toEqual({ edges: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], counts: [1, 1, 1, 0, 0, 0, 0, 0, 0, 1] });
    expect(k!.histogram).toEqual({ edges: [2.5, 3.5], counts: [4] });
    expect(k!.moments).toMatchObject({ n: 4, mean: 3, M2: 0 });
    expect(e!.histogram).toBeUndefined();
    expect([e!.count, e!.missing, e!.nonFinite, e!.min, e!.max]).toEqual([0, 3, 1, null, null]);
    // A shard with no finite value merges with one that has a histogram.
    const other = buildProfile(
      dataset(tableFromArrays({ x: Float64Array.from([5]), k: Float64Array.from([3]), e: Float64Array.from([1]) }), {
        x: 'numeric',
        k: 'numeric',
        e: 'numeric',
      }),
      {
        edgesFrom: p,
      },
    );
    const merged = mergeProfiles([p, other]);
    expect(merged.columns[2]!.histogram).toEqual({ edges: [0.5, 1.5], counts: [1] });
    expect(merged.columns[0]!.histogram!.counts).toEqual([1, 1, 1, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('--edges on a missing or non-numeric column is an error naming it', () => {
    const d = dataset(tableFromArrays({ c: ['a'] }), { c: 'categorical' });
    expect(() => buildProfile(d, { edges: { c: [0, 1] } })).toThrow(/--edges column "c": is categorical/);
    expect(() => buildProfile(d, { edges: { z: [0, 1] } })).toThrow(/--edges column "z": is not in the dataset/);
  });
});
