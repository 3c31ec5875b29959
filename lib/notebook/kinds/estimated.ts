import { valueMatrixProblems, type ValueSettings } from '../../compare/business-value';
import type { Dataset } from '../../data/types';
import { AnalysisError } from '../../errors';
import { estimatePerformanceCbpe, type CbpeResult, type MetricName } from '../../metrics/cbpe';
import type { CalibrationMode } from '../../metrics/cbpe-calibration';
import { defaultPosLabel, labelsOf } from '../../metrics/labels';
import { labelColumn, numberColumn, resolveModelColumns, timestampColumn } from '../../metrics/model-columns';
import type { WindowOption } from '../../metrics/time-windows';
import { formatScore } from '../../format';
import { binary, booleanAware, required, thresholdProblems } from '../model-inputs';
import { need, type CellKindSpec } from '../types';
import type { MetricRow, MetricTableLabels } from '../view/metric-rows';
import { confusionValueRows, type ValueRow } from '../view/value-rows';

export interface EstimatedCellConfig {
  target?: string;
  score?: string;
  prediction?: string;
  posLabel?: string;
  threshold?: number;
  calibration?: CalibrationMode;
  /** Estimates per chunk of the current data: a number of equal row chunks (default 8; NannyML's CountBasedChunker)… */
  chunks?: number;
  /** …or chunks of this many rows (NannyML's SizeBasedChunker; wins over `chunks`)… */
  chunkSize?: number;
  /** …or time windows of this timestamp column instead. */
  timestamp?: string;
  window?: WindowOption;
  /** Business value: the value of each outcome and the serving cost, applied to the expected (and realized) confusion matrices. */
  value?: ValueSettings;
}

export interface EstimatedCellResult {
  kind: 'estimated';
  columns: { target: string; score: string; prediction: string | null };
  posLabel: string;
  reference: { name: string; rows: number };
  current: { name: string; rows: number; labelled: boolean };
  /** How the current data was chunked: row ranges, or time windows (chunk start/end in ms since the epoch). */
  chunkBy: 'count' | 'time';
  cbpe: CbpeResult;
}

export function estimatedCell(reference: Dataset, current: Dataset, config: EstimatedCellConfig): EstimatedCellResult {
  const resolved = resolveModelColumns(reference, { ...config, score: config.score ? [config.score] : undefined });
  const target = required(resolved.target, 'target', reference);
  const score = required(resolved.score[0], 'score', reference);
  const prediction = config.threshold === undefined ? (resolved.prediction ?? null) : null;
  const refLabels = labelColumn(reference, target);
  const hasTarget = current.meta.schema.some((c) => c.name === target);
  const curLabels = hasTarget ? labelColumn(current, target) : undefined;
  const classes = labelsOf(refLabels, ...(curLabels ? [curLabels] : []));
  if (classes.length > 2)
    throw new AnalysisError(
      'not-binary',
      `target "${target}": ${classes.length} labels (${classes.slice(0, 6).join(', ')}…) — performance estimation (CBPE) is for binary classifiers`,
    );
  const posLabel = config.posLabel === undefined ? defaultPosLabel(classes, []) : booleanAware(reference, target, config.posLabel);
  if (posLabel === null || !classes.includes(posLabel))
    throw new AnalysisError('unknown-pos-label', `pos_label: ${String(config.posLabel)} is not a label — labels seen: ${classes.join(', ')}`);
  const predictionsOf = (d: Dataset) => (prediction === null ? undefined : binary(labelColumn(d, prediction), posLabel));
  const refPred = predictionsOf(reference);
  const curPred = predictionsOf(current);
  const cbpe = estimatePerformanceCbpe(
    { scores: numberColumn(reference, score), labels: binary(refLabels, posLabel), ...(refPred ? { predictions: refPred } : {}) },
    {
      scores: numberColumn(current, score),
      ...(curLabels ? { labels: binary(curLabels, posLabel) } : {}),
      ...(curPred ? { predictions: curPred } : {}),
      ...(config.timestamp ? { timestamps: timestampColumn(current, config.timestamp) } : {}),
    },
    {
      threshold: config.threshold ?? 0.5,
      calibration: config.calibration ?? 'auto',
      chunks: config.timestamp
        ? { by: 'time', window: config.window ?? 'auto' }
        : config.chunkSize !== undefined
          ? { by: 'size', size: config.chunkSize }
          : { by: 'count', count: config.chunks ?? 8 },
    },
  );
  return {
    kind: 'estimated',
    columns: { target, score, prediction },
    posLabel,
    reference: { name: reference.meta.name, rows: reference.table.numRows },
    current: { name: current.meta.name, rows: current.table.numRows, labelled: hasTarget },
    chunkBy: config.timestamp ? 'time' : 'count',
    cbpe,
  };
}

