/**
 * Each model's metrics, computed exactly as the classification and regression cells compute them
 * (computeClassificationMetrics / computeRegressionMetrics on the model's rows), and the metric
 * functions of a bootstrap resample (lib/metrics/bootstrap.ts) for the paired differences.
 */
import type { Label } from '../data/columns';
import { classificationResampler, regressionResampler } from '../metrics/bootstrap';
import { computeClassificationMetrics } from '../metrics/compute-classification';
import { computeRegressionMetrics } from '../metrics/compute-regression';
import type { CompareInput, ModelSide } from './compare-input';

const CLASSIFICATION_METRICS = ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1'] as const;
const SCORE_METRICS = ['roc_auc', 'average_precision', 'log_loss', 'brier_score'] as const;
const REGRESSION_METRICS = ['mean_error', 'mae', 'mse', 'rmse', 'mape', 'r2', 'max_error'] as const;

function classificationInput(side: ModelSide) {
  return { target: side.target as Label[], prediction: side.prediction as Label[], ...(side.score ? { score: side.score } : {}) };
}

function classificationOptions(input: CompareInput) {
  return { task: input.task as 'binary' | 'multiclass', labels: input.labels, ...(input.posLabel === null ? {} : { posLabel: input.posLabel }) };
}

/** Binary precision/recall/F1 are of the positive label; multiclass, macro averages (zero_division=0). */
export function modelMetrics(input: CompareInput, side: ModelSide): Record<string, number | null> {
  if (input.task === 'regression') {
    const r = computeRegressionMetrics({ target: side.target as Float64Array, prediction: side.prediction as Float64Array }, { maxSamplePoints: 0 });
    return Object.fromEntries(REGRESSION_METRICS.map((m) => [m, r[m]]));
  }
  const c = computeClassificationMetrics(classificationInput(side), { ...classificationOptions(input), maxCurvePoints: 2 });
  const out: Record<string, number | null> = Object.fromEntries(CLASSIFICATION_METRICS.map((m) => [m, c[m]]));
  if (side.score) for (const m of SCORE_METRICS) out[m] = c[m];
  return out;
}

/** The metrics whose paired difference gets a bootstrap interval. */
export function deltaMetrics(input: CompareInput): string[] {
  if (input.task === 'regression') return ['mae', 'rmse', 'r2'];
  return ['accuracy', 'precision', 'recall', 'f1', ...(input.sides.every((s) => s.score) ? ['roc_auc'] : [])];
}

/** A model's delta metrics on a resample of its rows (draw counts and draws in order). */
export type SideResampler = (counts: Int32Array, indices: Uint32Array) => Record<string, number | null>;

export function sideResampler(input: CompareInput, side: ModelSide): SideResampler {
  if (input.task === 'regression') {
    const { metric } = regressionResampler({ target: side.target as Float64Array, prediction: side.prediction as Float64Array });
    return (_counts, indices) => metric(indices);
  }
  const { metric } = classificationResampler(classificationInput(side), classificationOptions(input));
  return (counts) => metric(counts);
}
