/**
 * ROC curve and area (sklearn 1.2.1 roc_curve with drop_intermediate=True, roc_auc_score binary
 * and multi_class="ovr" with average "macro" / "weighted"), unweighted.
 */
import { numpySum } from '../stats/numpy-sum';
import { binaryClfCurve, downsampleIndices, splitScores, type BinaryClfCurve, type SplitScores } from './binary-curve';
import type { RocCurve } from './types';

export interface FullRocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/**
 * roc_curve: corners only (np.diff(fps, 2) or np.diff(tps, 2) non-zero), then a leading point
 * (0, 0) at threshold max(score) + 1 as sklearn 1.2 does. Null when either class is absent
 * (sklearn returns NaN rates then).
 */
export function rocCurveOf(split: SplitScores): FullRocCurve | null {
  if (split.positive.length === 0 || split.negative.length === 0) return null;
  return rocFromClfCurve(binaryClfCurve(split));
}

/** roc_curve's points from _binary_clf_curve's counts, both classes present (the bootstrap builds the counts from row weights). */
export function rocFromClfCurve({ fps, tps, thresholds }: BinaryClfCurve): FullRocCurve {
  const m = fps.length;
  const keep: number[] = [];
  for (let i = 0; i < m; i++) {
    if (m <= 2 || i === 0 || i === m - 1) keep.push(i);
    else if (fps[i + 1]! - 2 * fps[i]! + fps[i - 1]! !== 0 || tps[i + 1]! - 2 * tps[i]! + tps[i - 1]! !== 0) keep.push(i);
  }
  const n = keep.length + 1;
  const fpr = new Float64Array(n);
  const tpr = new Float64Array(n);
  const thr = new Float64Array(n);
  const fpsLast = fps[m - 1]!;
  const tpsLast = tps[m - 1]!;
  thr[0] = thresholds[0]! + 1;
  keep.forEach((idx, k) => {
    fpr[k + 1] = fps[idx]! / fpsLast;
    tpr[k + 1] = tps[idx]! / tpsLast;
    thr[k + 1] = thresholds[idx]!;
  });
  return { fpr, tpr, thresholds: thr };
}

/** sklearn.metrics.auc(fpr, tpr) = np.trapz(tpr, fpr): Σ Δx·(y₁ + y₀)/2, summed pairwise. */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const terms = new Float64Array(Math.max(0, x.length - 1));
  for (let i = 0; i < terms.length; i++) terms[i] = ((x[i + 1]! - x[i]!) * (y[i + 1]! + y[i]!)) / 2.0;
  return numpySum(terms);
}

/** The curve for display: plain arrays, at most `maxPoints` points. */
export function rocForDisplay(curve: FullRocCurve, maxPoints: number): RocCurve {
  const idx = downsampleIndices(curve.fpr.length, maxPoints);
  return {
    fpr: idx.map((i) => curve.fpr[i]!),
    tpr: idx.map((i) => curve.tpr[i]!),
    thresholds: idx.map((i) => curve.thresholds[i]!),
    total_points: curve.fpr.length,
  };
}

/** roc_curve(y_true == pos_label, score), full length; null when one class is absent. */
export function rocCurve(isPositive: ArrayLike<number>, score: ArrayLike<number>): FullRocCurve | null {
  return rocCurveOf(splitScores(isPositive, score));
}

/** roc_auc_score for a binary target; null when only one class is present (sklearn raises). */
export function rocAuc(isPositive: ArrayLike<number>, score: ArrayLike<number>): number | null {
  const curve = rocCurve(isPositive, score);
  return curve ? trapezoidArea(curve.fpr, curve.tpr) : null;
}

export interface RocOvr {
  /** Per class, in column order; null where the class is absent from (or is all of) the target. */
  auc: (number | null)[];
  curves: (FullRocCurve | null)[];
  macro: number | null;
  weighted: number | null;
}

/**
 * roc_auc_score(y_true, proba, multi_class="ovr", labels=…): class c's column against
 * (truth == c). macro = plain mean, weighted = mean weighted by class support (np.average).
 * sklearn raises when some class has no rows; then the averages are null.
 */
export function rocAucOvr(truth: Int32Array, columns: ArrayLike<number>[]): RocOvr {
  const k = columns.length;
  const support = new Array<number>(k).fill(0);
  for (let i = 0; i < truth.length; i++) if (truth[i]! >= 0) support[truth[i]!]!++;
  const auc: (number | null)[] = [];
  const curves: (FullRocCurve | null)[] = [];
  columns.forEach((column, c) => {
    const isPositive = new Uint8Array(truth.length);
    for (let i = 0; i < truth.length; i++) isPositive[i] = truth[i] === c ? 1 : 0;
    const curve = rocCurve(isPositive, column);
    curves.push(curve);
    auc.push(curve ? trapezoidArea(curve.fpr, curve.tpr) : null);
  });
  if (k === 0 || auc.some((a) => a === null)) return { auc, curves, macro: null, weighted: null };
  const scores = auc as number[];
  const macro = numpySum(scores) / k;
  const weighted = numpySum(scores.map((a, c) => a * support[c]!)) / numpySum(support);
  return { auc, curves, macro, weighted };
}