export const estimatedKind: CellKindSpec<'estimated', EstimatedCellConfig, EstimatedCellResult> = {
  kind: 'estimated',
  label: 'Estimated performance',
  description: 'Accuracy, F1 and ROC AUC estimated without labels (NannyML CBPE), vs realized',
  inputs: { required: ['reference', 'current'], optional: [] },
  defaultConfig: () => ({ chunks: 8 }),
  validate(config) {
    const problems = thresholdProblems(config, { exclusive: true });
    if (config.chunks !== undefined && (!Number.isInteger(config.chunks) || config.chunks < 1 || config.chunks > 50))
      problems.push('Chunks: a whole number from 1 to 50');
    if (config.value) problems.push(...valueMatrixProblems(config.value.matrix, config.value.costPerPrediction));
    return problems;
  },
  compute: async (input, config) => estimatedCell(need(input, 'reference'), need(input, 'current'), config),
  capabilities: {
    autoRun: true,
    acceptsThreshold: () => true,
    withThreshold: ({ prediction: _prediction, ...config }, threshold) => ({ ...config, threshold }),
  },
};

export const ESTIMATED_METRICS: readonly [name: MetricName, id: string, label: string][] = [
  ['accuracy', 'accuracy', 'Accuracy'],
  ['precision', 'precision', 'Precision'],
  ['recall', 'recall', 'Recall'],
  ['f1', 'f1', 'F1'],
  ['rocAuc', 'roc_auc', 'ROC AUC'],
];

export const ESTIMATED_LABELS: MetricTableLabels = { reference: 'Reference (realized)', current: 'Current (estimated)', realized: 'Current (realized)' };

/** Reference realized vs current estimated (Δ), and current realized where current has labels. */
export function estimatedRows(result: EstimatedCellResult): MetricRow[] {
  const { reference, current } = result.cbpe;
  return ESTIMATED_METRICS.map(([name, id, label]) => ({
    id,
    label,
    better: 'higher',
    reference: reference.realized[name],
    current: current.estimated[name],
    ...(current.realized ? { realized: current.realized[name] } : {}),
  }));
}

/** Whether the scores were calibrated and why (the compute's reason, its long decimals shortened). */
export function calibrationNote(result: EstimatedCellResult): string {
  const reason = result.cbpe.calibrationReason.replace(/-?\d+\.\d{5,}(?:e-?\d+)?/g, (n) => formatScore(Number(n)));
  return `Calibration — ${reason}`;
}

export function decisionNote(result: EstimatedCellResult): string {
  const { prediction } = result.columns;
  const threshold = result.cbpe.threshold;
  return prediction ? `predictions from column ${prediction}` : `positive when score ≥ ${formatScore(threshold ?? 0.5)}`;
}

/** Business value from CBPE's expected confusion matrix (current, and per chunk) beside the realized ones (reference; current where labelled). */
export function estimatedValueRows(result: EstimatedCellResult, settings: ValueSettings): ValueRow[] {
  const { cbpe } = result;
  const model = result.columns.prediction ?? result.columns.score;
  const chunkLabel = (c: { start: number; end: number }) => (result.chunkBy === 'time' ? new Date(c.start).toISOString() : `rows ${c.start + 1}–${c.end}`);
  return confusionValueRows(settings, [
    { model, scope: 'overall', group: 'reference', confusion: cbpe.reference.realized.confusionMatrix, estimated: false },
    { model, scope: 'overall', group: 'current', confusion: cbpe.current.estimated.confusionMatrix, estimated: true },
    ...(cbpe.current.realized
      ? [{ model, scope: 'overall' as const, group: 'current', confusion: cbpe.current.realized.confusionMatrix, estimated: false }]
      : []),
    ...(cbpe.chunks ?? []).map((c) => ({ model, scope: 'window' as const, group: chunkLabel(c), confusion: c.estimated.confusionMatrix, estimated: true })),
  ]);
}
