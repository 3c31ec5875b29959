import type { ErrorInfo } from '../errors';
import type { ColumnProfile } from '../profile/column-profile';
import type { CellConfig, CellKind, CellResult } from '../report/cell-kinds';

export type { CellConfig, CellKind, CellResult } from '../report/cell-kinds';

export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Stored datasets this workspace uses (the datasets themselves live in the shared library). */
  datasetIds?: string[];
}

export interface DatasetInputRef {
  id: string;
  sha256: string;
}

/** idle: never run (or nothing to compute yet); ok: result is current for the config it was run with. */
export type CellStatus = 'idle' | 'ok' | 'running' | 'error';

/** A cell's datasets by slot: none (a note), the reference only, or reference and current. */
export interface CellInputs {
  reference?: DatasetInputRef;
  current?: DatasetInputRef;
}

/** A notebook cell: what to compute (kind, config, inputs) and its last result. */
export interface CellRecord {
  id: string;
  workspaceId: string;
  /** Position in the workspace; cells are listed by ascending order. */
  order: number;
  kind: CellKind;
  title: string;
  /** The analysis' settings (drift: methods, thresholds, bins, correction…; a note: its text). */
  config: CellConfig;
  inputs: CellInputs;
  /** Shown folded to its header. */
  collapsed?: boolean;
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
