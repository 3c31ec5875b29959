import type { Table } from 'apache-arrow';
import { AnalysisError } from '../errors';
import type { DatasetMeta } from '../data/types';
import { APP_VERSION } from '../version';
import { computeColumnDrift, resolveColumnType } from './column-drift';
import { computeDatasetDrift } from './dataset-drift';
import { profileColumn } from './profile';
import type { ColumnDriftResult, DriftResult } from './types';

export interface DriftInput {
  meta: DatasetMeta;
  table: Table;
}

export interface DriftOptions {
  /** Share of drifted columns at which the dataset counts as drifted. */
  driftShare?: number;
  /** Called after each column with (done, total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

function valueCount(table: Table, name: string): number {
  const vector = table.getChild(name)!;
  return vector.length - vector.nullCount;
}

function preview(names: readonly string[]): string {
  const shown = names.slice(0, 6).join(', ');
  return names.length > 6 ? `${shown}, … (${names.length} in all)` : shown;
}

/** Compares every column the two datasets share: the drift analysis, identical in worker, app fallback and CLI. */
export function computeDrift(reference: DriftInput, current: DriftInput, options: DriftOptions = {}): DriftResult {
  const refTypes = new Map(reference.meta.schema.map((c) => [c.name, c.type]));
  const curTypes = new Map(current.meta.schema.map((c) => [c.name, c.type]));
  const common = reference.meta.schema.map((c) => c.name).filter((n) => curTypes.has(n));
  const onlyInReference = reference.meta.schema.map((c) => c.name).filter((n) => !curTypes.has(n));
  const onlyInCurrent = current.meta.schema.map((c) => c.name).filter((n) => !refTypes.has(n));
  if (common.length === 0) {
    throw new AnalysisError(
      'no-common-columns',
      `no columns in common: reference has ${preview(onlyInReference)}; current has ${preview(onlyInCurrent)} — both files need the same header names`,
    );
  }
  const warnings: string[] = [];
  const columns: ColumnDriftResult[] = [];
  for (const [i, name] of common.entries()) {
    if (options.signal?.aborted) throw new AnalysisError('aborted', 'drift cancelled');
    const refType = refTypes.get(name)!;
    const curType = curTypes.get(name)!;
    const { type, conflict } = resolveColumnType(refType, curType, valueCount(reference.table, name), valueCount(current.table, name));
    if (conflict) {
      warnings.push(`type conflict: column "${name}" is ${refType} in reference and ${curType} in current — compared as ${type}`);
    }
    const result = computeColumnDrift(name, type, profileColumn(reference.table, name, type), profileColumn(current.table, name, type));
    if (conflict && !result.tested) result.reason = 'type conflict';
    columns.push(result);
    options.onProgress?.(i + 1, common.length);
  }
  if (onlyInReference.length) warnings.push(`columns only in reference: ${preview(onlyInReference)}`);
  if (onlyInCurrent.length) warnings.push(`columns only in current: ${preview(onlyInCurrent)}`);
  return {
    kind: 'drift',
    schemaVersion: 1,
    tool: { name: 'driftbook', version: APP_VERSION },
    reference: { name: reference.meta.name, rows: reference.meta.rows, sha256: reference.meta.sha256 },
    current: { name: current.meta.name, rows: current.meta.rows, sha256: current.meta.sha256 },
    columns,
    onlyInReference,
    onlyInCurrent,
    dataset: computeDatasetDrift(columns, options.driftShare),
    warnings,
  };
}
