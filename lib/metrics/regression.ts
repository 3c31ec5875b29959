/**
 * Regression metrics mirroring sklearn 1.2.1 (unweighted, single output): mean_absolute_error,
 * mean_squared_error (and squared=False), mean_absolute_percentage_error, r2_score
 * (force_finite=True) and max_error, plus mean_error = mean(predicted − actual), so a positive
 * mean error means over-prediction. Means sum pairwise like numpy, so constant targets give
 * numpy's exact (not always zero) r2 denominator.
 */
import { numpySum } from '../stats/numpy-sum';
import { FLOAT64_EPS } from './log-loss';

export interface RegressionScores {
  mean_error: number;
  mae: number;
  mse: number;
  rmse: number;
  mape: number;
  /** Null for fewer than two rows (sklearn returns NaN and warns). */
  r2: number | null;
  max_error: number;
}

/** np.mean: the pairwise sum over n. */
function mean(values: Float64Array): number {
  return numpySum(values) / values.length;
}

/**
 * r2_score: 1 − Σ(y − ŷ)² / Σ(y − ȳ)²; a zero numerator gives 1 and a zero denominator with a
 * non-zero numerator gives 0 (force_finite=True). Null for fewer than two rows.
 */
export function r2Score(actual: Float64Array, predicted: Float64Array): number | null {
  const n = actual.length;
  if (n < 2) return null;
  const ybar = mean(actual);
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = actual[i]! - predicted[i]!;
    const c = actual[i]! - ybar;
    num[i] = d * d;
    den[i] = c * c;
  }
  const numerator = numpySum(num);
  const denominator = numpySum(den);
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}

/** All scalar metrics over finite, paired values; null for no rows. */
export function regressionScores(actual: Float64Array, predicted: Float64Array): RegressionScores | null {
  const n = actual.length;
  if (n === 0) return null;
  const err = new Float64Array(n);
  const abs = new Float64Array(n);
  const sq = new Float64Array(n);
  const pct = new Float64Array(n);
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i]! - actual[i]!;
    const a = Math.abs(e);
    err[i] = e;
    abs[i] = a;
    sq[i] = e * e;
    // mean_absolute_percentage_error: |y − ŷ| / max(|y|, eps) with eps = np.finfo(float64).eps
    pct[i] = a / Math.max(Math.abs(actual[i]!), FLOAT64_EPS);
    if (a > maxError) maxError = a;
  }
  const mse = mean(sq);
  return {
    mean_error: mean(err),
    mae: mean(abs),
    mse,
    rmse: Math.sqrt(mse),
    mape: mean(pct),
    r2: r2Score(actual, predicted),
    max_error: maxError,
  };
}

/**
 * MAE, RMSE and R² only, as regressionScores computes them (same sums, same bits), into caller
 * buffers of at least n values: the bootstrap's per-resample metrics without the other five arrays.
 */
export function maeRmseR2(
  actual: Float64Array,
  predicted: Float64Array,
  abs: Float64Array,
  sq: Float64Array,
): { mae: number; rmse: number; r2: number | null } | null {
  const n = actual.length;
  if (n === 0) return null;
  for (let i = 0; i < n; i++) {
    const e = predicted[i]! - actual[i]!;
    abs[i] = Math.abs(e);
    sq[i] = e * e;
  }
  return { mae: mean(abs.subarray(0, n)), rmse: Math.sqrt(mean(sq.subarray(0, n))), r2: r2Score(actual, predicted) };
}
