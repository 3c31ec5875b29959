import { readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { describe, expect, it } from 'vitest';
import { localFileSource } from '../../../lib/data/read-file';
import { bytesSource } from '../../../lib/data/bytes-source';
import type { ByteSource } from '../../../lib/data/reader-types';
import { readParquet } from '../../../lib/data/read-parquet';
import { toArrowTable } from '../../../lib/data/to-arrow';
import { DataError } from '../../../lib/errors';

const FIXTURE = 'tests/fixtures/formats/types.parquet';
const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet';

/** A source over bytes in chunks of `size`, to cross chunk boundaries anywhere. */
function chunked(bytes: Uint8Array, name: string, size: number): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
}

/** Each column as JS values through the real pipeline (builders → typed Arrow table). */
function columnsOf(csv: Awaited<ReturnType<typeof readParquet>>) {
  const { table } = toArrowTable(csv);
  return { columns: csv.names.map((n) => [...table.getChild(n)!].map((v) => (v === null ? null : typeof v === 'number' ? v : String(v)))) };
}

async function dataError(run: () => Promise<unknown>): Promise<DataError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('readParquet', () => {
  it('maps every Parquet type, with nulls, across 3 row groups', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const csv = await readParquet(chunked(bytes, 'types.parquet', 100));
    expect(csv.rows).toBe(7);
    expect(csv.delimiter).toBe('');
    expect(csv.names).toEqual(['id', 'count', 'score', 'flag', 'city', 'day', 'ts']);
    // Numbers go to numeric builders; booleans, text and dates to string builders.
    expect(csv.builders.map((b) => b.kind)).toEqual(['numeric', 'numeric', 'numeric', 'string', 'string', 'string', 'string']);
    const { columns } = columnsOf(csv);
    expect(columns).toEqual([
      [1, 2, 3, 4, 5, 6, 7],
      [10, null, 9007199254740992, -4, 0, 5, 6],
      [0.5, 1.25, null, -2, 3.75, 0.001, 100],
      ['true', 'false', null, 'true', 'true', 'false', 'true'],
      ['Oslo', 'Lima', 'Oslo', null, 'Pune', 'Lima', 'Oslo'],
      ['2024-01-01', '2024-02-29', null, '2024-12-31', '1999-07-04', '2024-01-02', '2024-01-03'],
      [
        '2024-01-01T00:30:15.250Z',
        '2024-01-01T01:30:15.250Z',
        '2024-01-01T02:30:15.250Z',
        '2024-01-01T03:30:15.250Z',
        null,
        '2024-01-01T05:30:15.250Z',
        '2024-01-01T06:30:15.250Z',
      ],
    ]);
    expect(csv.warnings).toEqual(['integer beyond 2^53: column "count" has 9007199254740993, stored as 9007199254740992 — values this large lose precision']);
  });

  it("applies the caller's missing tokens to string columns, as readCsv does", async () => {
    const csv = await readParquet(bytesSource(new Uint8Array(readFileSync(FIXTURE)), 't.parquet'), { missingTokens: ['Lima'] });
    expect(columnsOf(csv).columns[4]).toEqual(['Oslo', null, 'Oslo', null, 'Pune', null, 'Oslo']);
  });

  it('passes every byte to onBytes and reports rows per row group', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    let seen = 0;
    const rows: number[] = [];
    await readParquet(chunked(bytes, 'types.parquet', 333), {
      onBytes: (chunk) => (seen += chunk.length),
      onProgress: (p) => rows.push(p.rows),
    });
    expect(seen).toBe(bytes.length);
    expect(rows.filter((r) => r > 0)).toEqual([3, 6, 7]);
  });

  it('rejects empty, non-Parquet and truncated files with a clear DataError', async () => {
    expect((await dataError(() => readParquet(bytesSource(new Uint8Array(0), 'e.parquet')))).code).toBe('empty-file');
    const text = await dataError(() => readParquet(bytesSource(new TextEncoder().encode('a,b\n1,2\n'), 'x.parquet')));
    expect(text.code).toBe('bad-parquet');
    expect(text.message).toMatch(/^not a Parquet file: x\.parquet does not start with PAR1 — /);
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const cut = await dataError(() => readParquet(bytesSource(bytes.subarray(0, bytes.length - 40), 'cut.parquet')));
    expect(cut.code).toBe('bad-parquet');
    expect(cut.message).toMatch(/^invalid Parquet: cut\.parquet/);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await dataError(() => readParquet(bytesSource(new Uint8Array(readFileSync(FIXTURE)), 't.parquet'), { signal: controller.signal }));
    expect(error.code).toBe('aborted');
  });

  it('reads flights-3m.parquet (3M rows, 11 ZSTD row groups), matching hyparquet row reads', async () => {
    const csv = await readParquet(await localFileSource(FLIGHTS));
    expect(csv.rows).toBe(3_000_000);
    expect(csv.names).toEqual(['date', 'delay', 'distance', 'origin', 'destination']);
    expect(csv.warnings).toEqual([]);
    expect(csv.builders.map((b) => b.kind)).toEqual(['string', 'numeric', 'numeric', 'string', 'string']);
    const { table, schema } = toArrowTable(csv);
    expect(schema[0]!.type).toBe('datetime');
    const rowAt = (i: number) => {
      const row = table.get(i)!.toJSON() as Record<string, unknown>;
      return [row.date, row.delay, row.distance, row.origin, row.destination];
    };
    expect(rowAt(0)).toEqual(['2001-01-01T00:01:00.000Z', 33, 2176, 'LAS', 'PHL']);
    // First, last, and both sides of the first and last row-group boundaries, read independently.
    const file = new Uint8Array(readFileSync(FLIGHTS)).buffer;
    for (const i of [0, 272_726, 272_727, 2_727_269, 2_727_270, 2_999_999]) {
      const [expected] = await parquetReadObjects({ file, compressors, rowStart: i, rowEnd: i + 1 });
      expect(rowAt(i), `row ${i}`).toEqual([
        (expected!.date as Date).toISOString(),
        Number(expected!.delay),
        Number(expected!.distance),
        expected!.origin,
        expected!.destination,
      ]);
    }
  }, 60_000);
});
