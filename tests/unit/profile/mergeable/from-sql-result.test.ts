import { describe, expect, it } from 'vitest';
import { profileFromSqlRows, type SqlProfileRow } from '../../../../lib/profile/mergeable/from-sql-result';

const r = (column_name: string | null, stat: string, label: string | null, n: number | string | null, value: number | string | null = null): SqlProfileRow => ({
  column_name,
  stat,
  label,
  n,
  value,
});

// Rows as an engine returns them (any order): 10 rows, x numeric with 2 bins, c categorical with limit 2.
const ROWS: SqlProfileRow[] = [
  r('c', 'category', 'b', 3),
  r('x', 'bin', '1', 5),
  r(null, 'rows', null, '10'),
  r('c', 'type', 'categorical', 1),
  r('x', 'type', 'numeric', 0),
  ...(['count', 'missing', 'nonfinite'] as const).map((s, i) => r('x', s, null, [8, 1, 1][i]!)),
  r('x', 'min', null, null, '-1.5'),
  r('x', 'max', null, null, 4),
  r('x', 'mean', null, null, 0.25),
  r('x', 'm2', null, null, 12.5),
  r('x', 'quantile_method', 'test quantile_disc (exact)', 2, 0),
  r('x', 'quantile', '1', null, 0.1),
  r('x', 'quantile', '0', null, -1.5),
  r('x', 'quantile', '2', null, '4'),
  r('x', 'edge', '1', null, 10),
  r('x', 'edge', '0', null, 0),
  r('x', 'edge', '2', null, '20'),
  r('x', 'bin', '0', 3),
  r('c', 'count', null, 9),
  r('c', 'missing', null, 1),
  r('c', 'distinct', null, 3),
  r('c', 'max_categories', null, 2),
  r('c', 'category', 'a', 4),
];

describe('profileFromSqlRows', () => {
  it('builds the profile from rows in any order', () => {
    const p = profileFromSqlRows(ROWS, 't');
    expect(p.rows).toBe(10);
    expect(p.source).toEqual({ names: ['t'] });
    expect(p.columns[0]).toEqual({
      name: 'x',
      type: 'numeric',
      count: 8,
      missing: 1,
      nonFinite: 1,
      min: -1.5,
      max: 4,
      moments: { n: 8, mean: 0.25, M2: 12.5 },
      histogram: { edges: [0, 10, 20], counts: [3, 5] },
      // Grid m = 2: half gap 1/4, engine error 0, index convention 1/n.
      quantiles: { n: 8, probs: [0, 0.5, 1], values: [-1.5, 0.1, 4], rankError: 0.25 + 1 / 8, method: 'test quantile_disc (exact)' },
    });
    expect(p.columns[1]!.categories).toEqual({ maxCategories: 2, values: ['a', 'b'], counts: [4, 3], other: 2, truncated: true });
  });

  it('takes the mean from an exact sum row (Σhi·2^−k + Σlo) over the engine mean, and no bound from a NULL engine error', () => {
    // Σx = 3·2^60·2^−62 + 2^−40 = 0.75 + 2^−40; the engine's own mean row (0.25) is not used.
    const rows = [...ROWS, r('x', 'sum', String(3n * 2n ** 60n), 62, 2 ** -40)].map((x) => (x.stat === 'quantile_method' ? { ...x, value: null } : x));
    const x = profileFromSqlRows(rows, 't').columns[0]!;
    expect(x.moments!.mean).toBe((0.75 + 2 ** -40) / 8);
    expect(x.quantiles!.rankError).toBeNull();
  });

  it('names the row or column that is wrong', () => {
    const without = (stat: string, col: string | null) => ROWS.filter((x) => !(x.stat === stat && x.column_name === col));
    expect(() => profileFromSqlRows([...ROWS, r('x', 'median', null, 1)], 't')).toThrow('profile row 26 (x median): unknown stat median');
    expect(() => profileFromSqlRows(without('rows', null), 't')).toThrow('no "rows" row');
    expect(() => profileFromSqlRows(without('m2', 'x'), 't')).toThrow('column x: mean or m2 row missing');
    expect(() => profileFromSqlRows(without('max_categories', 'c'), 't')).toThrow('column c: no "max_categories" row');
    expect(() => profileFromSqlRows([...without('bin', 'x'), r('x', 'bin', '0', 3)], 't')).toThrow('column x: bins hold 3 values, count is 8');
    expect(() => profileFromSqlRows([...without('missing', 'c'), r('c', 'missing', null, 2)], 't')).toThrow('does not add up to 10 rows');
    expect(() => profileFromSqlRows([...ROWS, r('c', 'distinct', null, -1)], 't')).toThrow('n is -1, expected a count ≥ 0');
    expect(() => profileFromSqlRows([...without('type', 'x'), r('x', 'type', 'datetime', 0)], 't')).toThrow('type datetime is not one of');
    expect(() => profileFromSqlRows([...without('quantile', 'x'), r('x', 'quantile', '0', null, 1), r('x', 'quantile', '1', null, 0)], 't')).toThrow(
      'column x: quantile 1 of 2 is 0; expected 3 non-decreasing quantile rows',
    );
    expect(() => profileFromSqlRows([...without('quantile', 'x'), r('x', 'quantile', '0', null, 1)], 't')).toThrow('column x: quantile 1 of 2 is undefined');
    expect(() => profileFromSqlRows([...ROWS, r('x', 'sum', '1.5', 3, 0)], 't')).toThrow('expected an integer sum label and scale n, got 1.5 and 3');
  });
});
