/**
 * CBPE's estimated metrics, as NannyML 0.13 computes them
 * (nannyml/performance_estimation/confidence_based/metrics.py, estimate_accuracy, estimate_precision,
 * estimate_recall, estimate_f1, estimate_roc_auc). With p_i = P(y_i = 1) (calibrated) and
 * predictions ŷ_i, the expected confusion matrix is TP = Σ_{ŷ=1} p, FP = Σ_{ŷ=1} (1 − p),
 * FN = Σ_{ŷ=0} p, TN = Σ_{ŷ=0} (1 − p), summed as np.sum does; accuracy = (TP + TN)/n,
 * precision = TP/(TP + FP), recall = TP/(TP + FN), F1 = TP/(TP + (FP + FN)/2). Where a denominator
 * is 0, NannyML reports 0 (its own TODO says NaN); Driftbook reports null.
 */
import { numpySum } from '../stats/numpy-sum';
import type { BinaryMetrics } from './cbpe-realized';

const ratio = (a: number, b: number): number | null => (b !== 0 ? a / b : null);

/** np.rint: round half to even. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** np.round(x, 5): x · 1e5, rint, / 1e5. */
const round5 = (x: number): number => rint(x * 100000) / 100000;

/**
 * NannyML's estimate_roc_auc: rows by raw score descending, cumulative Σp (TP) and k − Σp (FP)
 * after k rows, both rounded to 5 decimals, then sklearn.metrics.auc (np.trapz, its pairwise sum)
 * of TP/TP_total against FP/FP_total from (0, 0). Calibration is monotone, so tied raw scores have
 * tied p and the order within ties does not change the sums. Null where NannyML gets NaN (no rows,
 * Σp = 0 or Σ(1 − p) = 0) or sklearn refuses a non-monotone FP rate.
 */
export function estimatedRocAuc(p: ArrayLike<number>, raw: ArrayLike<number>, rows: ArrayLike<number>): number | null {
  const order = Array.from(rows).sort((a, b) => raw[b]! - raw[a]!);
  const m = order.length;
  if (m === 0) return null;
  const tps = new Float64Array(m + 1);
  const fps = new Float64Array(m + 1);
  let sum = 0;
  for (let k = 0; k < m; k++) {
    // np.cumsum adds left to right.
    sum += p[order[k]!]!;
    tps[k + 1] = round5(sum);
    fps[k + 1] = round5(1 + k - sum);
  }
  const tpr = tps.map((v) => v / tps[m]!);
  const fpr = fps.map((v) => v / fps[m]!);
  const dx = new Float64Array(m);
  for (let k = 0; k < m; k++) dx[k] = fpr[k + 1]! - fpr[k]!;
  let direction = 1;
  if (dx.some((d) => d < 0)) {
    if (!dx.every((d) => d <= 0)) return null;
    direction = -1;
  }
  const terms = dx.map((d, k) => (d * (tpr[k + 1]! + tpr[k]!)) / 2);
  const area = direction * numpySum(terms);
  return Number.isFinite(area) ? area : null;
}

/** Estimated metrics over `rows` (score and prediction present) and ROC AUC over `scored` (score present). */
export function estimatedMetrics(
  p: ArrayLike<number>,
  raw: ArrayLike<number>,
  predictions: ArrayLike<number>,
  rows: ArrayLike<number>,
  scored: ArrayLike<number> = rows,
): BinaryMetrics {
  const n = rows.length;
  const tp = new Float64Array(n);
  const fp = new Float64Array(n);
  const fn = new Float64Array(n);
  const tn = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    // np.where(ŷ == 1, p, 0) and friends: zeros stay in place, so the pairwise sums match.
    if (predictions[i] === 1) {
      tp[k] = p[i]!;
      fp[k] = 1 - p[i]!;
    } else {
      fn[k] = p[i]!;
      tn[k] = 1 - p[i]!;
    }
  }
  const cm = { tp: numpySum(tp), fp: numpySum(fp), fn: numpySum(fn), tn: numpySum(tn) };
  return {
    confusionMatrix: cm,
    accuracy: n > 0 ? (cm.tp + cm.tn) / n : null,
    precision: ratio(cm.tp, cm.tp + cm.fp),
    recall: ratio(cm.tp, cm.tp + cm.fn),
    f1: ratio(cm.tp, cm.tp + 0.5 * (cm.fp + cm.fn)),
    rocAuc: estimatedRocAuc(p, raw, scored),
  };
}
