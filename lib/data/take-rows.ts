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

/** Chunk-local position of each kept row; `rows` ascends, so every chunk's rows are one run. */
function eachRow(chunks: readonly Data[], rows: Uint32Array, visit: (chunk: Data, local: number, out: number) => void): void {
  let start = 0;
  let out = 0;
  for (const chunk of chunks) {
    const end = start + chunk.length;
    for (; out < rows.length && rows[out]! < end; out++) visit(chunk, rows[out]! - start, out);
    start = end;
  }
}

/** Whether a chunk-local row is valid (set in the null bitmap, or the chunk has no nulls). */
export function isValidAt(chunk: Data, local: number): boolean {
  if (chunk.nullCount === 0 || !chunk.nullBitmap || chunk.nullBitmap.length === 0) return true;
  const bit = chunk.offset + local;
  return (chunk.nullBitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

class Validity {
  readonly bitmap: Uint8Array;
  nullCount = 0;
  constructor(length: number) {
    this.bitmap = new Uint8Array(Math.ceil(length / 8));
  }
  set(out: number, valid: boolean): void {
    if (valid) this.bitmap[out >> 3]! |= 1 << (out & 7);
    else this.nullCount++;
  }
  get buffer(): Uint8Array | undefined {
    return this.nullCount > 0 ? this.bitmap : undefined;
  }
}

function takeFloat64(chunks: readonly Data<Float64>[], rows: Uint32Array): Data<Float64> {
  const values = new Float64Array(rows.length);
  const validity = new Validity(rows.length);
  eachRow(chunks, rows, (chunk, local, out) => {
    values[out] = (chunk.values as Float64Array)[local]!;
    validity.set(out, isValidAt(chunk, local));
  });
  return makeData({ type: chunks[0]!.type, length: rows.length, nullCount: validity.nullCount, data: values, nullBitmap: validity.buffer });
}

function takeDictionary(field: Field<Dictionary>, chunks: readonly Data<Dictionary>[], rows: Uint32Array): Data<Dictionary> {
  const type = field.type;
  const seen = new Map<string, number>();
  const strings: string[] = [];
  if (field.metadata.get(TYPE_METADATA_KEY) === 'boolean') for (const value of ['false', 'true']) seen.set(value, strings.push(value) - 1);
  const indices = new type.indices.ArrayType(rows.length) as Int32Array;
  const validity = new Validity(rows.length);
  // One remap per chunk dictionary: the old index's new index, −1 until first used.
  const remaps = new Map<Data, Int32Array>();
  eachRow(chunks, rows, (chunk, local, out) => {
    const valid = isValidAt(chunk, local);
    validity.set(out, valid);
    if (!valid) return;
    const dictionary = chunk.dictionary!;
    let remap = remaps.get(chunk);
    if (!remap) remaps.set(chunk, (remap = new Int32Array(dictionary.length).fill(-1)));
    const old = (chunk.values as Int32Array)[local]!;
    let index = remap[old]!;
    if (index < 0) {
      const text = String(dictionary.get(old));
      index = seen.get(text) ?? -1;
      if (index < 0) seen.set(text, (index = strings.push(text) - 1));
      remap[old] = index;
    }
    indices[out] = index;
  });
  return makeData({
    type,
    length: rows.length,
    nullCount: validity.nullCount,
    data: indices,
    nullBitmap: validity.buffer,
    dictionary: vectorFromArray(strings, new Utf8()),
  });
}

/** Any other Arrow type (readers emit only Float64 and dictionary strings today): through get and vectorFromArray. */
function takeOther(field: Field, vector: Vector, rows: Uint32Array): Data {
  const values = Array.from(rows, (row) => vector.get(row) as unknown);
  return vectorFromArray(values, field.type).data[0]!;
}

function takeColumn(field: Field, vector: Vector, rows: Uint32Array): Data {
  const type: DataType = field.type;
  const chunks = vector.data;
  if (DataType.isFloat(type) && type.precision === Precision.DOUBLE) return takeFloat64(chunks as Data<Float64>[], rows);
  if (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary)) return takeDictionary(field as Field<Dictionary>, chunks as Data<Dictionary>[], rows);
  return takeOther(field, vector, rows);
}

/** The rows at `rows` (ascending table row numbers) as a new table with `table`'s schema. */
export function takeRows(table: Table, rows: Uint32Array): Table {
  const { schema } = table;
  const children = schema.fields.map((field, c) => takeColumn(field, table.getChildAt(c)!, rows));
  const struct = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, struct)]);
}
