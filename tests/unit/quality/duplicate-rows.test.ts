import { Dictionary, Float64, Int32, Table, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { countDuplicatedRows } from '../../../lib/quality/duplicate-rows';

function strings(values: (string | null)[]) {
  return vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
}

describe('countDuplicatedRows (pandas DataFrame.duplicated().sum())', () => {
  it('counts rows equal to an earlier row in every column; missing equals missing', () => {
    const table = new Table({
      a: vectorFromArray([1, 1, 1, null, null, NaN], new Float64()),
      b: strings(['x', 'x', 'y', null, null, null]),
    });
    // Rows 1 (= row 0), 4 and 5 (= row 3: null and NaN are both missing).
    expect(countDuplicatedRows(table)).toBe(3);
  });

  it('compares strings, not dictionary indices, across record batches', () => {
    const chunk = (dictionary: string[], indices: number[]) =>
      makeData({
        type: new Dictionary(new Utf8(), new Int32()),
        length: indices.length,
        nullCount: 0,
        data: Int32Array.from(indices),
        dictionary: vectorFromArray(dictionary, new Utf8()),
      });
    const vector = makeVector([chunk(['p', 'q'], [0, 1]), chunk(['q', 'p'], [0, 1, 1])]);
    // Rows: p q | q p p → rows 2, 3 and 4 repeat earlier ones.
    expect(countDuplicatedRows(new Table({ s: vector }))).toBe(3);
  });

  it('treats −0 as 0 and no columns or rows as no duplicates', () => {
    expect(countDuplicatedRows(new Table({ a: vectorFromArray([0, -0], new Float64()) }))).toBe(1);
    expect(countDuplicatedRows(new Table({ a: vectorFromArray([], new Float64()) }))).toBe(0);
  });
});
