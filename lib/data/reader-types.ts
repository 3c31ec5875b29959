import type { ColumnBuilder } from './column-builder';
import type { NumberFormat } from './parse-number';

/** Where bytes come from: opened once per pass (a File, a Node file, bytes in memory). */
export interface ByteSource {
  name: string;
  /** Size in bytes, when known (for progress). */
  size?: number;
  open(): AsyncIterable<Uint8Array>;
}

export interface ReadProgress {
  phase: 'read' | 'rescan';
  bytes: number;
  totalBytes?: number;
  rows: number;
}

/** Options every reader takes; the delimiter, encoding and skipMalformed apply to delimited text only. */
export interface ReadOptions {
  /** Column delimiter; sniffed among tab, pipe, semicolon and comma when absent. */
  delimiter?: string;
  /** Extra cell values to read as missing, beside the defaults (lib/data/missing.ts). */
  missingTokens?: readonly string[];
  /** Text encoding: UTF-8 (default, strict) or Windows-1252 (Excel's "CSV" on Western Windows). */
  encoding?: 'utf-8' | 'windows-1252';
  /** Drop rows whose field count differs from the header's (counted in a warning) instead of failing. */
  skipMalformed?: boolean;
  /** Numbers written in another locale (e.g. "1.234,5"); plain decimals when absent. */
  numberFormat?: NumberFormat;
  /** Dates in a user's format (e.g. "DD/MM/YYYY"), read as datetime beside ISO 8601. */
  dateFormat?: string;
  onProgress?: (progress: ReadProgress) => void;
  /** Sees every byte of the first pass, in order (for the file's SHA-256). */
  onBytes?: (chunk: Uint8Array) => void;
  signal?: AbortSignal;
}

/** A file read into typed column builders by any reader (CSV, JSONL, Parquet, Arrow); to-arrow makes the Arrow table. */
export interface ReadColumns {
  names: string[];
  builders: ColumnBuilder[];
  rows: number;
  delimiter: string;
  warnings: string[];
}
