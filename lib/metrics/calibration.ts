/**
 * sklearn 1.2.1 calibration_curve(y_true, y_prob, n_bins, strategy) plus the expected calibration
 * error over the same bins: ECE = Σ_b (n_b / N)·|prob_true_b − prob_pred_b| (non-empty bins).
 */
import { numpySum } from '../stats/numpy-sum';
import { linspace, lowerBound } from '../stats/histogram';
import { sortFloat64 } from '../stats/sort-float64';
import { percentileSorted } from '../stats/quantile';
import { AnalysisError } from '../errors';
import type { CalibrationResult } from './types';

export interface CalibrationOptions {
  nBins?: number;
  strategy?: 'uniform' | 'quantile';
  kind?: CalibrationResult['kind'];
}

/** Bin edges: linspace(0, 1, n + 1), or np.percentile(prob, linspace(0, 1, n + 1) * 100). */
export function calibrationEdges(prob: ArrayLike<number>, nBins: number, strategy: 'uniform' | 'quantile'): Float64Array {
  const grid = linspace(0, 1, nBins + 1);
  if (strategy === 'uniform') return grid;
  const sorted = sortFloat64(Float64Array.from(prob));
  return grid.map((g) => percentileSorted(sorted, g * 100)!);
}

/**
 * calibration_curve: bin = searchsorted(edges[1:-1], p, 'left'); per non-empty bin the positive
 * rate and the mean probability (np.bincount adds in row order). Probabilities must lie in
 * [0, 1] and be finite; `isPositive[i]` is 1 or 0. Null for no rows.
 */
export function calibrationCurve(isPositive: ArrayLike<number>, prob: ArrayLike<number>, options: CalibrationOptions = {}): CalibrationResult | null {
  const { nBins = 10, strategy = 'uniform', kind = 'positive' } = options;
  if (!Number.isInteger(nBins) || nBins < 1) throw new AnalysisError('invalid-option', `calibration bins: ${nBins} — use a positive integer`);
  const n = prob.length;
  if (n === 0) return null;
  const edges = calibrationEdges(prob, nBins, strategy);
  const inner = edges.subarray(1, nBins);
  const sums = new Float64Array(nBins);
  const trues = new Float64Array(nBins);
  const totals = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const b = lowerBound(inner, prob[i]!);
    sums[b]! += prob[i]!;
    if (isPositive[i]) trues[b]!++;
    totals[b]!++;
  }
  const prob_true: number[] = [];
  const prob_pred: number[] = [];
  const counts: number[] = [];
  const gaps: number[] = [];
  for (let b = 0; b < nBins; b++) {
    if (totals[b] === 0) continue;
    const t = trues[b]! / totals[b]!;
    const p = sums[b]! / totals[b]!;
    prob_true.push(t);
    prob_pred.push(p);
    counts.push(totals[b]!);
    gaps.push((totals[b]! / n) * Math.abs(t - p));
  }
  return { kind, strategy, n_bins: nBins, edges: Array.from(edges), prob_true, prob_pred, counts, ece: numpySum(gaps) };
}
