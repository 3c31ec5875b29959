import { Data, Dictionary, Field, Float64, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeData, vectorFromArray } from 'apache-arrow';
// Linear Schema.assign and Table.getChild: `new RecordBatch` below is O(columns²) without it.
import './arrow-linear';
import { DataError } from '../errors';
import type { ColumnSchema, ColumnType } from './types';
import { decideColumnType, parseBoolean } from './infer-type';
import { parseNonFinite } from './missing';
import { parseNumber } from './parse-number';
import type { ReadColumns } from './reader-types';

/** Field metadata key holding Driftbook's column type, so a table read back from IPC keeps it. */
export const TYPE_METADATA_KEY = 'driftbook:type';

/** Packs validity flags into Arrow's LSB-first bitmap. */
export function packBitmap(valid: Uint8Array): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(valid.length / 8));
  for (let i = 0; i < valid.length; i++) if (valid[i]) bitmap[i >> 3]! |= 1 << (i & 7);
  return bitmap;
}

export function numericData(values: Float64Array, valid: Uint8Array, nullCount: number): Data<Float64> {
  // Missing numbers are stored as NaN *and* marked null, so readers can scan the values buffer directly.
  const nullBitmap = nullCount > 0 ? packBitmap(valid) : undefined;
  return makeData({ type: new Float64(), length: values.length, nullCount, data: values, nullBitmap });
}

// Categories (and date strings) are dictionary-encoded: one Int32 index per row, each distinct string stored once.
export function dictionaryData(
  strings: { indices: Int32Array; valid: Uint8Array; dictionary: string[] },
  nullCount: number,
  dictionaryId: number,
): Data<Dictionary<Utf8, Int32>> {
  // Each dictionary column needs its own id in an IPC stream.
  const type = new Dictionary(new Utf8(), new Int32(), dictionaryId);
  return makeData({
    type,
    length: strings.indices.length,
    nullCount,
    data: strings.indices,
    nullBitmap: nullCount > 0 ? packBitmap(strings.valid) : undefined,
    dictionary: vectorFromArray(strings.dictionary, new Utf8()),
  });
}

/** Boolean tokens (yes/no, t/f, True…) as the two categories "false" and "true", as pandas reads them. */
function canonicalBooleans(strings: { indices: Int32Array; valid: Uint8Array; dictionary: string[] }) {
  const remap = strings.dictionary.map((value) => (parseBoolean(value) ? 1 : 0));
  const indices = strings.indices.map((index, row) => (strings.valid[row] ? remap[index]! : 0));
  return { indices, valid: strings.valid, dictionary: ['false', 'true'] };
}

/** A string column read as numbers (a user's type override): every value must parse. */
function stringsAsNumbers(name: string, strings: { indices: Int32Array; valid: Uint8Array; dictionary: string[] }) {
  const parsed = strings.dictionary.map((value) => {
    const number = parseNumber(value) ?? parseNonFinite(value);
    if (number === undefined) {
      throw new DataError('type-override', `cannot read column "${name}" as numeric: "${value}" is not a number — pick another type for it`);
    }
    return number;
  });
  const values = Float64Array.from(strings.indices, (index, row) => (strings.valid[row] ? parsed[index]! : NaN));
  return values;
}

/** Builds one Arrow table (a single record batch) from typed column builders; `types` overrides inferred types by column name. */
export function toArrowTable(csv: ReadColumns, types: Readonly<Record<string, ColumnType>> = {}): { table: Table; schema: ColumnSchema[] } {
  const schema: ColumnSchema[] = csv.names.map((name, c) => ({ name, type: types[name] ?? decideColumnType(csv.builders[c]!.evidence()) }));
  const children = schema.map((col, c): Data => {
    const builder = csv.builders[c]!;
    if (builder.kind === 'numeric') {
      const { values, valid } = builder.finishNumbers();
      // Numbers stay Float64 whatever the type (integer categories are profiled by value).
      if (builder.length > builder.nullCount || col.type === 'numeric') return numericData(values, valid, builder.nullCount);
      return dictionaryData({ indices: new Int32Array(csv.rows), valid: new Uint8Array(csv.rows), dictionary: [] }, csv.rows, c);
    }
    const strings = builder.finishStrings();
    if (col.type === 'numeric') return numericData(stringsAsNumbers(col.name, strings), strings.valid, builder.nullCount);
    return dictionaryData(col.type === 'boolean' ? canonicalBooleans(strings) : strings, builder.nullCount, c);
  });
  const fields = schema.map((col, c) => new Field(col.name, children[c]!.type, true, new Map([[TYPE_METADATA_KEY, col.type]])));
  const arrowSchema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length: csv.rows, nullCount: 0, children });
  const batch = new RecordBatch(arrowSchema, struct);
  return { table: new Table(arrowSchema, [batch]), schema };
}
