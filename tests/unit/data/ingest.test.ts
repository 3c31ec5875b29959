import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { TYPE_METADATA_KEY } from '../../../lib/data/to-arrow';
import { DataError } from '../../../lib/errors';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ingestCsv', () => {
  it('types columns into Arrow: Float64 with nulls, dictionary-encoded categories, datetime strings', async () => {
    const text = 'x,c,d\n1.5,a,2020-01-01\nNA,a,2020-01-02\n-2,b,\n0.5,a,2020-01-03\n';
    const { meta, table: direct } = await ingestCsv(bytes(text), 'data.csv', { id: 'ds1', now: () => new Date('2026-01-01T00:00:00Z') });
    expect(meta).toMatchObject({ id: 'ds1', name: 'data.csv', format: 'csv', rows: 4, bytes: text.length, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(meta.schema).toEqual([
      { name: 'x', type: 'numeric' },
      { name: 'c', type: 'categorical' },
      { name: 'd', type: 'datetime' },
    ]);
    expect(meta.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    // The table survives an IPC round trip (how it is stored) unchanged.
    const table = tableFromIPC(tableToIPC(direct, 'file'));
    expect(table.numRows).toBe(4);
    expect(table.getChild('x')!.toArray()[0]).toBe(1.5);
    expect(table.getChild('x')!.nullCount).toBe(1);
    expect(table.getChild('x')!.get(1)).toBeNull();
    expect(String(table.schema.fields[1]!.type)).toMatch(/Dictionary/);
    expect([...table.getChild('c')!]).toEqual(['a', 'a', 'b', 'a']);
    expect(table.getChild('d')!.get(2)).toBeNull();
    expect(table.schema.fields.map((f) => f.metadata.get(TYPE_METADATA_KEY))).toEqual(['numeric', 'categorical', 'datetime']);
  });

  it('types as Evidently: few distinct integers categorical, booleans, text, non-finite numbers', async () => {
    const rows = ['k,flag,note,v'];
    for (let i = 0; i < 40; i++) rows.push(`${i % 4},${i % 3 ? 'Yes' : 'no'},note ${i},${i === 7 ? 'inf' : i === 8 ? '-Infinity' : i / 4}`);
    const { meta, table } = await ingestCsv(bytes(rows.join('\n')), 'types.csv');
    expect(meta.schema.map((c) => c.type)).toEqual(['categorical', 'boolean', 'text', 'numeric']);
    // Booleans become the two categories "false"/"true"; integer categories keep their numbers.
    expect([...table.getChild('flag')!].slice(0, 3)).toEqual(['false', 'true', 'true']);
    expect(table.getChild('k')!.get(5)).toBe(1);
    const v = table.getChild('v')!;
    expect(v.get(7)).toBe(Infinity);
    expect(v.get(8)).toBe(-Infinity);
    expect(v.nullCount).toBe(0);
  });

  it('applies user column types and missing tokens', async () => {
    const text = 'code,x\n01,1\n02,-\n03,2\n';
    const { meta, table } = await ingestCsv(bytes(text), 'o.csv', { columnTypes: { code: 'text', x: 'categorical' }, missingTokens: ['-'] });
    expect(meta.schema).toEqual([
      { name: 'code', type: 'text' },
      { name: 'x', type: 'categorical' },
    ]);
    expect(table.getChild('x')!.nullCount).toBe(1);
    const asNumber = await ingestCsv(bytes('v\n1\n2x\n'), 'n.csv', { columnTypes: { v: 'numeric' } }).catch((e: unknown) => e);
    expect(asNumber).toMatchObject({ code: 'type-override', message: expect.stringMatching(/^cannot read column "v" as numeric: "2x"/) });
    await expect(ingestCsv(bytes(text), 'o.csv', { columnTypes: { nope: 'text' } })).rejects.toMatchObject({ code: 'unknown-column' });
  });

  it('keeps every digit: values round-trip exactly through Arrow', async () => {
    const values = ['0.1', '0.30000000000000004', '1e-300', '123456.789012345', '-7.25e+21'];
    const { table } = await ingestCsv(bytes(`v\n${values.join('\n')}\n`), 'v.csv');
    expect(Array.from(table.getChild('v')!.toArray() as Float64Array)).toEqual(values.map(Number));
  });

  it('uses tab for .tsv files', async () => {
    const { meta } = await ingestCsv(bytes('a\tb\n1,5\t2.5\n1,5\t3\n'), 'x.tsv');
    expect(meta.format).toBe('tsv');
    expect(meta.schema.map((c) => c.type)).toEqual(['categorical', 'numeric']);
  });

  it('rejects empty, binary and non-UTF-8 files with DataErrors', async () => {
    await expect(ingestCsv(new Uint8Array(), 'e.csv')).rejects.toMatchObject({ code: 'empty-file' });
    await expect(ingestCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'zip.csv')).rejects.toMatchObject({ code: 'binary-file' });
    await expect(ingestCsv(new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]), 'latin1.csv')).rejects.toBeInstanceOf(DataError);
  });
});

describe('ingest of other formats', () => {
  it.each([
    ['types.parquet', 'parquet'],
    ['types.arrow', 'arrow'],
    ['types.arrows', 'arrow'],
    ['valid.jsonl', 'jsonl'],
  ])('reads %s as %s into the same typed table shape', async (file, format) => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/formats', file)));
    const { meta, table } = await ingestCsv(bytes, file);
    expect(meta.format).toBe(format);
    expect(meta.rows).toBeGreaterThan(0);
    expect(table.numRows).toBe(meta.rows);
    expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(table.schema.fields.map((f) => f.metadata.get(TYPE_METADATA_KEY))).toEqual(meta.schema.map((c) => c.type));
  });

  it('refuses a file whose content does not match its extension', async () => {
    const parquet = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/formats/types.parquet')));
    await expect(ingestCsv(parquet, 'renamed.csv')).rejects.toMatchObject({
      code: 'format-mismatch',
      message: expect.stringMatching(/^format mismatch: renamed\.csv/),
    });
  });

  it('reads the 200,000-row Arrow file of vega-datasets', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../node_modules/vega-datasets/data/flights-200k.arrow')));
    const { meta } = await ingestCsv(bytes, 'flights-200k.arrow');
    expect(meta.rows).toBe(200_000);
    expect(meta.schema.map((c) => c.name)).toEqual(['delay', 'distance', 'time']);
  });
});
