import { createSHA256 } from 'hash-wasm';
import { DataError } from '../errors';
import type { ColumnType, Dataset, DatasetFormat } from './types';
import { detectFormat, FORMAT_HEAD_BYTES } from './detect-format';
import { readArrow } from './read-arrow';
import { readCsv } from './read-csv';
import { bytesSource } from './bytes-source';
import type { ByteSource, ReadOptions, ReadProgress } from './reader-types';
import { readJsonl } from './read-jsonl';
import { readParquet } from './read-parquet';
import { detectPromFile, readPromFile } from './read-prom';
import { checkColumnCount } from './limits';
import { guessRoles } from './roles';
import { toArrowTable } from './to-arrow';
import type { NumberFormat } from './parse-number';

/** An incremental SHA-256: the file's bytes in order, then the hex digest. */
export interface Sha256Hasher {
  update(bytes: Uint8Array): void;
  digest(): string;
}

/** The portable hasher (browsers, workers): WebAssembly, ~250 MB/s. */
async function wasmSha256(): Promise<Sha256Hasher> {
  const hasher = await createSHA256();
  hasher.init();
  return { update: (bytes) => void hasher.update(bytes), digest: () => hasher.digest('hex') };
}

export interface IngestOptions {
  /** A faster SHA-256 where the platform has one (Node's native crypto in the CLI). */
  createHasher?: () => Sha256Hasher;
  /** Stable id for the stored dataset; defaults to a random UUID. */
  id?: string;
  /** Clock for createdAt (tests pin it). */
  now?: () => Date;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** Types chosen by the user, by column name, instead of the inferred ones. */
  columnTypes?: Readonly<Record<string, ColumnType>>;
  /** Extra cell values to read as missing. */
  missingTokens?: readonly string[];
  /** CSV/TSV only: text encoding, and whether to skip rows with the wrong field count. */
  encoding?: 'utf-8' | 'windows-1252';
  skipMalformed?: boolean;
  numberFormat?: NumberFormat;
  dateFormat?: string;
}

/** The first bytes of a source, to check its format against its name. */
async function headBytes(source: ByteSource): Promise<Uint8Array> {
  const head = new Uint8Array(FORMAT_HEAD_BYTES);
  let filled = 0;
  for await (const chunk of source.open()) {
    const take = Math.min(chunk.length, FORMAT_HEAD_BYTES - filled);
    head.set(chunk.subarray(0, take), filled);
    filled += take;
    if (filled === FORMAT_HEAD_BYTES) break;
  }
  return head.subarray(0, filled);
}

function readerFor(format: DatasetFormat) {
  switch (format) {
    case 'parquet':
      return readParquet;
    case 'arrow':
      return readArrow;
    case 'jsonl':
      return readJsonl;
    case 'tsv':
      return (source: ByteSource, options: ReadOptions) => readCsv(source, { ...options, delimiter: '\t' });
    default:
      return readCsv;
  }
}

/**
 * A file (CSV, TSV, Parquet, Arrow IPC/Feather, JSON Lines) → typed Arrow table plus its
 * description: the one ingest path for the worker and the CLI. The SHA-256 is of the original
 * bytes, so `sha256sum file` matches.
 */
export async function ingestSource(source: ByteSource, options: IngestOptions = {}): Promise<Dataset> {
  if (source.size === 0) {
    throw new DataError('empty-file', `empty file: ${source.name} is 0 bytes — choose a CSV with a header line and data rows`);
  }
  const hasher = options.createHasher ? options.createHasher() : await wasmSha256();
  let bytes = 0;
  const head = await headBytes(source);
  // A Prometheus query_range response or a Grafana CSV export: a time column and one column per series.
  const prom = await detectPromFile(source, head);
  // The extension names the format; the magic bytes must agree (a renamed Parquet file is an error).
  // (A query_range response is one JSON object: stored as JSON Lines until the backup schema knows 'prometheus'.)
  const format = prom === 'query-range' ? 'jsonl' : prom === 'grafana-csv' ? 'csv' : detectFormat(source.name, head);
  const readOptions: ReadOptions = {
    onBytes: (chunk) => {
      hasher.update(chunk);
      bytes += chunk.length;
    },
    onProgress: options.onProgress,
    signal: options.signal,
    missingTokens: options.missingTokens,
    encoding: options.encoding,
    skipMalformed: options.skipMalformed,
    numberFormat: options.numberFormat,
    dateFormat: options.dateFormat,
  };
  const promRead = prom ? await readPromFile(source, prom, readOptions) : undefined;
  const csv = promRead ? promRead.columns : await readerFor(format)(source, readOptions);
  // CSV/TSV are checked at the header; Parquet, Arrow and JSON Lines once read.
  checkColumnCount(csv.names.length, source.name);
  const names = new Set(csv.names);
  for (const name of Object.keys(options.columnTypes ?? {})) {
    if (!names.has(name)) throw new DataError('unknown-column', `column type for ${name}: ${source.name} has no such column`);
  }
  const { table, schema } = toArrowTable(csv, { ...promRead?.types, ...options.columnTypes });
  const now = options.now ?? (() => new Date());
  return {
    meta: {
      id: options.id ?? globalThis.crypto.randomUUID(),
      name: source.name,
      format,
      sha256: hasher.digest(),
      bytes,
      rows: csv.rows,
      schema,
      warnings: csv.warnings,
      roles: guessRoles(schema, table),
      createdAt: now().toISOString(),
    },
    table,
  };
}

/** Bytes already in memory (tests, small files). */
export function ingestCsv(bytes: Uint8Array, name: string, options: IngestOptions = {}): Promise<Dataset> {
  return ingestSource(bytesSource(bytes, name), options);
}
