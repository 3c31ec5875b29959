import { DataType, tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applySegment, checkSegment, hasSegment } from '../../../lib/data/frame';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { AnalysisError } from '../../../lib/errors';
import { computeQuality } from '../../../lib/quality/compute-quality';

// A seeded table with every column kind a segment reads: categories, numbers with NA, text with
// blanks, booleans, ISO dates with blanks, and a column name that needs brackets.
const HEADER = ['country', 'age', 'city', 'flag', 'date', 'odd name'];
type Row = Record<string, string>;

function makeRows(n: number): Row[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const countries = ['FR', 'DE', 'ES', 'IT'];
  const cities = ['Paris', 'Lyon', 'Berlin', 'Madrid', 'Pau', ''];
  return Array.from({ length: n }, () => ({
    country: countries[Math.floor(next() * 4)]!,
    age: next() < 0.1 ? 'NA' : String(18 + Math.floor(next() * 62)),
    city: cities[Math.floor(next() * 6)]!,
    flag: next() < 0.4 ? 'yes' : 'no',
    date: next() < 0.05 ? '' : `${2013 + Math.floor(next() * 4)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
    'odd name': (next() * 2 - 0.5).toFixed(6),
  }));
}

const csvOf = (rows: Row[]) => [HEADER.join(','), ...rows.map((row) => HEADER.map((name) => row[name]).join(','))].join('\n') + '\n';
const bytes = (text: string) => new TextEncoder().encode(text);
const ROWS = makeRows(600);

// Values as the expressions see them, computed here without arquero.
const num = (text: string) => (text === 'NA' ? NaN : Number(text));
const str = (text: string) => (text === '' ? null : text);

async function dataset(): Promise<Dataset> {
  return ingestCsv(bytes(csvOf(ROWS)), 'people.csv', { id: 'people' });
}

/** The same file with only the kept rows, read with the full file's column types. */
async function filteredFile(full: Dataset, keep: (row: Row) => boolean): Promise<Dataset> {
  const columnTypes = Object.fromEntries(full.meta.schema.map((column) => [column.name, column.type]));
  return ingestCsv(bytes(csvOf(ROWS.filter(keep))), 'people.csv', { id: 'people', columnTypes });
}

function columnsOf(table: Table) {
  return table.schema.fields.map((field) => {
    const vector = table.getChild(field.name)!;
    const dictionary = DataType.isDictionary(field.type) ? [...vector.data[0]!.dictionary!] : undefined;
    return { name: field.name, type: String(field.type), metadata: [...field.metadata], nulls: vector.nullCount, values: [...vector], dictionary };
  });
}

const CASES: [string, (row: Row) => boolean][] = [
  ["d => d.country === 'FR' && d.age >= 30", (r) => r.country === 'FR' && num(r.age!) >= 30],
  ["d => d.country == 'DE' || d.country == 'ES'", (r) => r.country === 'DE' || r.country === 'ES'],
  // A missing age is NaN: !(NaN < 40) is true, as in JavaScript and pandas' ~(age < 40).
  ['d => !(d.age < 40)', (r) => !(num(r.age!) < 40)],
  ["d => op.startswith(d.city, 'Pa')", (r) => r.city!.startsWith('Pa')],
  ['d => op.length(d.city) > 4', (r) => r.city!.length > 4],
  ['d => d.country.length === 2 && d.city != null && d.city.length <= 4', (r) => r.city !== '' && r.city!.length <= 4],
  ["d => d.date < '2015-01-01'", (r) => str(r.date!) !== null && r.date! < '2015-01-01'],
  ["d => op.parse_date(d.date) >= op.parse_date('2015-06-01')", (r) => r.date !== '' && Date.parse(r.date!) >= Date.parse('2015-06-01')],
  ['d => d.city == null', (r) => r.city === ''],
  ['d => op.is_nan(d.age)', (r) => r.age === 'NA'],
  ['d => d.flag', (r) => r.flag === 'yes'],
  ['d => d.flag === false && d.age > 50', (r) => r.flag === 'no' && num(r.age!) > 50],
  ["d => d['odd name'] > 0.75", (r) => Number(r['odd name']) > 0.75],
  ['(row) => Math.abs(row.age - 40) < 5', (r) => Math.abs(num(r.age!) - 40) < 5],
  ['d.age > 60', (r) => num(r.age!) > 60],
  ["d => (d.country === 'FR' ? d.age > 30 : d.age > 60)", (r) => (r.country === 'FR' ? num(r.age!) > 30 : num(r.age!) > 60)],
  ["d => `${d.country}/${d.flag}` === 'IT/true'", (r) => r.country === 'IT' && r.flag === 'yes'],
  ['d => Math.PI > 3 && d.age > 0', (r) => num(r.age!) > 0],
];

describe('applySegment', () => {
  it.each(CASES)('%s keeps the rows a plain loop keeps, typed as reading only those rows', async (expression, keep) => {
    const full = await dataset();
    const segment = applySegment(full, expression);
    const expected = await filteredFile(full, keep);
    expect(segment.meta.rows).toBe(ROWS.filter(keep).length);
    expect(segment.table.numRows).toBe(segment.meta.rows);
    expect(segment.meta).toEqual({ ...full.meta, rows: expected.meta.rows, segment: expression.trim() });
    expect(columnsOf(segment.table)).toEqual(columnsOf(expected.table));
    // It survives the IPC round trip that storage and workers use.
    expect(columnsOf(tableFromIPC(tableToIPC(segment.table, 'file')))).toEqual(columnsOf(expected.table));
  });

  it('numbers stay Float64 (NaN and null bit at missing rows); existing analyses read the rows as the filtered file', async () => {
    const full = await dataset();
    const segment = applySegment(full, "d => d.country !== 'IT'");
    const age = segment.table.getChild('age')!;
    expect(age.data[0]!.values).toBeInstanceOf(Float64Array);
    expect(age.nullCount).toBeGreaterThan(0);
    const expected = await filteredFile(full, (r) => r.country !== 'IT');
    expect(computeQuality(segment).columns).toEqual(computeQuality(expected).columns);
    expect(computeQuality(full, segment).columns).toEqual(computeQuality(full, expected).columns);
  });

  it('an empty or blank segment returns the dataset as it is; one keeping every row, the same table', async () => {
    const full = await dataset();
    expect(applySegment(full, undefined)).toBe(full);
    expect(applySegment(full, '')).toBe(full);
    expect(applySegment(full, '  \n ')).toBe(full);
    // Every row kept: the same table, the description naming the segment.
    const all = applySegment(full, 'd => d.age > 0 || op.is_nan(d.age)');
    expect(all.table).toBe(full.table);
    expect(all.meta).toEqual({ ...full.meta, segment: 'd => d.age > 0 || op.is_nan(d.age)' });
    expect([hasSegment(undefined), hasSegment(' '), hasSegment('d => true')]).toEqual([false, false, true]);
  });

  it('a segment keeping no row is an empty table with the same schema', async () => {
    const full = await dataset();
    const segment = applySegment(full, "d => d.country === 'NL'");
    expect(segment.meta.rows).toBe(0);
    const read = tableFromIPC(tableToIPC(segment.table, 'file'));
    expect(read.numRows).toBe(0);
    expect(read.schema.fields.map((f) => [f.name, String(f.type), [...f.metadata]])).toEqual(
      full.table.schema.fields.map((f) => [f.name, String(f.type), [...f.metadata]]),
    );
  });

  it('a filter that throws on a row is a bad segment saying how to guard missing values', async () => {
    const full = await dataset();
    expect(() => applySegment(full, 'd => d.city.length > 3')).toThrow(/^segment: failed while filtering: .*null.* — guard missing values/);
  });
});

// Each must be refused before anything is compiled: [expression, what the message names].
const REFUSED: [string, RegExp][] = [
  // A condition that reads no column keeps every row or none: refused, not silently applied.
  ['-1', /"-1" reads no column/],
  ['d => Math.PI > 3', /reads no column/],
  ['d => true', /reads no column/],
  ["d => fetch('https://example.com')", /function call not allowed: "fetch\('https:\/\/example.com'\)"/],
  ['d => globalThis', /"globalThis" is not a column/],
  ["d => globalThis.fetch('x')", /function call not allowed/],
  ['d => window.location', /property access outside the row: "window.location"/],
  ["d => import('./x.js')", /import\(…\) not allowed/],
  ['d => this', /"this" not allowed/],
  ['d => d.constructor', /unknown column "constructor"/],
  ["d => d['__proto__']", /unknown column "__proto__"/],
  ['d => Object.keys(d)', /function call not allowed: "Object.keys\(d\)"/],
  ['d => d', /the whole row "d" cannot be used/],
  ["d => (0).constructor.constructor('return fetch')()", /function call not allowed/],
  ["d => d.country.constructor.constructor('x')()", /function call not allowed/],
  ['d => d.country.constructor', /property access outside the row/],
  ["d => d.country.startswith('F')", /function call not allowed/],
  ["d => d[op.lower('AGE')] > 1", /computed column name/],
  ['d => d.age = 3', /assignments not allowed/],
  ['d => d.age++', /\+\+ and -- not allowed/],
  ['d => (d.age, fetch)', /the comma operator not allowed/],
  ['d => new Date(d.date)', /"new" not allowed/],
  ['d => (() => fetch)()', /function call not allowed/],
  ['d => [1].map(x => x)', /function call not allowed/],
  ['d => d.city?.length', /optional chaining/],
  ['d => { return d.age > 3 }', /function body in braces/],
  ['(d, $) => $.x', /one row parameter/],
  ['d => d.nope > 1', /unknown column "nope" .* — columns are "country", "age"/],
  ['d => op.mean(d.age) > 40', /Aggregate function not allowed/],
  ['d => op.row_object()', /function call not allowed/],
  ['d => d.age > 1; fetch("x")', /cannot read .* as one expression/],
  ["1), (fetch('x')", /cannot read .* as one expression/],
  ['d => d.age >', /cannot read .* as one expression/],
];

describe('segments refused', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(REFUSED)('%s', async (expression, message) => {
    const full = await dataset();
    const compile = vi.spyOn(globalThis, 'Function');
    for (const run of [() => checkSegment(expression, HEADER), () => applySegment(full, expression)]) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AnalysisError);
      expect(thrown).toMatchObject({ code: 'bad-segment' });
      expect((thrown as Error).message).toMatch(/^segment: .+ — .+/);
      expect((thrown as Error).message).toMatch(message);
    }
    expect(compile).not.toHaveBeenCalled();
  });
});

describe('segments where eval is forbidden', () => {
  it('checkSegment compiles nothing; applySegment says segments need workers', async () => {
    const full = await dataset();
    const original = globalThis.Function;
    // What Chromium throws for Function() under a CSP without 'unsafe-eval'.
    function refuse(): never {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source");
    }
    refuse.prototype = original.prototype;
    const refusing = refuse as unknown as FunctionConstructor;
    globalThis.Function = refusing;
    try {
      expect(() => checkSegment("d => d.country === 'FR' && op.startswith(d.city, 'P')", HEADER)).not.toThrow();
      expect(() => applySegment(full, "d => d.country === 'FR'")).toThrow(expect.objectContaining({ code: 'segment-needs-worker' }));
      expect(() => applySegment(full, "d => d.country === 'FR'")).toThrow(/^segment: .* — segments need Web Workers/);
    } finally {
      globalThis.Function = original;
    }
  });
});
