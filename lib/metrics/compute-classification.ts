/**
 * computeClassificationMetrics: every classification metric of a model-quality cell in one
 * serialisable result (types.ts). Scalars use all rows; curves are downsampled for display.
 *
 * Rows: label metrics use rows where target and prediction are present (`excluded_rows` counts
 * the rest); score metrics use rows where the target is present and every score is finite
 * (`excluded_score_rows`). Without a prediction column, predictions are derived: binary
 * score ≥ threshold → pos_label; multiclass the most probable class (first on ties, np.argmax).
 */
import { AnalysisError } from '../errors';
import { accuracy, balancedAccuracy, classMetrics, precisionRecallF1, zeroDivisionWarnings } from './classification';
import { confusionCounts, normaliseConfusionRows } from './confusion';
import { majorityBaseline } from './baseline';
import { checkLength, defaultPosLabel, encodeLabels, labelsOf, normaliseLabel, sortLabels, type LabelValue } from './labels';
import { binaryScoreMetrics, multiclassScoreMetrics, type ScoreDisplayOptions } from './score-metrics';
import type { ClassificationMetricsResult, ConfusionMatrix } from './types';

export interface ClassificationInput {
  target: ArrayLike<LabelValue>;
  prediction?: ArrayLike<LabelValue>;
  /** Binary: the score (probability or decision value) of pos_label. */
  score?: ArrayLike<number | null>;
  /** Per-class probability columns; `labels[j]` is column j's class (see matchProbaColumns). */
  proba?: { labels: readonly LabelValue[]; columns: ArrayLike<number | null>[] };
}

export interface ClassificationOptions {
  /** 'classification' (default) decides binary/multiclass from the number of labels. */
  task?: 'classification' | 'binary' | 'multiclass';
  posLabel?: string | number | boolean;
  /** The classes; default: the labels seen in target, prediction and proba. */
  labels?: readonly LabelValue[];
  /** Binary decision threshold when predictions are derived from the score. */
  threshold?: number;
  calibrationBins?: number;
  calibrationStrategy?: 'uniform' | 'quantile';
  maxCurvePoints?: number;
  /** Thresholds of the sweep (default: see threshold.ts). */
  thresholds?: readonly number[];
  /** Target labels the majority baseline learns its label from (e.g. the reference dataset). */
  referenceTarget?: ArrayLike<LabelValue>;
}

function finiteOrNaN(values: ArrayLike<number | null>): Float64Array {
  return Float64Array.from({ length: values.length }, (_, i) => {
    const v = values[i];
    return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
  });
}

function resolveLabels(
  input: ClassificationInput,
  options: ClassificationOptions,
  warnings: string[],
): { labels: string[]; task: 'binary' | 'multiclass'; posLabel: string | null } {
  let labels = options.labels ? labelsOf(options.labels) : labelsOf(input.target, input.prediction ?? [], input.proba?.labels ?? []);
  if (labels.length === 0) throw new AnalysisError('no-labels', 'target: no labels — the column is empty or all missing');
  const task = options.task === 'binary' || options.task === 'multiclass' ? options.task : labels.length <= 2 ? 'binary' : 'multiclass';
  if (task === 'binary' && labels.length > 2) {
    throw new AnalysisError('not-binary', `task binary: ${labels.length} labels (${labels.join(', ')}) — use task multiclass`);
  }
  if (task === 'multiclass') return { labels, task, posLabel: null };
  const given = options.posLabel === undefined ? null : normaliseLabel(options.posLabel);
  const posLabel = given ?? defaultPosLabel(labels, warnings);
  if (!labels.includes(posLabel)) {
    if (labels.length >= 2 || options.labels) {
      throw new AnalysisError('unknown-pos-label', `pos_label: ${JSON.stringify(posLabel)} is not a label — use one of ${labels.join(', ')}`);
    }
    labels = sortLabels([...labels, posLabel]);
  }
  return { labels, task, posLabel };
}

/** Probability columns in label order (null where a class has no column). */
function probaByLabel(input: ClassificationInput, labels: readonly string[]): (Float64Array | null)[] {
  const out: (Float64Array | null)[] = labels.map(() => null);
  if (!input.proba) return out;
  input.proba.labels.forEach((raw, j) => {
    const label = normaliseLabel(raw);
    const c = label === null ? -1 : labels.indexOf(label);
    if (c < 0)
      throw new AnalysisError('proba-columns', `probability column ${j}: label ${JSON.stringify(label)} is not a class — classes are ${labels.join(', ')}`);
    out[c] = finiteOrNaN(input.proba!.columns[j]!);
  });
  return out;
}

