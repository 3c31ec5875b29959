import type { Table } from 'apache-arrow';
import { createSHA256 } from 'hash-wasm';
import { DataError } from '../errors';
import type { ColumnType, DatasetFormat, DatasetMeta } from './types';
import { bytesSource, readCsv, type ByteSource, type ReadProgress } from './read-csv';
import { toArrowTable } from './to-arrow';

export interface IngestOptions {
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
}

function formatOf(name: string): DatasetFormat {
  return /\.(tsv|tab)$/i.test(name) ? 'tsv' : 'csv';
}

/** A file read into a typed Arrow table, with its description. */
export interface IngestedDataset {
  meta: DatasetMeta;
  table: Table;
}

/**
 * A file → typed Arrow table plus its description: the one ingest path for the worker and the
 * CLI. The SHA-256 is of the original bytes, so `sha256sum file` matches.
 */
export async function ingestCsvSource(source: ByteSource, options: IngestOptions = {}): Promise<IngestedDataset> {
  if (source.size === 0) {
    throw new DataError('empty-file', `empty file: ${source.name} is 0 bytes — choose a CSV with a header line and data rows`);
  }
  const hasher = await createSHA256();
  hasher.init();
  let bytes = 0;
  const format = formatOf(source.name);
  const csv = await readCsv(source, {
    delimiter: format === 'tsv' ? '\t' : undefined,
    onBytes: (chunk) => {
      hasher.update(chunk);
      bytes += chunk.length;
    },
    onProgress: options.onProgress,
    signal: options.signal,
    missingTokens: options.missingTokens,
  });
  for (const name of Object.keys(options.columnTypes ?? {})) {
    if (!csv.names.includes(name)) throw new DataError('unknown-column', `column type for ${name}: ${source.name} has no such column`);
  }
  const { table, schema } = toArrowTable(csv, options.columnTypes);
  const now = options.now ?? (() => new Date());
  return {
    meta: {
      id: options.id ?? globalThis.crypto.randomUUID(),
      name: source.name,
      format,
      sha256: hasher.digest('hex'),
      bytes,
      rows: csv.rows,
      schema,
      warnings: csv.warnings,
      createdAt: now().toISOString(),
    },
    table,
  };
}

/** Bytes already in memory (tests, small files). */
export function ingestCsv(bytes: Uint8Array, name: string, options: IngestOptions = {}): Promise<IngestedDataset> {
  return ingestCsvSource(bytesSource(bytes, name), options);
}
