import { valueMatrixProblems, type ValueSettings } from '../../compare/business-value';
import { modelQuality, resolveModelColumns, type ModelQualityResult } from '../../metrics/model-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from '../../metrics/types';
import type { Dataset } from '../../data/types';
import { booleanAware, thresholdProblems } from '../model-inputs';
import { INPUT_SLOTS, need, type CellKindSpec, type InputSlot } from '../types';
import { confusionValueRows, type ValueRow } from '../view/value-rows';
import { formatMetric, rowsOf, type MetricRow, type MetricUnit } from '../view/metric-rows';

export type { ModelQualityResult } from '../../metrics/model-columns';

/** Classification quality cell: the columns (default: by role) and how predictions are read. */
export interface ClassificationCellConfig {
  target?: string;
  prediction?: string;
  score?: string[];
  task?: 'classification' | 'binary' | 'multiclass';
  posLabel?: string;
  /** Predict positive when score ≥ threshold, instead of reading the prediction column. */
  threshold?: number;
  /** Business value (binary): the value of each outcome and the serving cost, applied to each side's confusion matrix. */
  value?: ValueSettings;
}

export function classificationCell(reference: Dataset, current: Dataset | undefined, config: ClassificationCellConfig): ModelQualityResult {
  const target = resolveModelColumns(reference, { target: config.target }).target;
  // A boolean target's labels are "true"/"false": a positive label typed "yes" or "1" means "true".
  const posLabel =
    config.posLabel !== undefined && target !== undefined ? (booleanAware(reference, target, config.posLabel) ?? config.posLabel) : config.posLabel;
  return modelQuality(reference, current, { ...config, ...(posLabel === undefined ? {} : { posLabel }), task: config.task ?? 'classification' });
}

export const classificationKind: CellKindSpec<'classification', ClassificationCellConfig, ModelQualityResult> = {
  kind: 'classification',
  label: 'Classification quality',
  description: 'Accuracy, precision, recall, F1, ROC/PR curves, calibration, confusion matrix (sklearn-exact)',
  inputs: { required: ['reference'], optional: ['current'] },
  defaultConfig: () => ({}),
  validate(config) {
    const problems = thresholdProblems(config, { exclusive: true });
    if (config.posLabel !== undefined && config.task === 'multiclass') problems.push('Multiclass metrics have no positive label: clear it');
    if (config.value) problems.push(...valueMatrixProblems(config.value.matrix, config.value.costPerPrediction));
    return problems;
  },
  compute: async (input, config) => classificationCell(need(input, 'reference'), input.current, config),
  capabilities: {
    autoRun: true,
    acceptsThreshold: () => true,
    withThreshold: ({ prediction: _prediction, ...config }, threshold) => ({ ...config, threshold }),
  },
};

type Metrics = ClassificationMetricsResult | RegressionMetricsResult;
const isClassification = (m: Metrics | undefined): m is ClassificationMetricsResult => m !== undefined && m.task !== 'regression';

/** The sides' classification metrics, by side (empty for a regression result). */
export function classificationSides(result: ModelQualityResult): Partial<Record<InputSlot, ClassificationMetricsResult>> {
  const out: Partial<Record<InputSlot, ClassificationMetricsResult>> = {};
  for (const side of INPUT_SLOTS) {
    const m = result[side]?.metrics;
    if (isClassification(m)) out[side] = m;
  }
  return out;
}

