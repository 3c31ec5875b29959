import type { Table } from 'apache-arrow';

/**
 * Column types, decided as Evidently 0.7 does (lib/data/infer-type.ts). Drift tests numeric and
 * categorical columns (booleans as two-category columns); datetime and text are not tested.
 */
export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text';

export const COLUMN_TYPES: readonly ColumnType[] = ['numeric', 'categorical', 'boolean', 'datetime', 'text'];

/** What a column is for. Drift skips id and timestamp columns and reports target/prediction apart. */
export type ColumnRole = 'feature' | 'target' | 'prediction' | 'score' | 'timestamp' | 'id' | 'sensitive' | 'ignored';

export const COLUMN_ROLES: readonly ColumnRole[] = ['feature', 'target', 'prediction', 'score', 'timestamp', 'id', 'sensitive', 'ignored'];

export interface ColumnSchema {
  name: string;
  type: ColumnType;
}

export type DatasetFormat = 'csv' | 'tsv' | 'parquet' | 'arrow' | 'jsonl';

/** A stored dataset's description; the Arrow IPC bytes are kept beside it (lib/store). */
export interface DatasetMeta {
  id: string;
  name: string;
  format: DatasetFormat;
  /** SHA-256 (hex) of the original file bytes, so `sha256sum file` matches. */
  sha256: string;
  /** Size of the original file in bytes. */
  bytes: number;
  rows: number;
  schema: ColumnSchema[];
  /** Non-fatal notes from parsing (renamed duplicate headers, …). */
  warnings: string[];
  /** Column roles other than feature, guessed from names at ingest and confirmed or edited by the user. */
  roles?: Record<string, ColumnRole>;
  createdAt: string;
}

/** A parsed dataset: its description plus the Arrow IPC (file format) bytes of the table. */
export interface ParsedDataset {
  meta: DatasetMeta;
  ipc: Uint8Array;
}

/** A dataset opened for analysis: its description and its Arrow table (rows after any segment filter). */
export interface Dataset {
  meta: DatasetMeta;
  table: Table;
}
