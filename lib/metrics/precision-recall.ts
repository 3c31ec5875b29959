/**
 * sklearn 1.2.1 precision_recall_curve and average_precision_score (binary, unweighted):
 * AP = Σ_n (R_n − R_{n−1})·P_n, the step integral, not the trapezoid.
 */
import { numpySum } from '../stats/numpy-sum';
import { binaryClfCurve, downsampleIndices, splitScores, type SplitScores } from './binary-curve';
import type { PrecisionRecallCurve } from './types';

export interface FullPrecisionRecallCurve {
  /** Decreasing recall order, ending with precision 1 / recall 0 (no threshold there). */
  precision: Float64Array;
  recall: Float64Array;
  /** Increasing distinct scores. */
  thresholds: Float64Array;
}

/**
 * precision_recall_curve. With no positive rows sklearn sets recall to 1 everywhere (and warns);
 * that curve is returned as sklearn gives it, the caller warns.
 */
export function precisionRecallCurveOf(split: SplitScores): FullPrecisionRecallCurve {
  const { fps, tps, thresholds } = binaryClfCurve(split);
  const m = tps.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const thr = new Float64Array(m);
  const tpsLast = m > 0 ? tps[m - 1]! : 0;
  for (let i = 0; i < m; i++) {
    const at = m - 1 - i;
    const ps = tps[at]! + fps[at]!;
    precision[i] = ps === 0 ? 0 : tps[at]! / ps;
    recall[i] = tpsLast === 0 ? 1 : tps[at]! / tpsLast;
    thr[i] = thresholds[at]!;
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: thr };
}

export function precisionRecallCurve(isPositive: ArrayLike<number>, score: ArrayLike<number>): FullPrecisionRecallCurve {
  return precisionRecallCurveOf(splitScores(isPositive, score));
}

/** −Σ diff(recall)·precision[:-1], summed pairwise like np.sum. Null without positive rows (undefined). */
export function averagePrecisionOf(split: SplitScores): number | null {
  if (split.positive.length === 0) return null;
  const { precision, recall } = precisionRecallCurveOf(split);
  const terms = new Float64Array(recall.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = (recall[i + 1]! - recall[i]!) * precision[i]!;
  return -numpySum(terms);
}

/** average_precision_score(y_true == pos_label, score); null when no row is positive. */
export function averagePrecision(isPositive: ArrayLike<number>, score: ArrayLike<number>): number | null {
  return averagePrecisionOf(splitScores(isPositive, score));
}

/** The curve for display: plain arrays, at most `maxPoints` points (the threshold-less last point kept). */
export function precisionRecallForDisplay(curve: FullPrecisionRecallCurve, maxPoints: number): PrecisionRecallCurve {
  const idx = downsampleIndices(curve.precision.length, maxPoints);
  return {
    precision: idx.map((i) => curve.precision[i]!),
    recall: idx.map((i) => curve.recall[i]!),
    thresholds: idx.filter((i) => i < curve.thresholds.length).map((i) => curve.thresholds[i]!),
    total_points: curve.precision.length,
  };
}
