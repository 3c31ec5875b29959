/**
 * computeRegressionMetrics: scalar regression metrics (regression.ts) and chart data
 * (regression-charts.ts) in one serialisable result. Rows without a finite target and
 * prediction are excluded and counted; error = predicted − actual throughout.
 */
import { numpySum } from '../stats/numpy-sum';
import { AnalysisError } from '../errors';
import { checkLength, type LabelValue } from './labels';
import { regressionScores } from './regression';
import { errorBySegment, errorHistogram, residualsByFeature, sampleIndices } from './regression-aggregates';
import type { RegressionMetricsResult } from './types';

export interface RegressionInput {
  target: ArrayLike<number | null>;
  prediction: ArrayLike<number | null>;
  /** Categorical columns to break the error down by. */
  segments?: { name: string; values: ArrayLike<LabelValue> }[];
  /** Numeric columns to bin the error against. */
  features?: { name: string; values: ArrayLike<number | null> }[];
}

export interface RegressionOptions {
  /** Error histogram bins: 'sturges' (numpy's rule, default) or a count. */
  histogramBins?: number | 'sturges';
  /** Most rows in the predicted-vs-actual sample (default 2000). */
  maxSamplePoints?: number;
  sampleSeed?: number;
  /** Most segments listed per column before the rest are pooled (default 30). */
  maxSegments?: number;
  featureBins?: number;
  featureBinning?: 'uniform' | 'quantile';
}

function isFiniteNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function computeRegressionMetrics(input: RegressionInput, options: RegressionOptions = {}): RegressionMetricsResult {
  const n = input.target.length;
  checkLength('prediction', input.prediction.length, n);
  for (const s of input.segments ?? []) checkLength(`segment ${s.name}`, s.values.length, n);
  for (const f of input.features ?? []) checkLength(`feature ${f.name}`, f.values.length, n);
  const { maxSamplePoints = 2000, sampleSeed = 0, maxSegments = 30, featureBins = 10, featureBinning = 'uniform' } = options;
  if (!Number.isInteger(maxSamplePoints) || maxSamplePoints < 0)
    throw new AnalysisError('invalid-option', `maxSamplePoints: ${maxSamplePoints} — use a non-negative integer`);
  const warnings: string[] = [];
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (isFiniteNumber(input.target[i]) && isFiniteNumber(input.prediction[i])) rows.push(i);
  const actual = Float64Array.from(rows, (i) => input.target[i]!);
  const predicted = Float64Array.from(rows, (i) => input.prediction[i]!);
  const errors = predicted.map((p, k) => p - actual[k]!);
  const scores = regressionScores(actual, predicted);
  if (!scores) warnings.push('regression metrics: no rows with both a finite target and a finite prediction');
  else if (scores.r2 === null) warnings.push('r2: undefined for fewer than two rows');
  if (actual.some((y) => y === 0)) warnings.push('mape: some targets are 0 — their percentage error divides by machine epsilon (sklearn), so MAPE is huge');
  if (rows.length < n) warnings.push(`excluded rows: ${n - rows.length} without a finite target and prediction`);

  const sample = sampleIndices(rows.length, maxSamplePoints, sampleSeed);
  let baseline: RegressionMetricsResult['baseline'] = null;
  if (rows.length > 0) {
    const m = numpySum(actual) / actual.length;
    const b = regressionScores(actual, new Float64Array(actual.length).fill(m))!;
    baseline = { prediction: m, mae: b.mae, rmse: b.rmse, r2: b.r2 ?? 0 };
  }
  return {
    task: 'regression',
    n_rows: n,
    n_used: rows.length,
    excluded_rows: n - rows.length,
    mean_error: scores?.mean_error ?? null,
    mae: scores?.mae ?? null,
    mse: scores?.mse ?? null,
    rmse: scores?.rmse ?? null,
    mape: scores?.mape ?? null,
    r2: scores?.r2 ?? null,
    max_error: scores?.max_error ?? null,
    residual_histogram: errorHistogram(errors, options.histogramBins ?? 'sturges'),
    predicted_vs_actual: {
      actual: Array.from(sample, (k) => actual[k]!),
      predicted: Array.from(sample, (k) => predicted[k]!),
      total: rows.length,
      sampled: sample.length < rows.length,
    },
    segments: (input.segments ?? []).map(({ name, values }) => ({
      name,
      ...errorBySegment(
        errors,
        rows.map((i) => values[i]),
        maxSegments,
      ),
      excluded_rows: n - rows.length,
    })),
    residuals_by_feature: (input.features ?? []).map(({ name, values }) => {
      const keep: number[] = [];
      rows.forEach((i, k) => {
        if (isFiniteNumber(values[i])) keep.push(k);
      });
      const bins = residualsByFeature(
        Float64Array.from(keep, (k) => errors[k]!),
        Float64Array.from(keep, (k) => values[rows[k]!]!),
        { bins: featureBins, strategy: featureBinning },
      );
      return { name, bins, excluded_rows: n - keep.length };
    }),
    baseline,
    warnings,
  };
}
