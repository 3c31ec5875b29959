import type { ErrorInfo } from '../errors';
import type { CellConfigs, CellKind, CellResults } from './registry';
import type { CellInputs } from './types';

/** idle: never run (or nothing to compute yet); ok: result is current for the config it was run with. */
export type CellStatus = 'idle' | 'ok' | 'running' | 'error';

/** What every cell record has, whatever its kind. */
export interface CellBase {
  id: string;
  workspaceId: string;
  /** Position in the workspace; cells are listed by ascending order. */
  order: number;
  title: string;
  inputs: CellInputs;
  /** Shown folded to its header. */
  collapsed?: boolean;
  status: CellStatus;
  error?: ErrorInfo;
  /** Hash of (kind, config, inputs with their segments, engine version): equal keys mean an equal result. */
  resultKey?: string;
  /** Wall-clock compute time of the last run, in milliseconds. */
  durationMs?: number;
  updatedAt: string;
}

/** A notebook cell of one kind: what to compute (config, inputs) and its last result. */
export type CellRecordOf<K extends CellKind> = CellBase & {
  kind: K;
  /** The analysis' settings (drift: methods, thresholds, bins, correction…; a note: its text). */
  config: CellConfigs[K];
  result?: CellResults[K];
};

export type CellRecordMap = { [K in CellKind]: CellRecordOf<K> };

/** A stored cell: a union discriminated by `kind`, so `cell.config` is typed once the kind is known. */
export type CellRecord = CellRecordMap[CellKind];

/**
 * A record of kind K as the union's member for K. They are the same type for every concrete kind,
 * but TypeScript cannot see it for a generic K: this is the one place that says so.
 */
export function asCellOfKind<K extends CellKind>(cell: CellRecordOf<K>): CellRecordMap[K] {
  return cell as CellRecordMap[K];
}
