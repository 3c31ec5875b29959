/**
 * A table with columns added (a model's scores beside the rows they score): numbers as Float64 with
 * NaN also marked null, text dictionary-encoded, as lib/data/to-arrow.ts writes ingested columns, so
 * every reader in lib/data reads the new columns as it reads ingested ones. The table's own columns
 * are shared, not copied.
 */
import { Dictionary, Field, RecordBatch, Schema, Struct, Table, makeData, type Data } from 'apache-arrow';
import './arrow-linear';
import { AnalysisError } from '../errors';
import type { ColumnType } from './types';
import { TYPE_METADATA_KEY, dictionaryData, numericData } from './to-arrow';

/** A column to add: numbers (NaN = missing) or text (null = missing). */
export interface NewColumn {
  name: string;
  type: ColumnType;
  values: Float64Array | (string | null)[];
}

function textData(values: (string | null)[], dictionaryId: number): Data {
  const codes = new Map<string, number>();
  const indices = new Int32Array(values.length);
  const valid = new Uint8Array(values.length);
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) {
      nullCount++;
      return;
    }
    let code = codes.get(value);
    if (code === undefined) codes.set(value, (code = codes.size));
    indices[i] = code;
    valid[i] = 1;
  });
  return dictionaryData({ indices, valid, dictionary: [...codes.keys()] }, nullCount, dictionaryId);
}

function numberData(values: Float64Array): Data {
  const valid = new Uint8Array(values.length);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) nullCount++;
    else valid[i] = 1;
  }
  return numericData(values, valid, nullCount);
}

/** The table with `columns` appended (sliced along its record batches); a name already taken is an error. */
export function appendColumns(table: Table, columns: readonly NewColumn[]): Table {
  const taken = new Set(table.schema.fields.map((f) => f.name));
  let nextId = Math.max(-1, ...table.schema.fields.map((f) => (f.type instanceof Dictionary ? f.type.id : -1))) + 1;
  const added: Data[] = [];
  const fields = [...table.schema.fields];
  for (const column of columns) {
    if (taken.has(column.name)) throw new AnalysisError('column-exists', `column "${column.name}" already exists — choose another name for the new column`);
    if (column.values.length !== table.numRows)
      throw new AnalysisError('column-length', `column "${column.name}" has ${column.values.length} values for ${table.numRows} rows`);
    taken.add(column.name);
    const data = column.values instanceof Float64Array ? numberData(column.values) : textData(column.values, nextId++);
    added.push(data);
    fields.push(new Field(column.name, data.type, true, new Map([[TYPE_METADATA_KEY, column.type]])));
  }
  const schema = new Schema(fields, table.schema.metadata);
  let offset = 0;
  const batches = table.batches.map((batch) => {
    const children = [...batch.data.children, ...added.map((data) => data.slice(offset, batch.numRows))];
    offset += batch.numRows;
    return new RecordBatch(schema, makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children }));
  });
  return new Table(schema, batches);
}
