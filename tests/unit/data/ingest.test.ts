import { createHash } from 'node:crypto';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { TYPE_METADATA_KEY } from '../../../lib/data/to-arrow';
import { DataError } from '../../../lib/errors';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ingestCsv', () => {
  it('types columns into Arrow: Float64 with nulls, dictionary-encoded categories, datetime strings', async () => {
    const text = 'x,c,d\n1.5,a,2020-01-01\nNA,b,2020-01-02\n-2,a,\n';
    const { meta, table: direct } = await ingestCsv(bytes(text), 'data.csv', { id: 'ds1', now: () => new Date('2026-01-01T00:00:00Z') });
    expect(meta).toMatchObject({ id: 'ds1', name: 'data.csv', format: 'csv', rows: 3, bytes: text.length, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(meta.schema).toEqual([
      { name: 'x', type: 'numeric' },
      { name: 'c', type: 'categorical' },
      { name: 'd', type: 'datetime' },
    ]);
    expect(meta.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    // The table survives an IPC round trip (how it is stored) unchanged.
    const table = tableFromIPC(tableToIPC(direct, 'file'));
    expect(table.numRows).toBe(3);
    expect(table.getChild('x')!.toArray()[0]).toBe(1.5);
    expect(table.getChild('x')!.nullCount).toBe(1);
    expect(table.getChild('x')!.get(1)).toBeNull();
    expect(String(table.schema.fields[1]!.type)).toMatch(/Dictionary/);
    expect([...table.getChild('c')!]).toEqual(['a', 'b', 'a']);
    expect(table.getChild('d')!.get(2)).toBeNull();
    expect(table.schema.fields.map((f) => f.metadata.get(TYPE_METADATA_KEY))).toEqual(['numeric', 'categorical', 'datetime']);
  });

  it('keeps every digit: values round-trip exactly through Arrow', async () => {
    const values = ['0.1', '0.30000000000000004', '1e-300', '123456.789012345', '-7.25e+21'];
    const { table } = await ingestCsv(bytes(`v\n${values.join('\n')}\n`), 'v.csv');
    expect(Array.from(table.getChild('v')!.toArray() as Float64Array)).toEqual(values.map(Number));
  });

  it('uses tab for .tsv files', async () => {
    const { meta } = await ingestCsv(bytes('a\tb\n1,5\t2\n'), 'x.tsv');
    expect(meta.format).toBe('tsv');
    expect(meta.schema.map((c) => c.type)).toEqual(['categorical', 'numeric']);
  });

  it('rejects empty, binary and non-UTF-8 files with DataErrors', async () => {
    await expect(ingestCsv(new Uint8Array(), 'e.csv')).rejects.toMatchObject({ code: 'empty-file' });
    await expect(ingestCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'zip.csv')).rejects.toMatchObject({ code: 'binary-file' });
    await expect(ingestCsv(new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]), 'latin1.csv')).rejects.toBeInstanceOf(DataError);
  });
});
