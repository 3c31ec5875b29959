import { tableToIPC } from 'apache-arrow';
import { DataError } from '../errors';
import type { DatasetFormat, ParsedDataset } from './types';
import { readCsv } from './read-csv';
import { sha256Hex } from './sha256';
import { toArrowTable } from './to-arrow';

export interface IngestOptions {
  /** Stable id for the stored dataset; defaults to a random UUID. */
  id?: string;
  /** Clock for createdAt (tests pin it). */
  now?: () => Date;
}

function formatOf(name: string): DatasetFormat {
  return /\.tsv$|\.tab$/i.test(name) ? 'tsv' : 'csv';
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError('not-utf8', `not UTF-8: ${name} contains bytes that are not valid UTF-8 — save it as UTF-8 (or CSV UTF-8 in Excel)`);
  }
}

/** File bytes → typed Arrow table (as IPC file bytes) plus its description: the one ingest path for app, worker and CLI. */
export async function ingestCsv(bytes: Uint8Array, name: string, options: IngestOptions = {}): Promise<ParsedDataset> {
  if (bytes.length === 0) {
    throw new DataError('empty-file', `empty file: ${name} is 0 bytes — choose a CSV with a header line and data rows`);
  }
  if (bytes.includes(0)) {
    throw new DataError('binary-file', `not a text file: ${name} contains NUL bytes — is it a binary file renamed .csv?`);
  }
  const format = formatOf(name);
  const csv = readCsv(decodeUtf8(bytes, name), { name, delimiter: format === 'tsv' ? '\t' : undefined });
  const { table, schema } = toArrowTable(csv);
  const sha256 = await sha256Hex(bytes);
  const now = options.now ?? (() => new Date());
  return {
    meta: {
      id: options.id ?? globalThis.crypto.randomUUID(),
      name,
      format,
      sha256,
      bytes: bytes.length,
      rows: csv.rows,
      schema,
      warnings: csv.warnings,
      createdAt: now().toISOString(),
    },
    ipc: tableToIPC(table, 'file'),
  };
}