/** Binary: precision, recall and F1 of the positive label; multiclass: macro averages (labelled so), plus the weighted ones. */
export function classificationRows(result: ModelQualityResult): MetricRow[] {
  const sides = classificationSides(result);
  const multi = sides.reference?.task === 'multiclass';
  const avg = multi ? ' (macro)' : '';
  type M = ClassificationMetricsResult;
  return rowsOf<M>(sides, [
    ['accuracy', 'Accuracy', 'higher', (m) => m.accuracy],
    ['balanced_accuracy', 'Balanced accuracy', 'higher', (m) => m.balanced_accuracy],
    ['precision', `Precision${avg}`, 'higher', (m) => m.precision],
    ['recall', `Recall${avg}`, 'higher', (m) => m.recall],
    ['f1', `F1${avg}`, 'higher', (m) => m.f1],
    ['precision_weighted', 'Precision (weighted)', 'higher', (m) => m.precision_weighted],
    ['recall_weighted', 'Recall (weighted)', 'higher', (m) => m.recall_weighted],
    ['f1_weighted', 'F1 (weighted)', 'higher', (m) => m.f1_weighted],
    ['roc_auc', multi ? 'ROC AUC (one-vs-rest, macro)' : 'ROC AUC', 'higher', (m) => m.roc_auc],
    ['roc_auc_ovr_weighted', 'ROC AUC (one-vs-rest, weighted)', 'higher', (m) => m.roc_auc_ovr_weighted],
    ['average_precision', 'Average precision', 'higher', (m) => m.average_precision],
    ['log_loss', 'Log loss', 'lower', (m) => m.log_loss],
    ['brier_score', 'Brier score', 'lower', (m) => m.brier_score],
    ['ece', 'Expected calibration error', 'lower', (m) => m.calibration?.ece ?? null],
    ['baseline_accuracy', 'Baseline accuracy (majority class)', null, (m) => m.baseline?.accuracy ?? null],
    ['n_used', 'Rows used', null, (m) => m.n_used, 'count'],
    ['excluded_rows', 'Rows left out (missing target or prediction)', 'lower', (m) => m.excluded_rows, 'count'],
  ]);
}

/** Per class: precision, recall, F1 and support of each side ("ref → cur"). */
export function perClassRows(result: ModelQualityResult): { label: string; cells: { id: string; text: string }[] }[] {
  const { reference: ref, current: cur } = classificationSides(result);
  if (!ref) return [];
  const labels = [...new Set([...ref.labels, ...(cur?.labels ?? [])])];
  const both = (f: (m: ClassificationMetricsResult) => number | undefined, unit: MetricUnit) =>
    cur ? `${formatMetric(f(ref), unit)} → ${formatMetric(f(cur), unit)}` : formatMetric(f(ref), unit);
  return labels.map((label) => ({
    label,
    cells: (['precision', 'recall', 'f1', 'support'] as const).map((id) => ({
      id,
      text: both((m) => m.per_class[label]?.[id], id === 'support' ? 'count' : 'score'),
    })),
  }));
}

/**
 * The threshold that turned scores into predictions: the configured one, 0.5 when predictions
 * came from the score without one, none when a prediction column held them.
 */
export function thresholdInUse(result: ModelQualityResult, configured: number | undefined): number | null {
  return configured ?? (result.columns.prediction === null ? 0.5 : null);
}

/** Business value of each side's realized confusion matrix (binary only; empty for multiclass or regression). */
export function classificationValueRows(result: ModelQualityResult, settings: ValueSettings): ValueRow[] {
  const sides = classificationSides(result);
  return INPUT_SLOTS.flatMap((side) => {
    const m = sides[side];
    if (!m || m.task !== 'binary' || m.pos_label === null) return [];
    const { labels, matrix } = m.confusion_matrix;
    const confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
    // Rows: true label, columns: predicted label (sklearn).
    labels.forEach((truth, i) =>
      labels.forEach((predicted, j) => {
        const key = truth === m.pos_label ? (predicted === m.pos_label ? 'tp' : 'fn') : predicted === m.pos_label ? 'fp' : 'tn';
        confusion[key] += matrix[i]![j]!;
      }),
    );
    return confusionValueRows(settings, [
      { model: result.columns.prediction ?? result.columns.score[0] ?? 'model', scope: 'overall', group: side, confusion, estimated: false },
    ]);
  });
}
