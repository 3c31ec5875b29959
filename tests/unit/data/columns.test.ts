import { Bool, Dictionary, Float64, Int32, Table, Utf8, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnVector, countValues, finiteNumbers, nullCount, readCodes, readLabels, readNumbers, readTimes } from '../../../lib/data/columns';
import { ingestCsv } from '../../../lib/data/ingest';

const strings = (values: (string | null)[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
const floats = (values: (number | null)[]) => vectorFromArray(values, new Float64());
const csv = (text: string) => ingestCsv(new TextEncoder().encode(text), 'data.csv');

describe('finiteNumbers (what a numeric profile keeps)', () => {
  /** readNumbers, then the finite values in row order and the NaN / ±Infinity counts: the definition finiteNumbers must equal. */
  const byReadNumbers = (source: Parameters<typeof readNumbers>[0], name: string) => {
    const values = Array.from(readNumbers(source, name));
    const finite = values.filter((x) => Number.isFinite(x));
    return { finite, missing: values.filter((x) => Number.isNaN(x)).length, nonFinite: values.filter((x) => x === Infinity || x === -Infinity).length };
  };
  const plain = (result: ReturnType<typeof finiteNumbers>) => ({ ...result, finite: Array.from(result.finite) });

  it('equals readNumbers then a filter: nulls, NaN, ±Infinity, chunks and slices, strings typed numeric, other Arrow types', async () => {
    const { table } = await csv('x,y\n1,a\n,b\n-inf,c\n2.5,d\nNaN,e\ninf,f\n-0,g\n');
    const chunked = new Table({ x: floats([1, null, 3, null]) }).concat(new Table({ x: floats([null, 6, -0]) }));
    const sources: [Parameters<typeof readNumbers>[0], string][] = [
      [table, 'x'],
      [floats([1, null, 3]), 'x'],
      [chunked, 'x'],
      [chunked.slice(1, 6), 'x'],
      [new Table({ s: strings(['1.5', null, '-inf', '2', '1.5']) }), 's'],
      [tableFromArrays({ i: Int32Array.from([3, -2, 7]) }), 'i'],
      [tableFromArrays({ f: Float32Array.from([0.1, NaN, 2]) }), 'f'],
    ];
    for (const [source, name] of sources) expect(plain(finiteNumbers(source, name))).toEqual(byReadNumbers(source, name));
    expect(plain(finiteNumbers(table, 'x'))).toEqual({ finite: [1, 2.5, -0], missing: 2, nonFinite: 2 });
    expect(Object.is(finiteNumbers(table, 'x').finite[2], -0)).toBe(true);
  });

  it('returns an array exactly as long as the finite values (no spare capacity behind a view)', () => {
    const result = finiteNumbers(floats([1, null, 2, NaN]), 'x');
    expect(result.finite.length).toBe(2);
    expect(result.finite.buffer.byteLength).toBe(16);
    expect(() => finiteNumbers(new Table({ s: strings(['1', 'high']) }), 's')).toThrow(expect.objectContaining({ code: 'not-numeric' }));
  });
});

describe('finiteNumbers with an allocator (a worker pool profiles into shared memory)', () => {
  it('puts the finite values in arrays the allocator made, also when some rows were not finite', () => {
    const shared = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));
    const all = finiteNumbers(floats([3, 1, 2]), 'x', shared);
    expect(all.finite.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(all.finite)).toEqual([3, 1, 2]);
    const some = finiteNumbers(floats([3, null, Infinity, NaN, -2]), 'x', shared);
    expect(some.finite.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(some.finite)).toEqual([3, -2]);
    expect(some).toMatchObject({ missing: 2, nonFinite: 1 });
  });
});