function derivePredictions(
  n: number,
  labels: string[],
  posLabel: string | null,
  score: Float64Array | null,
  proba: (Float64Array | null)[],
  threshold: number,
): Int32Array {
  const pred = new Int32Array(n).fill(-1);
  if (posLabel !== null) {
    const pos = labels.indexOf(posLabel);
    const neg = labels.findIndex((l) => l !== posLabel);
    if (!score)
      throw new AnalysisError('missing-prediction', 'prediction: none given and no score of the positive class — pass a prediction or a score column');
    if (neg < 0)
      throw new AnalysisError('missing-prediction', `prediction: none given and the negative label is unknown (only ${posLabel} seen) — pass labels`);
    for (let i = 0; i < n; i++) if (!Number.isNaN(score[i]!)) pred[i] = score[i]! >= threshold ? pos : neg;
    return pred;
  }
  if (proba.some((c) => c === null))
    throw new AnalysisError('missing-prediction', 'prediction: none given and not every class has a probability column — pass a prediction column');
  const columns = proba as Float64Array[];
  for (let i = 0; i < n; i++) {
    let best = 0;
    let ok = true;
    for (let c = 0; c < columns.length; c++) {
      if (Number.isNaN(columns[c]![i]!)) ok = false;
      else if (columns[c]![i]! > columns[best]![i]!) best = c;
    }
    if (ok) pred[i] = best;
  }
  return pred;
}

/**
 * A classification input as codes: the classes, task and positive label, the target and
 * predictions as indexes into `labels` (−1 = missing; predictions derived from the score or
 * probabilities when no prediction column is given), the positive class's score and the
 * per-class probability columns (NaN where not finite). computeClassificationMetrics and the
 * bootstrap (bootstrap.ts) both start here, so their rows and labels are the same.
 */
export interface EncodedClassification {
  labels: string[];
  task: 'binary' | 'multiclass';
  posLabel: string | null;
  truth: Int32Array;
  pred: Int32Array;
  score: Float64Array | null;
  proba: (Float64Array | null)[];
  warnings: string[];
}

export function encodeClassification(input: ClassificationInput, options: ClassificationOptions = {}): EncodedClassification {
  const n = input.target.length;
  if (input.prediction) checkLength('prediction', input.prediction.length, n);
  if (input.score) checkLength('score', input.score.length, n);
  if (input.proba) {
    if (input.proba.labels.length !== input.proba.columns.length) {
      throw new AnalysisError(
        'proba-columns',
        `probability columns: ${input.proba.columns.length} columns but ${input.proba.labels.length} labels — give one label per column`,
      );
    }
    input.proba.columns.forEach((c, j) => checkLength(`probability column ${j}`, c.length, n));
  }
  if (!input.prediction && !input.score && !input.proba)
    throw new AnalysisError('missing-prediction', 'prediction: no prediction, score or probability columns — pass at least one');
  const warnings: string[] = [];
  const { labels, task, posLabel } = resolveLabels(input, options, warnings);
  const truth = encodeLabels(input.target, labels, 'target');
  const proba = probaByLabel(input, labels);
  const posIndex = posLabel === null ? -1 : labels.indexOf(posLabel);
  let score: Float64Array | null = input.score ? finiteOrNaN(input.score) : null;
  if (!score && posLabel !== null) score = proba[posIndex] ?? null;
  const pred = input.prediction
    ? encodeLabels(input.prediction, labels, 'prediction')
    : derivePredictions(n, labels, posLabel, score, proba, options.threshold ?? 0.5);
  return { labels, task, posLabel, truth, pred, score, proba, warnings };
}

