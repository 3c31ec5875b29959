import { DataType, Precision, RecordBatchReader, type RecordBatch, type Vector } from 'apache-arrow';
import { DataError } from '../errors';
import { ColumnBuilder } from './column-builder';
import { missingTokens } from './missing';
import { normalizeHeader } from './normalize-header';
import type { ByteSource, ReadColumns, ReadOptions } from './reader-types';

export type ReadArrowOptions = Pick<ReadOptions, 'missingTokens' | 'onProgress' | 'onBytes' | 'signal'>;

const DAY_MS = 86_400_000;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

// JSON.stringify throws on BigInt: write it as text.
const bigintSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

type Kind = 'number' | 'bigint' | 'date' | 'timestamp' | 'boolean' | 'text' | 'other';

/** How a column's values map to cells, from its Arrow type (dictionaries by their value type). */
function kindOf(type: DataType): Kind {
  const value = DataType.isDictionary(type) ? type.dictionary : type;
  if (DataType.isInt(value)) return value.bitWidth === 64 ? 'bigint' : 'number';
  if (DataType.isFloat(value)) return 'number';
  if (DataType.isBool(value)) return 'boolean';
  if (DataType.isUtf8(value) || DataType.isLargeUtf8(value)) return 'text';
  if (DataType.isDate(value)) return 'date';
  if (DataType.isTimestamp(value)) return 'timestamp';
  return 'other';
}

/** Pushes one column of each record batch into its builder, noting lossy conversions once. */
class ColumnSink {
  readonly builder: ColumnBuilder;
  private warnedBig = false;
  private warnedOther = false;
  constructor(
    private readonly kind: Kind,
    private readonly name: string,
    private readonly warnings: string[],
    missing: ReadonlySet<string>,
  ) {
    this.builder = kind === 'number' || kind === 'bigint' ? new ColumnBuilder(missing) : ColumnBuilder.strings(missing);
  }

  pushVector(vector: Vector): void {
    const { builder, kind } = this;
    const n = vector.length;
    // Plain ints and floats without nulls: read the typed values buffer directly (half floats
    // are stored as raw Uint16 bits, so they go through get()).
    const type = vector.type as DataType;
    if (kind === 'number' && vector.nullCount === 0 && (DataType.isInt(type) || (DataType.isFloat(type) && type.precision !== Precision.HALF))) {
      const values = vector.toArray() as ArrayLike<number>;
      for (let i = 0; i < n; i++) builder.pushNumber(values[i]);
      return;
    }
    for (let i = 0; i < n; i++) this.push(vector.get(i));
  }

  private push(value: unknown): void {
    const { builder } = this;
    if (value === null || value === undefined) return builder.pushMissing();
    switch (this.kind) {
      case 'number':
        return builder.pushNumber(value as number);
      case 'bigint':
        return builder.pushNumber(this.toNumber(value as bigint));
      case 'boolean':
        return builder.push(value ? 'true' : 'false');
      case 'text':
        return builder.push(value as string);
      case 'date':
      case 'timestamp':
        return builder.push(isoOf(value as number | Date, this.kind === 'date'));
      default:
        if (!this.warnedOther) {
          this.warnedOther = true;
          this.warnings.push(`nested values: column "${this.name}" holds lists, structs or binary data, stored as JSON text`);
        }
        return builder.push(typeof value === 'string' ? value : JSON.stringify(value, bigintSafe));
    }
  }

  private toNumber(value: bigint): number {
    if (!this.warnedBig && (value > MAX_EXACT || value < -MAX_EXACT)) {
      this.warnedBig = true;
      this.warnings.push(`integer beyond 2^53: column "${this.name}" has ${value}, stored as ${Number(value)} — values this large lose precision`);
    }
    return Number(value);
  }
}

// apache-arrow returns dates and timestamps as epoch milliseconds. A date at midnight is a day.
function isoOf(value: number | Date, dateType: boolean): string {
  const ms = typeof value === 'number' ? value : value.getTime();
  const iso = new Date(ms).toISOString();
  return dateType && ms % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/** The source's chunks, passed to the hash and progress hooks on the way. */
async function* tapped(source: ByteSource, options: ReadArrowOptions, state: { bytes: number; rows: number }) {
  for await (const chunk of source.open()) {
    if (options.signal?.aborted) throw new DataError('aborted', 'cancelled');
    options.onBytes?.(chunk);
    state.bytes += chunk.length;
    options.onProgress?.({ phase: 'read', bytes: state.bytes, totalBytes: source.size, rows: state.rows });
    yield chunk;
  }
}

function arrowError(name: string, error: unknown): DataError {
  if (error instanceof DataError) return error;
  const detail = String((error as Error).message ?? error).replace(/\.$/, '');
  return new DataError('bad-arrow', `invalid Arrow IPC: ${name} — ${detail}; export it again as an Arrow IPC (Feather v2) file or stream`);
}

/**
 * Reads an Arrow IPC file (ARROW1, also Feather v2) or stream into typed column builders, one
 * record batch at a time. A stream is decoded as its bytes arrive; apache-arrow collects a file
 * first, because its footer says where the batches are.
 */
export async function readArrow(source: ByteSource, options: ReadArrowOptions = {}): Promise<ReadColumns> {
  const { name } = source;
  const warnings: string[] = [];
  let names: string[] = [];
  let sinks: ColumnSink[] | undefined;
  const state = { bytes: 0, rows: 0 };
  const missing = missingTokens(options.missingTokens);
  try {
    const reader = await RecordBatchReader.from(tapped(source, options, state));
    for await (const batch of reader as AsyncIterable<RecordBatch>) {
      if (!sinks) {
        names = normalizeHeader(
          batch.schema.fields.map((f) => f.name),
          warnings,
        );
        sinks = batch.schema.fields.map((f, c) => new ColumnSink(kindOf(f.type), names[c]!, warnings, missing));
      }
      sinks.forEach((sink, c) => sink.pushVector(batch.getChildAt(c)!));
      state.rows += batch.numRows;
    }
  } catch (error) {
    throw arrowError(name, error);
  }
  if (state.bytes === 0) throw new DataError('empty-file', `empty file: ${name} is 0 bytes — choose an Arrow IPC file with rows`);
  if (!sinks || state.rows === 0) {
    throw new DataError('no-rows', `no rows: ${name} has no record batches with rows — export the data rows too`);
  }
  const rows = state.rows;
  return { names, builders: sinks.map((sink) => sink.builder), rows, delimiter: '', warnings };
}