describe('countValues on Float columns (integer categories)', () => {
  /** The definition: a Map from value to count in first-seen order (−0 and 0 one key), nulls and NaN missing, named String(x). */
  function byMap(values: (number | null)[]) {
    const counts = new Map<number, number>();
    let missing = 0;
    for (const x of values) {
      if (x === null || Number.isNaN(x)) missing++;
      else counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    return { categories: [...counts.keys()].map(String), counts: [...counts.values()], missing };
  }

  it('equals a Map count for small integers (counted by index) mixed with negative, large and fractional values, −0 seen before 0, nulls and NaN', () => {
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pool = [-0, 0, 1, 2, 1023, 1024, 1025, -1, 2.5, 1e9, 7, 1023.5, 5e-324];
    const values = Array.from({ length: 5000 }, (_, i): number | null =>
      i % 101 === 0 ? null : i % 103 === 0 ? NaN : pool[Math.floor(next() * pool.length)]!,
    );
    values.unshift(-0);
    const counted = countValues(floats(values), 'x');
    expect(counted).toEqual(byMap(values));
    // −0 is seen first: one category named "0", holding both zeros.
    expect(counted.categories[0]).toBe('0');
    expect(counted.categories.filter((c) => c === '0')).toHaveLength(1);
  });

  it('equals a Map count for few distinct values, for more than the short list holds, with nulls, NaN and ±0', () => {
    let seed = 3;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const distinct of [1, 3, 10, 31, 32, 33, 200]) {
      const values = Array.from({ length: 3000 }, (_, i): number | null =>
        i % 97 === 0 ? null : i % 89 === 0 ? NaN : i % 83 === 0 ? -0 : Math.floor(next() * distinct) - 2,
      );
      expect(countValues(floats(values), 'x')).toEqual(byMap(values));
    }
  });
});

describe('readNumbers', () => {
  it('reads Float64 with NaN for null rows, and keeps ±Infinity', async () => {
    const { table } = await csv('x,y\n1,a\n,b\n-inf,c\n2.5,d\nNaN,e\n');
    expect(Array.from(readNumbers(table, 'x'))).toEqual([1, NaN, -Infinity, 2.5, NaN]);
  });

  it('reads a null row as NaN whatever its value slot holds', () => {
    // vectorFromArray writes 0 in the value slot of a null row: only the validity bitmap says it is missing.
    const vector = floats([1, null, 3]);
    expect(vector.data[0]!.values[1]).toBe(0);
    expect(Array.from(readNumbers(vector, 'x'))).toEqual([1, NaN, 3]);
  });

  it('reads every chunk, and a slice from its own offset (the bitmap is not sliced)', () => {
    const table = new Table({ x: floats([1, null, 3, null]) }).concat(new Table({ x: floats([null, 6]) }));
    expect(table.getChild('x')!.data.length).toBe(2);
    expect(Array.from(readNumbers(table, 'x'))).toEqual([1, NaN, 3, NaN, NaN, 6]);
    const slice = table.slice(1, 5);
    expect(slice.getChild('x')!.data[0]!.offset).toBe(1);
    expect(Array.from(readNumbers(slice, 'x'))).toEqual([NaN, 3, NaN, NaN]);
  });

  it('parses strings once per distinct value; text that is not a number is an error naming it', () => {
    expect(Array.from(readNumbers(new Table({ s: strings(['1.5', null, '-inf', '2', '1.5']) }), 's'))).toEqual([1.5, NaN, -Infinity, 2, 1.5]);
    expect(() => readNumbers(new Table({ s: strings(['1', 'high']) }), 's')).toThrow(
      expect.objectContaining({ code: 'not-numeric', message: 'column "s" holds "high", which is not a number — choose another type for it' }),
    );
    const rows: [string, number][] = [];
    const read = readNumbers(new Table({ s: strings(['1', 'low', 'high', 'low']) }), 's', { onText: (text, row) => (rows.push([text, row]), -1) });
    expect(Array.from(read)).toEqual([1, -1, -1, -1]);
    expect(rows).toEqual([
      ['low', 1],
      ['high', 2],
    ]);
  });

  it('reads other Arrow types value by value (integers, text), nulls as NaN', () => {
    const table = tableFromArrays({ i: Int32Array.from([3, -2, 7]) });
    expect(Array.from(readNumbers(table, 'i'))).toEqual([3, -2, 7]);
    expect(Array.from(readNumbers(vectorFromArray(['4', null, '0.5'], new Utf8()), 'u'))).toEqual([4, NaN, 0.5]);
  });

  it('names the column a table lacks', () => {
    const table = tableFromArrays({ a: Float64Array.from([1]) });
    expect(() => readNumbers(table, 'z')).toThrow(
      expect.objectContaining({ code: 'unknown-column', message: 'unknown column: "z" — choose a column of the dataset' }),
    );
    expect(columnVector(table, 'a').length).toBe(1);
  });
});

