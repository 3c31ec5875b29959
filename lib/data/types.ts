import type { Table } from 'apache-arrow';

/**
 * Column types, decided as Evidently 0.7 does (lib/data/infer-type.ts). Drift tests numeric and
 * categorical columns (booleans as two-category columns); datetime and text are not tested.
 */
export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text';

export const COLUMN_TYPES: readonly ColumnType[] = ['numeric', 'categorical', 'boolean', 'datetime', 'text'];

/**
 * What a column is for. Only a role the user set changes a drift result (id, timestamp and ignored
 * columns are not tested; target, prediction and score are left out of the feature share); a
 * role guessed from the name is a suggestion that pre-fills model cells.
 */
export type ColumnRole = 'feature' | 'target' | 'prediction' | 'score' | 'timestamp' | 'id' | 'sensitive' | 'ignored';

export const COLUMN_ROLES: readonly ColumnRole[] = ['feature', 'target', 'prediction', 'score', 'timestamp', 'id', 'sensitive', 'ignored'];

/** A role guessed from the column's name (a suggestion) or set by the user (decides drift). */
export type RoleSource = 'guessed' | 'user';

/** A column's role and who decided it. */
export interface RoleInfo {
  role: ColumnRole;
  source: RoleSource;
}

export interface ColumnSchema {
  name: string;
  type: ColumnType;
}

/** 'dbprofile': a profile-only dataset (a dropped `.dbprofile`): summaries, no rows (lib/store/stored-profiles.ts). */
export type DatasetFormat = 'csv' | 'tsv' | 'parquet' | 'arrow' | 'jsonl' | 'dbprofile';

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
  /** Column roles other than feature: guessed from names at ingest, or set by the user (see `roleSources`). */
  roles?: Record<string, ColumnRole>;
  /**
   * Who decided each column's role: 'user' for a role set in the role panel (a column the user set
   * to feature is listed too, absent from `roles`). A column absent here is guessed — so datasets
   * stored by earlier versions, which have no such field, read as all guessed (no migration).
   */
  roleSources?: Record<string, RoleSource>;
  createdAt: string;
  /** How Driftbook made this dataset from another (a model's outputs added to its rows: lib/models/derived.ts). */
  derivedFrom?: DerivedFrom;
  /** The segment this description's rows were filtered by (set on a dataset opened for analysis, never stored). */
  segment?: string;
}

/** The source dataset and model of a scored dataset, as every manifest records them. */
export interface DerivedFrom {
  dataset: { id: string; name: string; sha256: string };
  model: { id: string; name: string; sha256: string; opset: Record<string, number>; producer: { name: string; version: string } };
  /** Which columns fed which model inputs, e.g. `float_input ← x1, x2, x3` or `age ← age; color ← colour`. */
  inputs: string;
  /** Added column → the model output (and class column) it holds, e.g. `probabilities_1 ← probabilities[1]`. */
  columns: Record<string, string>;
  /** Rows the model could not take (their new columns are missing). */
  invalidRows: number;
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
