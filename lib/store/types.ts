import type { ErrorInfo } from '../errors';
import type { DriftConfig, DriftResult } from '../drift/types';
import type { QualityResult } from '../quality/types';
import type { ColumnProfile } from '../drift/profile';

export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface DatasetInputRef {
  id: string;
  sha256: string;
}

export type CellStatus = 'ok' | 'running' | 'error';

export type CellKind = 'drift' | 'quality';
export type CellResult = DriftResult | QualityResult;

/** A notebook cell: what to compute (kind, config, inputs) and its last result. */
export interface CellRecord {
  id: string;
  workspaceId: string;
  /** Position in the workspace; cells are listed by ascending order. */
  order: number;
  kind: CellKind;
  title: string;
  /** The analysis' settings (drift: methods, thresholds, bins, correction…). */
  config: DriftConfig;
  inputs: { reference: DatasetInputRef; current: DatasetInputRef };
  status: CellStatus;
  result?: CellResult;
  error?: ErrorInfo;
  /** Hash of (kind, config, input sha256s, engine version): equal keys mean an equal result. */
  resultKey?: string;
  /** Wall-clock compute time of the last run, in milliseconds. */
  durationMs?: number;
  updatedAt: string;
}

export interface DatasetBlobRecord {
  id: string;
  /** Arrow IPC file-format bytes of the dataset's table (the first part, when split). */
  ipc: Uint8Array;
  /** Number of parts, when the bytes are split (parts 1… are stored under `${id}:part:${k}`). */
  parts?: number;
}

/** A column's profile, cached per (dataset content, column, type, engine version). */
export interface ProfileRecord {
  key: string;
  datasetId: string;
  profile: ColumnProfile;
}