describe('readLabels', () => {
  it('keeps numbers as numbers, categories and booleans as strings, missing as null', async () => {
    const { table } = await csv('n,c,b\n1,x,yes\n,y,no\n2.5,,\nNaN,x,true\n');
    expect(readLabels(table, 'n')).toEqual([1, null, 2.5, null]);
    expect(readLabels(table, 'c')).toEqual(['x', 'y', null, 'x']);
    expect(readLabels(table, 'b')).toEqual(['true', 'false', null, 'true']);
  });

  it('reads sliced and multi-chunk dictionaries, and other types as strings', () => {
    const table = new Table({ s: strings(['a', null, 'b']) }).concat(new Table({ s: strings([null, 'c']) }));
    expect(readLabels(table, 's')).toEqual(['a', null, 'b', null, 'c']);
    expect(readLabels(table.slice(2), 's')).toEqual(['b', null, 'c']);
    expect(readLabels(vectorFromArray([true, null, false], new Bool()), 'b')).toEqual(['true', null, 'false']);
  });
});

describe('readCodes', () => {
  it('codes categories in first-seen order across chunks, −1 for missing', () => {
    const table = new Table({ s: strings(['b', null, 'a']) }).concat(new Table({ s: strings(['a', 'c', null, 'b']) }));
    const { codes, categories } = readCodes(table, 's');
    expect(categories).toEqual(['b', 'a', 'c']);
    expect(Array.from(codes)).toEqual([0, -1, 1, 1, 2, -1, 0]);
  });

  it('names numbers String(x) (−0 and 0 are one category), NaN is missing', () => {
    const { codes, categories } = readCodes(floats([2, -0, null, 0, NaN, 2]), 'x');
    expect(categories).toEqual(['2', '0']);
    expect(Array.from(codes)).toEqual([0, 1, -1, 1, -1, 0]);
  });

  it('leaves out dictionary entries no row uses', () => {
    const sliced = new Table({ s: strings(['unused', 'kept', 'kept']) }).slice(1);
    expect(readCodes(sliced, 's')).toEqual({ codes: Int32Array.from([0, 0]), categories: ['kept'] });
  });
});

describe('countValues', () => {
  it("counts categories in the dictionary's order, numbers by value, missing apart", async () => {
    const { table } = await csv('c,n\nx,1\ny,2\n,1\nx,\ny,1\nz,3\n');
    expect(countValues(table, 'c')).toEqual({ categories: ['x', 'y', 'z'], counts: [2, 2, 1], missing: 1 });
    expect(countValues(table, 'n')).toEqual({ categories: ['1', '2', '3'], counts: [3, 1, 1], missing: 1 });
  });

  it('merges chunks by name and skips unused entries of a sliced dictionary', () => {
    const table = new Table({ s: strings(['a', 'b', null]) }).concat(new Table({ s: strings(['b', 'c']) }));
    expect(countValues(table.slice(1), 's')).toEqual({ categories: ['b', 'c'], counts: [2, 1], missing: 1 });
  });

  it('counts other Arrow types by their text, in first-seen order', () => {
    expect(countValues(vectorFromArray([true, null, false, true], new Bool()), 'b')).toEqual({ categories: ['true', 'false'], counts: [2, 1], missing: 1 });
  });
});

describe('readTimes', () => {
  it('reads ISO 8601 text as UTC milliseconds, counting text that is not a date', () => {
    const table = new Table({ d: strings(['2015-01-02', null, '02/01/2015', '2015-01-02T03:04:05+01:00', '02/01/2015', 'soon']) });
    const times = readTimes(table, 'd');
    expect(Array.from(times.values)).toEqual([Date.UTC(2015, 0, 2), NaN, NaN, Date.UTC(2015, 0, 2, 2, 4, 5), NaN, NaN]);
    expect(times).toMatchObject({ numeric: false, unparsed: 3, firstUnparsed: { row: 2, text: '02/01/2015' } });
  });

  it('returns numbers as they are, and says so', () => {
    const times = readTimes(floats([1_420_070_400, null]), 't');
    expect(Array.from(times.values)).toEqual([1_420_070_400, NaN]);
    expect(times).toMatchObject({ numeric: true, unparsed: 0 });
    expect(times.firstUnparsed).toBeUndefined();
  });
});

describe('nullCount', () => {
  it("is the column's Arrow null count", async () => {
    const { table } = await csv('x,c\n1,a\n,\n3,\n');
    expect([nullCount(table, 'x'), nullCount(table, 'c')]).toEqual([1, 2]);
  });
});
