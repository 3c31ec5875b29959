import type { DriftConfig } from '../drift/types';
import { AnalysisError } from '../errors';
import type { CellConfig, CellKind, ColumnCellConfig } from './cell-kinds';

/**
 * The drift settings a drift-kind cell runs with (a column detail is a drift run of one column),
 * or undefined for other kinds. One place, so the worker pool and a single worker agree.
 */
export function driftConfigOf(kind: CellKind, config: CellConfig): DriftConfig | undefined {
  if (kind === 'drift') return config as DriftConfig;
  if (kind !== 'column') return undefined;
  const { column, ...rest } = config as ColumnCellConfig;
  if (!column) throw new AnalysisError('missing-column', 'no column chosen — pick the column to detail in the cell');
  return { ...rest, columns: [column] };
}
