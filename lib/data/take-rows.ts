import {
  DataType,
  Precision,
  RecordBatch,
  Struct,
  Table,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type Dictionary,
  type Field,
  type Float64,
  type Vector,
} from 'apache-arrow';
import { TYPE_METADATA_KEY } from './to-arrow';

/**
 * Copies the chosen rows of an Arrow table into a new one-batch table with the same schema, so a
 * filtered dataset reads exactly as if the file had held only those rows: Float64 columns keep NaN
 * and the null bitmap, dictionary columns are re-encoded in first-appearance order over the kept
 * rows (what ingest would have built; boolean columns keep their canonical ['false', 'true']).
 */

/** The kept rows that fall in one chunk: rows[lo..hi) minus `start` are chunk-local positions. */
interface Run {
  chunk: Data;
  start: number;
  lo: number;
  hi: number;
}

/** `rows` ascends, so each chunk's rows are one run (tight loops per run, no per-row callback). */
function runsOf(chunks: readonly Data[], rows: Uint32Array): Run[] {
  const runs: Run[] = [];
  let start = 0;
  let lo = 0;
  for (const chunk of chunks) {
    const end = start + chunk.length;
    let hi = lo;
    while (hi < rows.length && rows[hi]! < end) hi++;
    if (hi > lo) runs.push({ chunk, start, lo, hi });
    start = end;
    lo = hi;
  }
  return runs;
}

/** Whether a chunk-local row is valid (set in the null bitmap, or the chunk has no nulls). */
export function isValidAt(chunk: Data, local: number): boolean {
  if (chunk.nullCount === 0 || !chunk.nullBitmap || chunk.nullBitmap.length === 0) return true;
  const bit = chunk.offset + local;
  return (chunk.nullBitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** The kept rows' validity bitmap, or undefined when none is missing. */
function takeValidity(runs: readonly Run[], rows: Uint32Array): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  if (runs.every(({ chunk }) => chunk.nullCount === 0)) return { nullBitmap: undefined, nullCount: 0 };
  const bitmap = new Uint8Array(Math.ceil(rows.length / 8));
  let nullCount = 0;
  for (const { chunk, start, lo, hi } of runs) {
    for (let out = lo; out < hi; out++) {
      if (isValidAt(chunk, rows[out]! - start)) bitmap[out >> 3]! |= 1 << (out & 7);
      else nullCount++;
    }
  }
  return { nullBitmap: nullCount > 0 ? bitmap : undefined, nullCount };
}

function takeFloat64(type: Float64, runs: readonly Run[], rows: Uint32Array): Data<Float64> {
  const values = new Float64Array(rows.length);
  for (const { chunk, start, lo, hi } of runs) {
    const source = chunk.values as Float64Array;
    for (let out = lo; out < hi; out++) values[out] = source[rows[out]! - start]!;
  }
  return makeData({ type, length: rows.length, data: values, ...takeValidity(runs, rows) });
}

function takeDictionary(field: Field<Dictionary>, runs: readonly Run[], rows: Uint32Array): Data<Dictionary> {
  const type = field.type;
  const seen = new Map<string, number>();
  const strings: string[] = [];
  if (field.metadata.get(TYPE_METADATA_KEY) === 'boolean') for (const value of ['false', 'true']) seen.set(value, strings.push(value) - 1);
  const validity = takeValidity(runs, rows);
  const indices = new type.indices.ArrayType(rows.length) as Int32Array;
  for (const { chunk, start, lo, hi } of runs) {
    const dictionary = chunk.dictionary!;
    const source = chunk.values as Int32Array;
    // The old index's new index, −1 until first used: new indices follow first appearance.
    const remap = new Int32Array(dictionary.length).fill(-1);
    const checkValid = chunk.nullCount > 0;
    for (let out = lo; out < hi; out++) {
      const local = rows[out]! - start;
      if (checkValid && !isValidAt(chunk, local)) continue;
      const old = source[local]!;
      let index = remap[old]!;
      if (index < 0) {
        const text = String(dictionary.get(old));
        index = seen.get(text) ?? strings.push(text) - 1;
        seen.set(text, index);
        remap[old] = index;
      }
      indices[out] = index;
    }
  }
  return makeData({ type, length: rows.length, data: indices, ...validity, dictionary: vectorFromArray(strings, new Utf8()) });
}

/** Any other Arrow type (readers emit only Float64 and dictionary strings today): through get and vectorFromArray. */
function takeOther(field: Field, vector: Vector, rows: Uint32Array): Data {
  const values = Array.from(rows, (row) => vector.get(row) as unknown);
  return vectorFromArray(values, field.type).data[0]!;
}

function takeColumn(field: Field, vector: Vector, rows: Uint32Array): Data {
  const type: DataType = field.type;
  const runs = runsOf(vector.data, rows);
  if (DataType.isFloat(type) && type.precision === Precision.DOUBLE) return takeFloat64(type as Float64, runs, rows);
  if (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary)) return takeDictionary(field as Field<Dictionary>, runs, rows);
  return takeOther(field, vector, rows);
}

/** The rows at `rows` (ascending table row numbers) as a new table with `table`'s schema. */
export function takeRows(table: Table, rows: Uint32Array): Table {
  const { schema } = table;
  const children = schema.fields.map((field, c) => takeColumn(field, table.getChildAt(c)!, rows));
  const struct = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, struct)]);
}
