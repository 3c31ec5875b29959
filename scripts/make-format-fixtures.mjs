// Writes the small, deterministic fixtures for the Parquet, Arrow IPC and JSONL readers
// (tests/unit/data/read-*.test.ts). Run: node scripts/make-format-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer, schemaFromColumnData } from 'hyparquet-writer';
import { Bool, DateMillisecond, Dictionary, Float64, Int32, Int64, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';

const OUT = join(import.meta.dirname, '..', 'tests', 'fixtures', 'formats');
mkdirSync(OUT, { recursive: true });

const day = (iso) => new Date(`${iso}T00:00:00Z`);

// Parquet: every type the reader maps, a null in each column, one int64 beyond 2^53, and
// row groups of 3 rows so the reader's row-group loop is exercised (7 rows → 3 groups).
const parquetColumns = [
  { name: 'id', data: [1, 2, 3, 4, 5, 6, 7], type: 'INT32', nullable: false },
  { name: 'count', data: [10n, null, 9007199254740993n, -4n, 0n, 5n, 6n], type: 'INT64' },
  { name: 'score', data: [0.5, 1.25, null, -2, 3.75, 1e-3, 100], type: 'DOUBLE' },
  { name: 'flag', data: [true, false, null, true, true, false, true], type: 'BOOLEAN' },
  { name: 'city', data: ['Oslo', 'Lima', 'Oslo', null, 'Pune', 'Lima', 'Oslo'], type: 'STRING' },
  {
    name: 'day',
    data: ['2024-01-01', '2024-02-29', null, '2024-12-31', '1999-07-04', '2024-01-02', '2024-01-03'].map((d) => (d === null ? null : day(d))),
  },
  {
    name: 'ts',
    data: [0, 1, 2, 3, null, 5, 6].map((h) => (h === null ? null : new Date(Date.UTC(2024, 0, 1, h, 30, 15, 250)))),
    type: 'TIMESTAMP',
  },
];
const parquet = parquetWriteBuffer({
  // The writer takes either per-column types or a schema: types go into the schema here.
  columnData: parquetColumns.map(({ name, data }) => ({ name, data })),
  // A true DATE (INT32 days) column; the writer would otherwise store Dates as timestamps.
  schema: schemaFromColumnData({
    columnData: parquetColumns,
    schemaOverrides: { day: { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' } },
  }),
  rowGroupSize: 3,
});
writeFileSync(join(OUT, 'types.parquet'), new Uint8Array(parquet));

// Arrow: two record batches (slices sharing one dictionary — the file format forbids replacing
// it), a dictionary column and nulls in every column.
const whole = new Table({
  id: vectorFromArray([1, 2, 3, 4, 5, 6], new Int32()),
  big: vectorFromArray([0n, null, 9007199254740993n, -30n, 40n, null], new Int64()),
  score: vectorFromArray([0.25, null, 0.5, 3.5, -1, 2], new Float64()),
  flag: vectorFromArray([true, null, false, false, true, true], new Bool()),
  color: vectorFromArray(['red', null, 'red', 'blue', 'green', null], new Dictionary(new Utf8(), new Int32())),
  day: vectorFromArray([day('2024-03-01'), null, day('2020-02-29'), day('1969-12-31'), day('2024-03-02'), null], new DateMillisecond()),
  ts: vectorFromArray(
    [Date.UTC(2024, 4, 5, 6, 7, 8, 9), 0, null, Date.UTC(2001, 0, 1), null, Date.UTC(2030, 11, 31, 23, 59, 59)].map((t) => (t === null ? null : new Date(t))),
    new TimestampMillisecond(),
  ),
});
const arrow = new Table([...whole.slice(0, 3).batches, ...whole.slice(3).batches]);
writeFileSync(join(OUT, 'types.arrow'), tableToIPC(arrow, 'file'));
writeFileSync(join(OUT, 'types.arrows'), tableToIPC(arrow, 'stream'));

// JSON Lines.
const lines = (rows) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
writeFileSync(
  join(OUT, 'valid.jsonl'),
  lines([
    { id: 1, name: 'Ada', score: 0.5, ok: true, note: null },
    '',
    { id: 2, name: 'Bo', score: -1.25, ok: false, note: 'late' },
    { id: 3, name: 'Cy', score: 1e3, ok: true, note: 'ok' },
  ]),
);
writeFileSync(join(OUT, 'bad-line-3.jsonl'), lines([{ a: 1 }, { a: 2 }, '{"a": 3,', { a: 4 }]));
writeFileSync(join(OUT, 'late-keys.jsonl'), lines([{ a: 1 }, { a: 2 }, { a: 3, b: 'x' }, { c: 7.5, a: 4 }, { b: 'y' }]));
writeFileSync(
  join(OUT, 'nested.jsonl'),
  lines([
    { id: 1, tags: ['a', 'b'], meta: { k: 1 } },
    { id: 2, tags: [], meta: null },
    { id: 3, tags: ['c'], meta: { k: 2, deep: { x: [1, 2] } } },
  ]),
);
console.log(`wrote format fixtures to ${OUT}`);
