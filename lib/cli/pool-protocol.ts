import type { ColumnType, DatasetMeta } from '../data/types';
import type { NumberFormat } from '../data/parse-number';
import type { ColumnTask, DriftPlan } from '../drift/compute-drift';
import type { ErrorInfo } from '../errors';
import type { ColumnProfile } from '../profile/column-profile';

/** How files are read: the user's column types and extra missing tokens. */
export interface ReadSettings {
  columnTypes?: Record<string, ColumnType>;
  missingTokens?: string[];
  encoding?: 'utf-8' | 'windows-1252';
  skipMalformed?: boolean;
  numberFormat?: NumberFormat;
  dateFormat?: string;
}

export interface SharedTable {
  /** Identifies the table across requests, so a worker opens it once (the worker that parsed a file keeps its table under this key). */
  key: string;
  /**
   * The table's IPC bytes, for workers that do not hold it yet: shared memory when several workers
   * read them, moved (transferred) to the only worker once, absent when the worker already has it.
   */
  ipc?: SharedArrayBuffer | ArrayBuffer;
}

export type PoolRequest =
  | { id: number; kind: 'ingest'; path: string; options: ReadSettings; key: string; profile?: boolean }
  /** A table this worker parsed, as Arrow IPC bytes (moved to the caller; the worker keeps its table). */
  | { id: number; kind: 'table'; key: string }
  | {
      id: number;
      kind: 'column';
      task: ColumnTask;
      plan: Pick<DriftPlan, 'config' | 'context'>;
      reference: SharedTable;
      current: SharedTable;
      /** The column's profiles the main thread has (with both, the worker reads no table for a tested column). */
      referenceProfile?: ColumnProfile;
      currentProfile?: ColumnProfile;
    }
  | {
      id: number;
      kind: 'profiled-columns';
      /** Columns tested from their two profiles (no table read), in one message; the reply is their results in this order. */
      tasks: ColumnTask[];
      profiles: { reference: ColumnProfile; current: ColumnProfile }[];
      plan: Pick<DriftPlan, 'config' | 'context'>;
    };

export type PoolResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorInfo };

export interface IngestReply {
  meta: DatasetMeta;
  /**
   * Each column's length and null count: what planning a drift reads of the table. The table itself
   * stays in the worker until asked for (a 'table' request) — with every column's two profiles at hand
   * it is never needed on the main thread.
   */
  counts: ColumnCount[];
  /** With `profile`: the drift profiles of the table's columns, each under the column's own type. */
  profiles?: ProfileEntry[];
}

export interface ColumnCount {
  name: string;
  length: number;
  nullCount: number;
}

/** One column's drift profile under the type it was profiled as. */
export interface ProfileEntry {
  name: string;
  type: ColumnType;
  profile: ColumnProfile;
}

/** The key a profile is found by: a column profiled as another type than a task's is not that task's profile. */
export function profileEntryKey(name: string, type: ColumnType): string {
  return `${type}\u0000${name}`;
}

/** The bytes as an ArrayBuffer of their own, to transfer (no copy when they fill their buffer, as tableToIPC's do). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}
