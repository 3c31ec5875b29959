import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { readCsv } from '../../../lib/data/read-csv';

const FIXTURES = join(__dirname, '../../fixtures/ingest');
const encode = (text: string) => new TextEncoder().encode(text);
// A source over bytes in memory, in one chunk.
const bytesSource = (bytes: Uint8Array, name: string) => ({
  name,
  size: bytes.length,
  async *open() {
    yield bytes;
  },
});

/** A column's values as plain JS (null for missing), read back from the Arrow table. */
function columnValues(table: Awaited<ReturnType<typeof ingestCsv>>['table'], name: string): unknown[] {
  return [...table.getChild(name)!].map((v) => (v === null ? null : typeof v === 'number' ? v : String(v)));
}

function counts(values: unknown[]): { counts: Record<string, number>; missing: number } {
  const out: Record<string, number> = {};
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else out[String(v)] = (out[String(v)] ?? 0) + 1;
  }
  return { counts: out, missing };
}

describe('decimal literals beyond the double range (issue 11: "1e400" typed the column as text)', () => {
  it('reads ±1e400 in a CSV as ±Infinity in a numeric column, counted non-finite, on every parse path', async () => {
    const rows = ['x,q,tiny'];
    for (let i = 0; i < 30; i++) rows.push(`${i / 8},"${i / 4}",${i}`);
    rows.push('1e400,"-1E+400",1e-400', '-1e400," 1e400 ",-1e-400');
    const text = rows.join('\n');
    // Plain decimals (the tokenizer's fast path), quoted fields, and the locale path (decimal comma) alike.
    for (const numberFormat of [undefined, { decimal: ',' as const, thousands: '' as const }]) {
      const csv = await readCsv(bytesSource(encode(text), 'big.csv'), { numberFormat });
      const [x, q, tiny] = csv.builders;
      expect(csv.builders.map((b) => b.kind)).toEqual(['numeric', 'numeric', 'numeric']);
      expect([x!.nonFinite, q!.nonFinite, tiny!.nonFinite]).toEqual([2, 2, 0]);
      expect([...x!.finishNumbers().values.subarray(29)]).toEqual([29 / 8, Infinity, -Infinity]);
      expect([...q!.finishNumbers().values.subarray(29)]).toEqual([29 / 4, -Infinity, Infinity]);
      // Underflow is a number, as Number() gives: 0 and −0.
      const zeros = tiny!.finishNumbers().values;
      expect(Object.is(zeros[30], 0) && Object.is(zeros[31], -0)).toBe(true);
    }
    const { meta } = await ingestCsv(encode(text), 'big.csv');
    expect(meta.schema.map((c: { type: string }) => c.type)).toEqual(['numeric', 'numeric', 'numeric']);
  });

  it('keeps a mostly-integer column numeric (never categorical) once it holds an overflowing literal', async () => {
    const text = `k\n${[1, 2, 3, 1, 2, 3, '1e400', 2].join('\n')}\n`;
    const { meta, table } = await ingestCsv(encode(text), 'k.csv');
    expect(meta.schema).toEqual([{ name: 'k', type: 'numeric' }]);
    expect(columnValues(table, 'k')).toEqual([1, 2, 3, 1, 2, 3, Infinity, 2]);
  });

  it('reads 1e400 in JSON Lines as Infinity, written as a number or as a string in a numeric column (as "inf" is)', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify({ n: i / 3, s: i / 3 }));
    lines.push('{"n": 1e400, "s": "-1e400"}', '{"n": -1e400, "s": " 1e400 "}');
    const { meta, table } = await ingestCsv(encode(lines.join('\n')), 'big.jsonl');
    expect(meta.schema.map((c: { type: string }) => c.type)).toEqual(['numeric', 'numeric']);
    expect(columnValues(table, 'n').slice(11)).toEqual([11 / 3, Infinity, -Infinity]);
    expect(columnValues(table, 's').slice(11)).toEqual([11 / 3, -Infinity, Infinity]);
  });
});

describe('cell values are kept exactly: whitespace is part of a category (pandas 1.5.3, tests/fixtures/generate_ingest_whitespace.py)', () => {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, 'whitespace.json'), 'utf8')) as {
    rows: number;
    columns: Record<
      string,
      { dtype: string; values?: number[]; pandasCounts?: Record<string, number>; driftbookCounts?: Record<string, number>; driftbookMissing?: number }
    >;
  };
  const bytes = readFileSync(join(FIXTURES, 'whitespace.csv'));

  it('counts each category as pandas\' value_counts does (" a", "a ", "\\ta" and "a" apart; "\\t=1+1" is not "=1+1")', async () => {
    const { meta, table } = await ingestCsv(new Uint8Array(bytes), 'whitespace.csv');
    expect(meta.rows).toBe(fixture.rows);
    const category = counts(columnValues(table, 'category'));
    expect(category.counts).toEqual(fixture.columns.category!.pandasCounts);
    expect(category.counts).toEqual(fixture.columns.category!.driftbookCounts);
    expect(category.missing).toBe(0);
    expect(counts(columnValues(table, 'plain')).counts).toEqual(fixture.columns.plain!.pandasCounts);
  });

  it('parses numbers with surrounding spaces or tabs as pandas does (" 12 " is 12)', async () => {
    const { meta, table } = await ingestCsv(new Uint8Array(bytes), 'whitespace.csv');
    expect(fixture.columns.number!.dtype).toBe('float64');
    expect(meta.schema.find((c: { name: string }) => c.name === 'number')!.type).toBe('numeric');
    expect(columnValues(table, 'number')).toEqual(fixture.columns.number!.values);
  });

  it('matches missing tokens after trimming (" NA", "\\tnull" are missing), where pandas matches the exact field', async () => {
    const { table } = await ingestCsv(new Uint8Array(bytes), 'whitespace.csv');
    const padded = counts(columnValues(table, 'padded'));
    const want = fixture.columns.padded!;
    expect(padded.counts).toEqual(want.driftbookCounts);
    expect(padded.missing).toBe(want.driftbookMissing);
    // The difference from pandas is exactly the padded tokens pandas keeps as values.
    expect(Object.keys(want.pandasCounts!).filter((k) => !(k in want.driftbookCounts!))).toEqual([' NA', 'NA ', '\tnull']);
  });
});
