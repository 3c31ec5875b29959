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
import { isMissing } from './missing';
import { inferColumnType } from './infer-type';
import { parseNumber } from './parse-number';
import type { CsvColumns } from './read-csv';

/** Field metadata key holding Driftbook's column type, so a table read back from IPC keeps it. */
export const TYPE_METADATA_KEY = 'driftbook:type';

/** Packs validity flags into Arrow's LSB-first bitmap. */
function packBitmap(valid: Uint8Array): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(valid.length / 8));
  for (let i = 0; i < valid.length; i++) if (valid[i]) bitmap[i >> 3]! |= 1 << (i & 7);
  return bitmap;
}

// Missing numbers are stored as NaN *and* marked null, so readers can scan the values buffer directly.
function numericData(values: readonly string[]): Data<Float64> {
  const n = values.length;
  const data = new Float64Array(n);
  const valid = new Uint8Array(n);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const raw = values[i]!;
    const parsed = isMissing(raw) ? undefined : parseNumber(raw);
    if (parsed === undefined) {
      data[i] = NaN;
      nullCount++;
    } else {
      data[i] = parsed;
      valid[i] = 1;
    }
  }
  const nullBitmap = nullCount > 0 ? packBitmap(valid) : undefined;
  return makeData({ type: new Float64(), length: n, nullCount, data, nullBitmap });
}

// Categories are dictionary-encoded: one Int32 index per row, each distinct string stored once.
function categoricalData(values: readonly string[], dictionaryId: number): Data<Dictionary<Utf8, Int32>> {
  const n = values.length;
  const indices = new Int32Array(n);
  const valid = new Uint8Array(n);
  const lookup = new Map<string, number>();
  const dictionary: string[] = [];
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const raw = values[i]!;
    if (isMissing(raw)) {
      nullCount++;
      continue;
    }
    const value = raw.trim();
    let index = lookup.get(value);
    if (index === undefined) {
      index = dictionary.length;
      lookup.set(value, index);
      dictionary.push(value);
    }
    indices[i] = index;
    valid[i] = 1;
  }
  // Each dictionary column needs its own id in an IPC stream.
  const type = new Dictionary(new Utf8(), new Int32(), dictionaryId);
  const nullBitmap = nullCount > 0 ? packBitmap(valid) : undefined;
  return makeData({
    type,
    length: n,
    nullCount,
    data: indices,
    nullBitmap,
    dictionary: vectorFromArray(dictionary, new Utf8()),
  });
}

function textData(values: readonly string[]): Data<Utf8> {
  const vector = vectorFromArray(
    values.map((raw) => (isMissing(raw) ? null : raw.trim())),
    new Utf8(),
  );
  return vector.data[0]!;
}

function columnData(type: ColumnType, values: readonly string[], index: number): Data {
  if (type === 'numeric') return numericData(values);
  if (type === 'categorical') return categoricalData(values, index);
  return textData(values);
}

/** Types each raw column and builds one Arrow table (single record batch) from it. */
export function toArrowTable(csv: CsvColumns): { table: Table; schema: ColumnSchema[] } {
  const schema: ColumnSchema[] = csv.names.map((name, c) => ({ name, type: inferColumnType(csv.columns[c]!) }));
  const children = schema.map((col, c) => columnData(col.type, csv.columns[c]!, c));
  const fields = schema.map(
    (col, c) => new Field(col.name, children[c]!.type, true, new Map([[TYPE_METADATA_KEY, col.type]])),
  );
  const arrowSchema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length: csv.rows, nullCount: 0, children });
  const batch = new RecordBatch(arrowSchema, struct);
  return { table: new Table(arrowSchema, [batch]), schema };
}
