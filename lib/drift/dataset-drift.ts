import type { ColumnDriftResult, DatasetDrift } from './types';

/** Dataset drift: the share of tested columns that drifted, compared with drift_share (Evidently: ≥). */
export function computeDatasetDrift(columns: readonly ColumnDriftResult[], driftShare = 0.5): DatasetDrift {
  const tested = columns.filter((c) => c.tested);
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
