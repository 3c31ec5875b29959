/**
 * Metrics computed from labels for CBPE (lib/metrics/cbpe.ts): the confusion-matrix ratios shared
 * by estimated and realized metrics, sklearn's roc_auc_score, and NannyML's sampling-error
 * components, which come from the reference labels.
 */
import { numpyArgsort } from '../stats/argsort';
import { numpyStd } from '../stats/numpy-moments';

export interface ConfusionMatrix {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface BinaryMetrics {
  /** Counts (realized) or expected counts (estimated; fractional). */
  confusionMatrix: ConfusionMatrix;
  /** Null when undefined: no rows (accuracy), no predicted positives (precision), no positives (recall, f1), one class (rocAuc). */
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  rocAuc: number | null;
}

export type MetricName = 'accuracy' | 'precision' | 'recall' | 'f1' | 'rocAuc';
export const METRIC_NAMES: readonly MetricName[] = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'];

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** accuracy = (TP+TN)/n, precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN); null for 0/0. */
export function metricsFromConfusion(cm: ConfusionMatrix, rocAuc: number | null): BinaryMetrics {
  const { tp, fp, fn, tn } = cm;
  return {
    confusionMatrix: cm,
    accuracy: ratio(tp + tn, tp + fp + fn + tn),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    rocAuc,
  };
}

/** Rows sorted by score descending, ties in row order (sklearn sorts with a stable mergesort). */
function descending(scores: ArrayLike<number>, rows: ArrayLike<number>): number[] {
  return Array.from(rows).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * sklearn.metrics.roc_auc_score for labels in {0, 1}: trapezoid area under the ROC curve whose
 * vertices are the distinct scores (tied scores move both rates at once, i.e. count ½).
 * Counts are integers, so twice the area is summed exactly. Null with a single class.
 */
export function rocAucScore(labels: ArrayLike<number>, scores: ArrayLike<number>, rows: ArrayLike<number>): number | null {
  const order = descending(scores, rows);
  let positives = 0;
  for (const i of order) positives += labels[i]!;
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  let tps = 0;
  let fps = 0;
  let prevTps = 0;
  let prevFps = 0;
  let twiceArea = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i] === 1) tps++;
    else fps++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      twiceArea += (fps - prevFps) * (tps + prevTps);
      prevTps = tps;
      prevFps = fps;
    }
  }
  return twiceArea / (2 * positives * negatives);
}

/** Realized metrics of rows `rows`: labels and predictions in {0, 1}, ROC AUC from the raw scores. */
export function realizedMetrics(labels: ArrayLike<number>, predictions: ArrayLike<number>, scores: ArrayLike<number>, rows: ArrayLike<number>): BinaryMetrics {
  const cm: ConfusionMatrix = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (predictions[i] === 1) {
      if (labels[i] === 1) cm.tp++;
      else cm.fp++;
    } else if (labels[i] === 1) cm.fn++;
    else cm.tn++;
  }
  return metricsFromConfusion(cm, rocAucScore(labels, scores, rows));
}

/** NannyML's sampling-error components: SE(chunk of n rows) = std / sqrt(n · fraction). */
export type SamplingErrorComponents = Record<MetricName, { std: number; fraction: number } | null>;

function component(values: ArrayLike<number>, fraction: number): { std: number; fraction: number } | null {
  const std = values.length ? numpyStd(values) : NaN;
  return Number.isFinite(std) && fraction > 0 ? { std, fraction } : null;
}

/**
 * From reference labels y, predictions ŷ and raw scores, as nannyml/sampling_error/binary_classification.py
 * (*_sampling_error_components), arrays in the same order so np.std's pairwise sums agree:
 * accuracy: std of 1[ŷ = y] in row order, fraction 1; precision: std of [1 × TP, 0 × FP], fraction =
 * share of ŷ = 1; recall: std of [1 × TP, 0 × FN], fraction = share of y = 1; f1: std of
 * [1 × TP, 0 × (FN + FP)] · m/(TP + (FP + FN)/2), fraction m/n with m = TP + FP + FN; rocAuc: see aucComponent.
 */
export function samplingErrorComponents(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  scores: ArrayLike<number>,
  rows: ArrayLike<number>,
): SamplingErrorComponents {
  const n = rows.length;
  const correct = new Float64Array(n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let positives = 0;
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    const y = labels[i]!;
    const p = predictions[i]!;
    correct[k] = y === p ? 1 : 0;
    positives += y;
    if (p === 1 && y === 1) tp++;
    else if (p === 1) fp++;
    else if (y === 1) fn++;
  }
  const block = (ones: number, zeros: number, value = 1) => Float64Array.from({ length: ones + zeros }, (_, k) => (k < ones ? value : 0));
  const m = tp + fp + fn;
  return {
    accuracy: component(correct, 1),
    precision: component(block(tp, fp), (tp + fp) / n),
    recall: component(block(tp, fn), positives / n),
    f1: component(block(tp, fn + fp, m / ((fn + fp) * 0.5 + tp)), m / n),
    rocAuc: aucComponent(labels, scores, rows),
  };
}

/**
 * NannyML's auroc_sampling_error_components (AUROC as a Mann–Whitney statistic): with the minority
 * class as positive (labels and scores flipped, s → 1 − s, when mean(y) > 0.5), rows ordered by
 * np.argsort(scores) (its tie order: lib/stats/argsort.ts), the distinct values of y·rank without
 * the smallest (0) give, for the i-th, (rank − i)/negatives; std of those, fraction = share of
 * positives. As in NannyML, a positive ranked first falls out with the zeros and shifts the rest by one.
 */
function aucComponent(labels: ArrayLike<number>, scores: ArrayLike<number>, rows: ArrayLike<number>): { std: number; fraction: number } | null {
  const n = rows.length;
  let positives = 0;
  for (let k = 0; k < n; k++) positives += labels[rows[k]!]!;
  const flip = positives / n > 0.5;
  const y = Float64Array.from(rows, (i) => (flip ? Math.abs(labels[i]! - 1) : labels[i]!));
  const s = Float64Array.from(rows, (i) => (flip ? 1 - scores[i]! : scores[i]!));
  const nPos = flip ? n - positives : positives;
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  const order = numpyArgsort(s);
  const ranks = new Set<number>();
  order.forEach((i, rank) => ranks.add(y[i]! * rank));
  const distinct = [...ranks].sort((a, b) => a - b).slice(1);
  return component(
    Float64Array.from(distinct, (rank, i) => (rank - i) / nNeg),
    nPos / n,
  );
}
