import {
  Data,
  Dictionary,
  Field,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  vectorFromArray,
} from 'apache-arrow';
import type { ColumnSchema, ColumnType } from './types';
import type { ColumnBuilder } from './column-builder';
import type { CsvColumns } from './read-csv';

/** Field metadata key holding Driftbook's column type, so a table read back from IPC keeps it. */
export const TYPE_METADATA_KEY = 'driftbook:type';

/** Packs validity flags into Arrow's LSB-first bitmap. */
function packBitmap(valid: Uint8Array): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(valid.length / 8));
  for (let i = 0; i < valid.length; i++) if (valid[i]) bitmap[i >> 3]! |= 1 << (i & 7);
  return bitmap;
}

function numericData(builder: ColumnBuilder): Data<Float64> {
  // Missing numbers are stored as NaN *and* marked null, so readers can scan the values buffer directly.
  const { values, valid } = builder.finishNumbers();
  const nullCount = builder.nullCount;
  const nullBitmap = nullCount > 0 ? packBitmap(valid) : undefined;
  return makeData({ type: new Float64(), length: values.length, nullCount, data: values, nullBitmap });
}

// Categories (and date strings) are dictionary-encoded: one Int32 index per row, each distinct string stored once.
function dictionaryData(builder: ColumnBuilder, dictionaryId: number, length: number): Data<Dictionary<Utf8, Int32>> {
  const { indices, valid, dictionary } = builder.kind === 'string' ? builder.finishStrings() : emptyStrings(length);
  const nullCount = builder.kind === 'string' ? builder.nullCount : length;
  // Each dictionary column needs its own id in an IPC stream.
  const type = new Dictionary(new Utf8(), new Int32(), dictionaryId);
  return makeData({
    type,
    length,
    nullCount,
    data: indices,
    nullBitmap: nullCount > 0 ? packBitmap(valid) : undefined,
    dictionary: vectorFromArray(dictionary, new Utf8()),
  });
}

function emptyStrings(length: number) {
  return { indices: new Int32Array(length), valid: new Uint8Array(length), dictionary: [] as string[] };
}

/** A column's type from what its builder saw: numbers, ISO dates, or other strings (all-missing: categorical). */
function columnType(builder: ColumnBuilder): ColumnType {
  if (builder.kind === 'numeric') return builder.length > builder.nullCount ? 'numeric' : 'categorical';
  return builder.allDates && builder.dictionary.length > 0 ? 'datetime' : 'categorical';
}

/** Builds one Arrow table (a single record batch) from typed column builders. */
export function toArrowTable(csv: CsvColumns): { table: Table; schema: ColumnSchema[] } {
  const schema: ColumnSchema[] = csv.names.map((name, c) => ({ name, type: columnType(csv.builders[c]!) }));
  const children = schema.map((col, c) =>
    col.type === 'numeric' ? numericData(csv.builders[c]!) : dictionaryData(csv.builders[c]!, c, csv.rows),
  );
  const fields = schema.map(
    (col, c) => new Field(col.name, children[c]!.type, true, new Map([[TYPE_METADATA_KEY, col.type]])),
  );
  const arrowSchema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length: csv.rows, nullCount: 0, children });
  const batch = new RecordBatch(arrowSchema, struct);
  return { table: new Table(arrowSchema, [batch]), schema };
}
