import type { Dataset } from '../../data/types';
import { computeRegressionMetrics } from '../../metrics/compute-regression';
import { labelColumn, modelQuality, numberColumn, type ModelQualityResult } from '../../metrics/model-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from '../../metrics/types';
import { sameColumnProblem } from '../model-inputs';
import { INPUT_SLOTS, need, type CellKindSpec, type InputSlot } from '../types';
import { rowsOf, type MetricRow } from '../view/metric-rows';

export interface RegressionCellConfig {
  target?: string;
  prediction?: string;
  /** A categorical column: error per value (count, MAE, RMSE, mean error). */
  segment?: string;
  /** A numeric column: mean error per bin of it. */
  feature?: string;
}

export function regressionCell(reference: Dataset, current: Dataset | undefined, config: RegressionCellConfig): ModelQualityResult {
  const { segment, feature, ...columns } = config;
  const base = modelQuality(reference, current, { ...columns, task: 'regression' });
  if (!segment && !feature) return base;
  // The same metrics (same inputs) plus the error by segment and against the feature.
  const metrics = (d: Dataset) =>
    computeRegressionMetrics({
      target: numberColumn(d, base.columns.target),
      prediction: numberColumn(d, base.columns.prediction!),
      segments: segment ? [{ name: segment, values: labelColumn(d, segment) }] : [],
      features: feature ? [{ name: feature, values: numberColumn(d, feature) }] : [],
    });
  return {
    ...base,
    reference: { ...base.reference, metrics: metrics(reference) },
    ...(current && base.current ? { current: { ...base.current, metrics: metrics(current) } } : {}),
  };
}

export const regressionKind: CellKindSpec<'regression', RegressionCellConfig, ModelQualityResult> = {
  kind: 'regression',
  label: 'Regression quality',
  description: 'Mean error, MAE, RMSE, MAPE, R², residuals (sklearn-exact)',
  inputs: { required: ['reference'], optional: ['current'] },
  defaultConfig: () => ({}),
  validate: sameColumnProblem,
  compute: async (input, config) => regressionCell(need(input, 'reference'), input.current, config),
  capabilities: { autoRun: true },
};

type Metrics = ClassificationMetricsResult | RegressionMetricsResult;
const isRegression = (m: Metrics | undefined): m is RegressionMetricsResult => m?.task === 'regression';

export function regressionSides(result: ModelQualityResult): Partial<Record<InputSlot, RegressionMetricsResult>> {
  const out: Partial<Record<InputSlot, RegressionMetricsResult>> = {};
  for (const side of INPUT_SLOTS) {
    const m = result[side]?.metrics;
    if (isRegression(m)) out[side] = m;
  }
  return out;
}

export function regressionRows(result: ModelQualityResult): MetricRow[] {
  type M = RegressionMetricsResult;
  return rowsOf<M>(regressionSides(result), [
    ['mean_error', 'Mean error (predicted − actual)', 'zero', (m) => m.mean_error],
    ['mae', 'MAE', 'lower', (m) => m.mae],
    ['rmse', 'RMSE', 'lower', (m) => m.rmse],
    ['mse', 'MSE', 'lower', (m) => m.mse],
    ['mape', 'MAPE', 'lower', (m) => m.mape],
    ['r2', 'R²', 'higher', (m) => m.r2],
    ['max_error', 'Max error', 'lower', (m) => m.max_error],
    ['baseline_mae', 'Baseline MAE (predict the mean)', null, (m) => m.baseline?.mae ?? null],
    ['baseline_r2', 'Baseline R²', null, (m) => m.baseline?.r2 ?? null],
    ['n_used', 'Rows used', null, (m) => m.n_used, 'count'],
    ['excluded_rows', 'Rows left out (missing target or prediction)', 'lower', (m) => m.excluded_rows, 'count'],
  ]);
}
