/**
 * Metrics computed from labels for CBPE (lib/metrics/cbpe.ts): the confusion-matrix ratios shared
 * by estimated and realized metrics, sklearn's roc_auc_score, and NannyML's sampling-error
 * components, which come from the reference labels.
 */
import { NeumaierSum } from '../stats/neumaier-sum';

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

/** Population standard deviation (ddof = 0, as np.std), or null for no values. */
function std(values: number[]): number | null {
  if (values.length === 0) return null;
  const sum = new NeumaierSum();
  for (const v of values) sum.add(v);
  const mean = sum.value / values.length;
  const sq = new NeumaierSum();
  for (const v of values) sq.add((v - mean) * (v - mean));
  return Math.sqrt(sq.value / values.length);
}

/** NannyML's sampling-error components: SE(chunk of n rows) = std / sqrt(n · fraction). */
export type SamplingErrorComponents = Record<MetricName, { std: number; fraction: number } | null>;

function component(values: number[], fraction: number): { std: number; fraction: number } | null {
  const s = std(values);
  return s === null || !(fraction > 0) ? null : { std: s, fraction };
}

/**
 * From reference labels y, predictions ŷ and raw scores (NannyML sampling_error/binary_classification):
 * accuracy: std of 1[ŷ = y] over all rows, fraction 1; precision: std of 1[y = 1] over rows with
 * ŷ = 1, fraction = share of ŷ = 1; recall: std of 1[ŷ = 1] over rows with y = 1, fraction = share
 * of y = 1; f1: over TP, FP and FN rows, std of 1[TP]·m/(TP + (FP + FN)/2), fraction = m/n with
 * m = TP + FP + FN; rocAuc: with the minority class as positive (labels and scores flipped when
 * mean(y) > 0.5), std over positives of (negatives scored below it)/(negatives), fraction = share of
 * positives. NannyML ranks with an unstable argsort and drops a positive ranked first; here ties keep
 * row order and every positive counts.
 */
export function samplingErrorComponents(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  scores: ArrayLike<number>,
  rows: ArrayLike<number>,
): SamplingErrorComponents {
  const n = rows.length;
  const correct: number[] = [];
  const precision: number[] = [];
  const recall: number[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    const y = labels[i]!;
    const p = predictions[i]!;
    correct.push(y === p ? 1 : 0);
    if (p === 1) precision.push(y === 1 ? 1 : 0);
    if (y === 1) recall.push(p === 1 ? 1 : 0);
    if (p === 1 && y === 1) tp++;
    else if (p === 1) fp++;
    else if (y === 1) fn++;
  }
  const m = tp + fp + fn;
  const factor = m / ((fn + fp) * 0.5 + tp);
  const f1 = [...new Array<number>(tp).fill(factor), ...new Array<number>(fn + fp).fill(0)];
  return {
    accuracy: component(correct, 1),
    precision: component(precision, precision.length / n),
    recall: component(recall, recall.length / n),
    f1: component(f1, m / n),
    rocAuc: aucComponent(labels, scores, rows),
  };
}

function aucComponent(labels: ArrayLike<number>, scores: ArrayLike<number>, rows: ArrayLike<number>): { std: number; fraction: number } | null {
  const n = rows.length;
  let positives = 0;
  for (let k = 0; k < n; k++) positives += labels[rows[k]!]!;
  const flip = positives / n > 0.5;
  const pos = flip ? 0 : 1;
  const order = Array.from(rows).sort((a, b) => (flip ? scores[b]! - scores[a]! : scores[a]! - scores[b]!) || a - b);
  const minority = flip ? n - positives : positives;
  const negatives = n - minority;
  if (minority === 0 || negatives === 0) return null;
  const below: number[] = [];
  let seen = 0;
  for (const i of order) {
    if (labels[i] === pos) below.push(seen / negatives);
    else seen++;
  }
  return component(below, minority / n);
}
