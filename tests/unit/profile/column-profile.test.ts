import { Dictionary, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { profileColumn } from '../../../lib/profile/column-profile';

const csv = (text: string) => ingestCsv(new TextEncoder().encode(text), 'data.csv');
const strings = (values: (string | null)[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));

describe('profileColumn', () => {
  it('numeric: finite values sorted, missing and ±inf counted apart, min/max/mean of the finite ones', async () => {
    const { table } = await csv('x,k\n3.5,a\n,b\n-1,c\ninf,d\n2,e\n-inf,f\nNaN,g\n0.25,h\n');
    const profile = profileColumn(table, 'x', 'numeric');
    // Expected by hand: finite values -1, 0.25, 2, 3.5 (sum 4.75).
    expect(profile).toEqual({
      kind: 'numeric',
      count: 4,
      missing: 2,
      nonFinite: 2,
      sorted: Float64Array.from([-1, 0.25, 2, 3.5]),
      min: -1,
      max: 3.5,
      mean: 4.75 / 4,
    });
  });

  it('numeric: reads a string column the user typed numeric, and names a value that is not a number', () => {
    const table = new Table({ s: strings(['2', null, 'inf', '1']) });
    expect(profileColumn(table, 's', 'numeric')).toMatchObject({ count: 2, missing: 1, nonFinite: 1, sorted: Float64Array.from([1, 2]) });
    expect(() => profileColumn(new Table({ s: strings(['1', 'high']) }), 's', 'numeric')).toThrow('column "s" holds "high"');
  });

  it('numeric: a null row is missing whatever its value slot holds, also in a slice', () => {
    const table = new Table({ x: vectorFromArray([5, null, 7, null, 9], new Float64()) });
    expect(profileColumn(table.slice(1), 'x', 'numeric')).toMatchObject({ count: 2, missing: 2, sorted: Float64Array.from([7, 9]) });
  });

  it('categorical and boolean: value counts in dictionary order (strings first seen, booleans false then true), missing apart', async () => {
    const { table } = await csv('c,b,n\nx,yes,1\ny,no,2\n,,\nx,true,1\n');
    expect(profileColumn(table, 'c', 'categorical')).toEqual({ kind: 'categorical', count: 3, missing: 1, categories: ['x', 'y'], counts: [2, 1] });
    expect(profileColumn(table, 'b', 'boolean')).toEqual({ kind: 'categorical', count: 3, missing: 1, categories: ['false', 'true'], counts: [1, 2] });
    expect(profileColumn(table, 'n', 'categorical')).toEqual({ kind: 'categorical', count: 3, missing: 1, categories: ['1', '2'], counts: [2, 1] });
  });

  it('datetime and text: counts only', async () => {
    const { table } = await csv('d,k\n2015-01-01,a\n,b\n2015-01-03,c\n');
    expect(profileColumn(table, 'd', 'datetime')).toEqual({ kind: 'other', count: 2, missing: 1 });
  });
});
