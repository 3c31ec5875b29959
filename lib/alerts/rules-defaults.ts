/**
 * The rules a workspace starts with (the seed, editable): a column's PSI above 0.2, a KS
 * statistic above 0.1, half the columns drifted, accuracy below 0.9, p95 latency over the SLA.
 * PSI is a distance, so its drift score is the PSI itself (cells, windows and batches carry it);
 * the KS test's score is a p-value, so the KS rule watches its statistic D (drift and column
 * detail cells, where every method run is listed).
 */
import type { AlertRule } from './types';

/** The operational cell's default SLA (200 ms), in seconds. */
export const DEFAULT_SLA_SECONDS = 0.2;

export interface DefaultRulesOptions {
  /** The latency SLA in seconds (default 0.2). */
  slaSeconds?: number;
}

export function defaultRules({ slaSeconds = DEFAULT_SLA_SECONDS }: DefaultRulesOptions = {}): AlertRule[] {
  return [
    {
      id: 'column-psi',
      name: 'Column PSI above 0.2',
      metric: 'column_drift_score',
      labels: { method: 'psi' },
      comparator: '>',
      threshold: 0.2,
      for: '0s',
      severity: 'warning',
      summary: 'PSI of column {{ $labels.column }} is {{ $value }} (above 0.2)',
    },
    {
      id: 'column-ks',
      name: 'Column KS statistic above 0.1',
      metric: 'column_drift_statistic',
      labels: { method: 'ks' },
      comparator: '>',
      threshold: 0.1,
      for: '0s',
      severity: 'warning',
      summary: 'KS statistic of column {{ $labels.column }} is {{ $value }} (above 0.1)',
    },
    {
      id: 'dataset-drift',
      name: 'Dataset drift share at least 0.5',
      metric: 'dataset_drift_share',
      labels: {},
      comparator: '>=',
      threshold: 0.5,
      for: '0s',
      severity: 'critical',
      summary: 'Share of drifted columns is {{ $value }} (0.5 or more)',
    },
    {
      id: 'accuracy',
      name: 'Accuracy below 0.9',
      metric: 'model_metric',
      labels: { metric: 'accuracy', dataset: 'current' },
      comparator: '<',
      threshold: 0.9,
      for: '0s',
      severity: 'critical',
      summary: 'Accuracy on the current data is {{ $value }} (below 0.9)',
    },
    {
      id: 'latency-p95',
      name: 'p95 latency over the SLA',
      metric: 'latency_seconds',
      labels: { quantile: '0.95', dataset: 'current' },
      comparator: '>',
      threshold: slaSeconds,
      for: '0s',
      severity: 'critical',
      summary: `p95 latency is {{ $value }} s (SLA ${slaSeconds} s)`,
    },
  ];
}
