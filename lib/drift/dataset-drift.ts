import type { ColumnDriftResult, DatasetDrift, ShareOf } from './types';

/** Roles whose drift is reported apart: left out of the feature share (when the user set them). */
export const REPORTED_APART = new Set(['target', 'prediction', 'score']);

function shareOf(columns: readonly ColumnDriftResult[]): { count: number; drifted: number; share: number } {
  const drifted = columns.filter((c) => c.drifted).length;
  return { count: columns.length, drifted, share: columns.length ? drifted / columns.length : 0 };
}

/**
 * Dataset drift: the share of tested columns that drifted, compared with drift_share (Evidently: ≥).
 * `share` counts every tested column, target and prediction included (as Evidently's
 * DatasetDriftMetric); `featureShare` leaves out columns with a target, prediction or score role
 * (only user-set roles are on column results). `which` picks the one that decides `drifted`.
 */
export function computeDatasetDrift(columns: readonly ColumnDriftResult[], driftShare = 0.5, which: ShareOf = 'all'): DatasetDrift {
  const tested = columns.filter((c) => c.tested);
  const all = shareOf(tested);
  const features = shareOf(tested.filter((c) => !(c.role && REPORTED_APART.has(c.role))));
  const deciding = which === 'features' ? features : all;
  return {
    columns: all.count,
    driftedColumns: all.drifted,
    share: all.share,
    featureColumns: features.count,
    driftedFeatureColumns: features.drifted,
    featureShare: features.share,
    shareOf: which,
    threshold: driftShare,
    drifted: deciding.count > 0 && deciding.share >= driftShare,
  };
}
