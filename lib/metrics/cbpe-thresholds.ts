/**
 * CBPE alert thresholds and alerts, as NannyML 0.13 sets them:
 * - each reference chunk's realized metric (Metric.fit → _realized_performance in
 *   nannyml/performance_estimation/confidence_based/metrics.py): accuracy over rows with a label
 *   and a prediction; precision, recall and F1 NaN unless both the labels and the predictions of
 *   the chunk hold two classes; ROC AUC (raw scores) NaN unless the labels hold two classes;
 * - StandardDeviationThreshold (nannyml/thresholds.py): nanmean ∓ 3 × nanstd (population) of those
 *   values, then calculate_threshold_values clips them to the metric's limits [0, 1];
 * - Metric.alert: the estimate is below the lower or above the upper threshold.
 */
import { numpyNanMean, numpyNanStd } from '../stats/numpy-moments';
import { rocAucScore, type BinaryMetrics, type MetricName, METRIC_NAMES } from './cbpe-realized';
import type { ChunkSpan } from './cbpe-chunks';

export type MetricValues = Record<MetricName, number | null>;
export type MetricAlerts = Record<MetricName, boolean>;

export interface CbpeThresholds {
  lower: MetricValues;
  upper: MetricValues;
  /** Realized metrics of the reference chunks the thresholds come from. */
  referenceChunks: (ChunkSpan & { realized: MetricValues })[];
}

const STD_MULTIPLIER = 3;
const nullIfNaN = (v: number): number | null => (Number.isNaN(v) ? null : v);

function twoClasses(values: ArrayLike<number>, rows: number[]): boolean {
  const first = rows.length ? values[rows[0]!]! : NaN;
  return rows.some((i) => values[i] !== first);
}

/** NannyML's realized metrics of a chunk's rows (missing values dropped per metric; NaN → null), labels and predictions 0/1. */
export function nannymlRealized(labels: ArrayLike<number>, predictions: ArrayLike<number>, scores: ArrayLike<number>, chunk: ArrayLike<number>): MetricValues {
  const classRows: number[] = [];
  const scoredRows: number[] = [];
  for (let k = 0; k < chunk.length; k++) {
    const i = chunk[k]!;
    if (Number.isNaN(labels[i]!)) continue;
    if (!Number.isNaN(predictions[i]!)) classRows.push(i);
    if (!Number.isNaN(scores[i]!)) scoredRows.push(i);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (const i of classRows) {
    const y = labels[i]!;
    const p = predictions[i]!;
    if (y === p) correct++;
    if (p === 1 && y === 1) tp++;
    else if (p === 1) fp++;
    else if (y === 1) fn++;
  }
  const classes = twoClasses(labels, classRows) && twoClasses(predictions, classRows);
  // sklearn 1.2's f-score: 2·P·R / (P + R).
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return {
    accuracy: classRows.length ? correct / classRows.length : null,
    precision: classes ? precision : null,
    recall: classes ? recall : null,
    f1: classes ? (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)) : null,
    rocAuc: twoClasses(labels, scoredRows) ? rocAucScore(labels, scores, scoredRows) : null,
  };
}

/** Lower and upper thresholds per metric from the reference chunks' realized values (null when every value is null). */
export function thresholdsOf(referenceChunks: (ChunkSpan & { realized: MetricValues })[]): CbpeThresholds {
  const lower = {} as MetricValues;
  const upper = {} as MetricValues;
  for (const name of METRIC_NAMES) {
    const values = referenceChunks.map((c) => c.realized[name] ?? NaN);
    const mean = numpyNanMean(values);
    const std = numpyNanStd(values);
    const lo = mean - std * STD_MULTIPLIER;
    const hi = mean + std * STD_MULTIPLIER;
    lower[name] = nullIfNaN(lo <= 0 ? 0 : lo);
    upper[name] = nullIfNaN(hi >= 1 ? 1 : hi);
  }
  return { lower, upper, referenceChunks };
}

/** Metric.alert: estimate < lower or > upper; a null estimate or threshold never alerts. */
export function alertsOf(estimated: BinaryMetrics, { lower, upper }: Pick<CbpeThresholds, 'lower' | 'upper'>): MetricAlerts {
  const alerts = {} as MetricAlerts;
  for (const name of METRIC_NAMES) {
    const v = estimated[name];
    const lo = lower[name];
    const hi = upper[name];
    alerts[name] = v !== null && ((lo !== null && v < lo) || (hi !== null && v > hi));
  }
  return alerts;
}
