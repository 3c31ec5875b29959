import { parquetMetadata, parquetRead, parquetSchema, type ColumnData, type FileMetaData, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DataError } from '../errors';
import { ColumnBuilder } from './column-builder';
import { missingTokens } from './missing';
import { normalizeHeader } from './normalize-header';
import type { ByteSource, ReadColumns, ReadOptions } from './reader-types';

/** What the binary readers take: the CSV reader's progress, hashing and cancel hooks. */
export type ReadParquetOptions = Pick<ReadOptions, 'missingTokens' | 'onProgress' | 'onBytes' | 'signal'>;

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DataError('aborted', 'cancelled');
}

/**
 * The whole source in one ArrayBuffer. Parquet keeps its schema in a footer and reads column
 * chunks at offsets, so it needs random access; a ByteSource only streams. Holding the file once
 * in memory is acceptable for now (a File could later be wrapped with slice() instead).
 */
export async function collectBytes(source: ByteSource, options: ReadParquetOptions = {}): Promise<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of source.open()) {
    checkAborted(options.signal);
    options.onBytes?.(chunk);
    chunks.push(chunk);
    bytes += chunk.length;
    options.onProgress?.({ phase: 'read', bytes, totalBytes: source.size, rows: 0 });
  }
  const all = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all.buffer;
}

const NUMERIC_PHYSICAL = new Set(['INT32', 'INT64', 'FLOAT', 'DOUBLE']);
const TEMPORAL = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS']);

/** Numbers go to a numeric builder; text, booleans, dates and nested values to a string builder. */
function isNumericColumn(element: SchemaElement, leaf: boolean): boolean {
  if (!leaf) return false;
  if (element.converted_type === 'DECIMAL' || element.logical_type?.type === 'DECIMAL') return true;
  if (!element.type || !NUMERIC_PHYSICAL.has(element.type)) return false;
  return !TEMPORAL.has(element.converted_type ?? '') && !TEMPORAL.has(element.logical_type?.type ?? '');
}

function isDateColumn(element: SchemaElement): boolean {
  return element.converted_type === 'DATE' || element.logical_type?.type === 'DATE';
}

// JSON.stringify throws on BigInt: write it as a number (exact as text).
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const bigintSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/** Pushes decoded Parquet values into one builder, noting lossy conversions once per column. */
class ColumnSink {
  private lastMs = NaN;
  private lastIso = '';
  private warnedBig = false;
  private warnedNested = false;
  constructor(
    readonly builder: ColumnBuilder,
    private readonly name: string,
    private readonly dateOnly: boolean,
    private readonly warnings: string[],
  ) {}

  push(value: unknown): void {
    switch (typeof value) {
      case 'number':
        this.builder.pushNumber(value);
        return;
      case 'bigint':
        if (!this.warnedBig && (value > MAX_EXACT || value < -MAX_EXACT)) {
          this.warnedBig = true;
          this.warnings.push(`integer beyond 2^53: column "${this.name}" has ${value}, stored as ${Number(value)} — values this large lose precision`);
        }
        this.builder.pushNumber(Number(value));
        return;
      case 'boolean':
        this.builder.push(value ? 'true' : 'false');
        return;
      case 'string':
        this.builder.push(value);
        return;
    }
    if (value === null || value === undefined) this.builder.pushMissing();
    else if (value instanceof Date) this.builder.push(this.iso(value));
    else {
      if (!this.warnedNested) {
        this.warnedNested = true;
        this.warnings.push(`nested values: column "${this.name}" holds lists, structs or binary data, stored as JSON text`);
      }
      this.builder.push(JSON.stringify(value, bigintSafe));
    }
  }

  // Timestamps repeat a lot in real files (flights: one per minute): reuse the last string.
  private iso(date: Date): string {
    const ms = date.getTime();
    if (ms === this.lastMs) return this.lastIso;
    if (Number.isNaN(ms)) return '';
    this.lastMs = ms;
    this.lastIso = this.dateOnly ? date.toISOString().slice(0, 10) : date.toISOString();
    return this.lastIso;
  }
}

function readMetadata(buffer: ArrayBuffer, name: string): FileMetaData {
  const head = new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength));
  if (String.fromCharCode(...head) !== 'PAR1') {
    throw new DataError('bad-parquet', `not a Parquet file: ${name} does not start with PAR1 — export it as Parquet again, or give it its real extension`);
  }
  try {
    return parquetMetadata(buffer);
  } catch (error) {
    throw new DataError('bad-parquet', `invalid Parquet: ${name} — ${(error as Error).message}; the file may be truncated or corrupt`);
  }
}

/**
 * Reads a Parquet file (any codec, via hyparquet-compressors) into typed column builders, one row
 * group at a time with hyparquet's columnar `onChunk` callback: no row objects are created.
 */
export async function readParquet(source: ByteSource, options: ReadParquetOptions = {}): Promise<ReadColumns> {
  const { name } = source;
  const buffer = await collectBytes(source, options);
  if (buffer.byteLength === 0) {
    throw new DataError('empty-file', `empty file: ${name} is 0 bytes — choose a Parquet file with rows`);
  }
  const metadata = readMetadata(buffer, name);
  const warnings: string[] = [];
  const columns = parquetSchema(metadata).children;
  const rawNames = columns.map((column) => column.element.name);
  const names = normalizeHeader(rawNames, warnings);
  const missing = missingTokens(options.missingTokens);
  const sinks = columns.map((column, c) => {
    const leaf = column.children.length === 0;
    const builder = isNumericColumn(column.element, leaf) ? new ColumnBuilder(missing) : ColumnBuilder.strings(missing);
    return new ColumnSink(builder, names[c]!, leaf && isDateColumn(column.element), warnings);
  });
  const indexOf = new Map(rawNames.map((raw, c) => [raw, c]));
  const totalRows = Number(metadata.num_rows);
  if (totalRows === 0) throw new DataError('no-rows', `no rows: ${name} has columns but no rows — export the data rows too`);

  let rowStart = 0;
  for (const group of metadata.row_groups) {
    checkAborted(options.signal);
    const rowEnd = rowStart + Number(group.num_rows);
    const chunks: ColumnData[][] = columns.map(() => []);
    try {
      await parquetRead({
        file: buffer,
        metadata,
        compressors,
        rowStart,
        rowEnd,
        onChunk: (chunk) => chunks[indexOf.get(chunk.columnName) ?? -1]?.push(chunk),
      });
    } catch (error) {
      throw new DataError('bad-parquet', `invalid Parquet: ${name}, rows ${rowStart}–${rowEnd} — ${(error as Error).message}`);
    }
    // Chunks may extend past the requested range: take only [rowStart, rowEnd), in row order.
    chunks.forEach((list, c) => {
      const sink = sinks[c]!;
      list.sort((a, b) => a.rowStart - b.rowStart);
      for (const { columnData, rowStart: first, rowEnd: last } of list) {
        const from = Math.max(rowStart, first, sink.builder.length);
        const to = Math.min(rowEnd, last);
        for (let row = from; row < to; row++) sink.push(columnData[row - first]);
      }
      if (sink.builder.length !== rowEnd) {
        throw new DataError('bad-parquet', `invalid Parquet: ${name} column "${names[c]}" has ${sink.builder.length} values for ${rowEnd} rows`);
      }
    });
    rowStart = rowEnd;
    options.onProgress?.({ phase: 'read', bytes: buffer.byteLength, totalBytes: source.size, rows: rowStart });
  }
  return { names, builders: sinks.map((sink) => sink.builder), rows: rowStart, delimiter: '', warnings };
}
