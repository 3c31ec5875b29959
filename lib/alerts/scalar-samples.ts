/**
 * The catalogue series a timeline scalar (lib/notebook/scalars.ts SCALARS ids) stands for: a
 * window's value is the same number a cell of the scalar's kind gives on the window as its current
 * data, so it is that kind's series with `dataset="current"` (latencies converted from ms to s).
 */
import { AnalysisError } from '../errors';
import type { KindSettings } from '../notebook/scalars';
import { msToSeconds, sensitiveLabel } from './samples';
import type { Sample } from './types';

const LATENCY_QUANTILE: Record<string, string> = { latency_p50: '0.5', latency_p90: '0.9', latency_p95: '0.95', latency_p99: '0.99' };

/** The drift method a column is tested with, where the settings say it (per column, then for every column). */
function methodOf(settings: KindSettings, column: string | undefined): string | undefined {
  const perColumn = settings.columnMethods as Record<string, unknown> | undefined;
  const chosen = (column !== undefined ? perColumn?.[column] : undefined) ?? settings.method;
  return typeof chosen === 'string' ? chosen : undefined;
}

/**
 * The sample of one scalar reading. Labels the reading cannot know are left out: a drift score's
 * `method` when the settings name none (pass the method the result used as `settings.method`), a
 * fairness difference's `sensitive` when the settings choose none.
 */
export function scalarSample(scalarId: string, column: string | undefined, value: number | null, settings: KindSettings = {}): Sample {
  const current = { dataset: 'current' };
  const at = (metric: string, labels: Record<string, string>, v: number | null = value): Sample => ({
    metric,
    labels,
    value: v === null || Number.isNaN(v) ? null : v,
  });
  const driftLabels = (): Record<string, string> => {
    if (column === undefined) throw new AnalysisError('missing-column', `${scalarId}: the column it is about is missing`);
    const method = methodOf(settings, column);
    return method === undefined ? { column } : { column, method };
  };
  if (scalarId === 'column_drift_score' || scalarId === 'column_drift_detected') return at(scalarId, driftLabels());
  if (scalarId === 'dataset_drift_share') return at('dataset_drift_share', {});
  if (scalarId === 'missing_share') return column === undefined ? at('dataset_missing_share', current) : at('column_missing_share', { column, ...current });
  const model = /^(classification|regression)_(.+)$/.exec(scalarId);
  if (model) return at('model_metric', { metric: model[2]!, ...current });
  const estimated = /^estimated_(.+)$/.exec(scalarId);
  if (estimated) return at('estimated_metric', { metric: estimated[1]! });
  if (scalarId in LATENCY_QUANTILE) return at('latency_seconds', { quantile: LATENCY_QUANTILE[scalarId]!, ...current }, msToSeconds(value));
  if (scalarId === 'latency_mean') return at('latency_mean_seconds', current, msToSeconds(value));
  if (scalarId === 'latency_share_over_sla') return at('latency_sla_breach_share', current);
  const fairness = /^fairness_(.+)_difference$/.exec(scalarId);
  if (fairness) {
    const sensitive = Array.isArray(settings.sensitive) ? settings.sensitive.filter((s): s is string => typeof s === 'string') : [];
    return at('fairness_difference', { metric: fairness[1]!, ...(sensitive.length ? { sensitive: sensitiveLabel(sensitive) } : {}), ...current });
  }
  throw new AnalysisError('unknown-scalar', `scalar: ${scalarId} — not in the metric catalogue`);
}
