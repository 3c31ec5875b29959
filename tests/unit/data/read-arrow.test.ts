import { readFileSync } from 'node:fs';
import { Float16, Table, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { localFileSource } from '../../../lib/data/read-file';
import { bytesSource } from '../../../lib/data/bytes-source';
import type { ByteSource } from '../../../lib/data/reader-types';
import { readArrow } from '../../../lib/data/read-arrow';
import { toArrowTable } from '../../../lib/data/to-arrow';
import { DataError } from '../../../lib/errors';

const FIXTURES = 'tests/fixtures/formats';
const FLIGHTS = 'node_modules/vega-datasets/data/flights-200k';

/** A source over bytes in chunks of `size`, so batches and messages straddle chunk boundaries. */
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
function columnsOf(csv: Awaited<ReturnType<typeof readArrow>>) {
  const { table } = toArrowTable(csv);
  return csv.names.map((n) => [...table.getChild(n)!].map((v) => (v === null ? null : typeof v === 'number' ? v : String(v))));
}

async function dataError(run: () => Promise<unknown>): Promise<DataError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

const EXPECTED = [
  [1, 2, 3, 4, 5, 6],
  [0, null, 9007199254740992, -30, 40, null],
  [0.25, null, 0.5, 3.5, -1, 2],
  ['true', null, 'false', 'false', 'true', 'true'],
  ['red', null, 'red', 'blue', 'green', null],
  ['2024-03-01', null, '2020-02-29', '1969-12-31', '2024-03-02', null],
  ['2024-05-05T06:07:08.009Z', '1970-01-01T00:00:00.000Z', null, '2001-01-01T00:00:00.000Z', null, '2030-12-31T23:59:59.000Z'],
];

describe('readArrow', () => {
  for (const file of ['types.arrow', 'types.arrows']) {
    it(`maps Arrow types with nulls across two batches (${file})`, async () => {
      const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${file}`));
      const csv = await readArrow(chunked(bytes, file, 37));
      expect(csv.rows).toBe(6);
      expect(csv.delimiter).toBe('');
      expect(csv.names).toEqual(['id', 'big', 'score', 'flag', 'color', 'day', 'ts']);
      expect(csv.builders.map((b) => b.kind)).toEqual(['numeric', 'numeric', 'numeric', 'string', 'string', 'string', 'string']);
      expect(columnsOf(csv)).toEqual(EXPECTED);
      expect(csv.warnings).toEqual(['integer beyond 2^53: column "big" has 9007199254740993, stored as 9007199254740992 — values this large lose precision']);
    });
  }

  it('reads a Feather v2 file (an IPC file under another name) and passes every byte to onBytes', async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/types.arrow`));
    let seen = 0;
    const csv = await readArrow(bytesSource(bytes, 'types.feather'), { onBytes: (chunk) => (seen += chunk.length) });
    expect(seen).toBe(bytes.length);
    expect(columnsOf(csv)).toEqual(EXPECTED);
  });

  it('reads flights-200k.arrow: every row equals flights-200k.json', async () => {
    const csv = await readArrow(await localFileSource(`${FLIGHTS}.arrow`));
    const json = JSON.parse(readFileSync(`${FLIGHTS}.json`, 'utf8')) as { delay: number; distance: number; time: number }[];
    expect(csv.rows).toBe(200_000);
    expect(json.length).toBe(200_000);
    expect(csv.names).toEqual(['delay', 'distance', 'time']);
    const [delay, distance, time] = csv.builders.map((b) => b.finishNumbers());
    let mismatches = 0;
    json.forEach((row, i) => {
      // `time` is Float32 in the Arrow file, a double in the JSON.
      if (delay!.values[i] !== row.delay || distance!.values[i] !== row.distance || time!.values[i] !== Math.fround(row.time)) mismatches++;
    });
    expect(mismatches).toBe(0);
    expect([delay!.values[199_999], distance!.values[199_999], time!.values[199_999]]).toEqual([0, 1452, Math.fround(23.983333333333334)]);
  });

  it('streams an IPC stream batch by batch, whatever the chunk size', async () => {
    const table = tableFromIPC(readFileSync(`${FLIGHTS}.arrow`)).slice(0, 50_000);
    const stream = tableToIPC(table, 'stream');
    const rows: number[] = [];
    const csv = await readArrow(chunked(stream, 'f.arrows', 4093), { onProgress: (p) => rows.push(p.rows) });
    expect(csv.rows).toBe(50_000);
    expect(rows.at(-1)).toBeLessThan(50_000); // progress arrives while batches are still being decoded
    expect(csv.builders[1]!.finishNumbers().values.slice(0, 3)).toEqual(Float64Array.from(table.getChild('distance')!.toArray().slice(0, 3)));
  });

  it('decodes half floats by value, not as their raw bits', async () => {
    const table = new Table({ h: vectorFromArray([0.5, 1.5, -2], new Float16()) });
    const csv = await readArrow(bytesSource(tableToIPC(table, 'stream'), 'h.arrows'));
    expect(Array.from(csv.builders[0]!.finishNumbers().values)).toEqual([0.5, 1.5, -2]);
  });

  it('rejects empty and non-Arrow files with a clear DataError', async () => {
    expect((await dataError(() => readArrow(bytesSource(new Uint8Array(0), 'e.arrow')))).code).toBe('empty-file');
    const text = await dataError(() => readArrow(bytesSource(new TextEncoder().encode('a,b\n1,2\n'), 'x.arrow')));
    expect(text.code).toBe('bad-arrow');
    expect(text.message).toMatch(/^invalid Arrow IPC: x\.arrow — .*; export it again as an Arrow IPC/);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/types.arrows`));
    expect((await dataError(() => readArrow(bytesSource(bytes, 't.arrows'), { signal: controller.signal }))).code).toBe('aborted');
  });
});