/** All classification metrics; see the module comment for how rows and labels are chosen. */
export function computeClassificationMetrics(input: ClassificationInput, options: ClassificationOptions = {}): ClassificationMetricsResult {
  const n = input.target.length;
  const { labels, task, posLabel, truth, pred, score, proba, warnings } = encodeClassification(input, options);
  const posIndex = posLabel === null ? -1 : labels.indexOf(posLabel);

  const cm: ConfusionMatrix = { labels, matrix: confusionCounts(truth, pred, labels.length) };
  let used = 0;
  for (let i = 0; i < n; i++) if (truth[i]! >= 0 && pred[i]! >= 0) used++;
  if (used === 0) warnings.push('label metrics: no rows with both a target and a prediction');
  const prf = precisionRecallF1(cm);
  if (used > 0) warnings.push(...zeroDivisionWarnings(prf, posLabel ?? undefined));
  const positive = posLabel === null ? null : classMetrics(cm, posLabel);
  const display: ScoreDisplayOptions = {
    maxCurvePoints: options.maxCurvePoints ?? 1000,
    calibrationBins: options.calibrationBins ?? 10,
    calibrationStrategy: options.calibrationStrategy ?? 'uniform',
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
  };
  const support = cm.matrix.map((row) => row.reduce((s, c) => s + c, 0));
  const referenceCounts = options.referenceTarget ? countLabels(options.referenceTarget, labels, warnings) : undefined;
  const base = {
    task,
    labels: [...labels],
    pos_label: posLabel,
    n_rows: n,
    n_used: used,
    excluded_rows: n - used,
    accuracy: accuracy(cm),
    balanced_accuracy: balancedAccuracy(cm),
    per_class: prf.per_class,
    confusion_matrix: cm,
    confusion_matrix_normalized: normaliseConfusionRows(cm),
    baseline: majorityBaseline(labels, support, posLabel, referenceCounts),
    warnings,
  };
  const has = (v: number | null): number | null => (used === 0 ? null : v);

  if (task === 'binary') {
    const rows: number[] = [];
    if (score) for (let i = 0; i < n; i++) if (truth[i]! >= 0 && !Number.isNaN(score[i]!)) rows.push(i);
    const isPositive = Uint8Array.from(rows, (i) => (truth[i] === posIndex ? 1 : 0));
    const s = score
      ? binaryScoreMetrics(
          isPositive,
          Float64Array.from(rows, (i) => score[i]!),
          posLabel!,
          display,
          warnings,
        )
      : null;
    return {
      ...base,
      n_scored: rows.length,
      excluded_score_rows: score ? n - rows.length : n,
      precision: has(positive!.precision),
      recall: has(positive!.recall),
      f1: has(positive!.f1),
      roc_auc: s?.roc_auc ?? null,
      average_precision: s?.average_precision ?? null,
      log_loss: s?.log_loss ?? null,
      brier_score: s?.brier_score ?? null,
      curves: { roc: s?.roc ?? null, precision_recall: s?.precision_recall ?? null },
      calibration: s?.calibration ?? null,
      threshold_sweep: s?.threshold_sweep ?? null,
    };
  }

  const missing = labels.filter((_, c) => proba[c] === null);
  const scored = input.proba && missing.length === 0;
  if (input.proba && missing.length > 0) warnings.push(`score metrics: no probability column for class(es) ${missing.join(', ')}`);
  const rows: number[] = [];
  if (scored) for (let i = 0; i < n; i++) if (truth[i]! >= 0 && proba.every((c) => !Number.isNaN(c![i]!))) rows.push(i);
  const m = scored
    ? multiclassScoreMetrics(
        Int32Array.from(rows, (i) => truth[i]!),
        proba.map((c) => Float64Array.from(rows, (i) => c![i]!)),
        labels,
        display,
        warnings,
      )
    : null;
  return {
    ...base,
    n_scored: rows.length,
    excluded_score_rows: n - rows.length,
    precision: has(prf.precision_macro),
    recall: has(prf.recall_macro),
    f1: has(prf.f1_macro),
    roc_auc: m?.roc_auc_ovr_macro ?? null,
    average_precision: null,
    log_loss: m?.log_loss ?? null,
    brier_score: null,
    precision_macro: has(prf.precision_macro),
    recall_macro: has(prf.recall_macro),
    f1_macro: has(prf.f1_macro),
    precision_weighted: has(prf.precision_weighted),
    recall_weighted: has(prf.recall_weighted),
    f1_weighted: has(prf.f1_weighted),
    roc_auc_ovr_macro: m?.roc_auc_ovr_macro ?? null,
    roc_auc_ovr_weighted: m?.roc_auc_ovr_weighted ?? null,
    curves: { roc: null, precision_recall: null, roc_ovr: m?.roc_ovr ?? [] },
    calibration: m?.calibration ?? null,
    threshold_sweep: null,
  };
}

/** Counts of each class in a reference target; labels outside the classes are ignored with a warning. */
function countLabels(values: ArrayLike<LabelValue>, labels: readonly string[], warnings: string[]): number[] {
  const counts = labels.map(() => 0);
  const index = new Map(labels.map((l, c) => [l, c]));
  let unknown = 0;
  for (let i = 0; i < values.length; i++) {
    const label = normaliseLabel(values[i]);
    if (label === null) continue;
    const c = index.get(label);
    if (c === undefined) unknown++;
    else counts[c]!++;
  }
  if (unknown > 0) warnings.push(`baseline: ${unknown} reference row(s) have labels outside the classes and were ignored`);
  return counts;
}
