import type { ColumnDriftResult, DatasetDrift } from './types';

/** Columns whose drift is reported on its own (target/prediction drift), not in the dataset share. */
export const REPORTED_APART = new Set(['target', 'prediction', 'score']);

/** Dataset drift: the share of tested feature columns that drifted, compared with drift_share (Evidently: ≥). */
export function computeDatasetDrift(columns: readonly ColumnDriftResult[], driftShare = 0.5): DatasetDrift {
  const tested = columns.filter((c) => c.tested && !(c.role && REPORTED_APART.has(c.role)));
  const drifted = tested.filter((c) => c.drifted).length;
  const share = tested.length ? drifted / tested.length : 0;
  return {
    columns: tested.length,
    driftedColumns: drifted,
    share,
    threshold: driftShare,
    drifted: tested.length > 0 && share >= driftShare,
  };
}
