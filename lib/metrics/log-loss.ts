/**
 * sklearn 1.2.1 log_loss with eps="auto": probabilities are clipped to [ε, 1 − ε] with
 * ε = np.finfo(float64).eps = 2^-52 (1.2 changed the default from 1e-15), each row is
 * renormalised by its sum (binary rows are [1 − p, p]), and the loss is the mean of −log p_true.
 */
import { numpySum } from '../stats/numpy-sum';

/** np.finfo(np.float64).eps */
export const FLOAT64_EPS = 2 ** -52;

function clip(p: number, eps: number): number {
  return Math.min(Math.max(p, eps), 1 - eps);
}

/**
 * log_loss(y_true == pos_label, p) for p = P(positive). `isPositive[i]` is 1 or 0; every p finite.
 * Null for no rows.
 */
export function binaryLogLoss(isPositive: ArrayLike<number>, p: ArrayLike<number>, eps = FLOAT64_EPS): number | null {
  const n = isPositive.length;
  if (n === 0) return null;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const q = clip(p[i]!, eps);
    const rest = 1 - q;
    // sklearn divides by the row sum (1 − q) + q, which is not always exactly 1.
    const sum = rest + q;
    losses[i] = -Math.log((isPositive[i] ? q : rest) / sum);
  }
  return numpySum(losses) / n;
}

/**
 * log_loss(y_true, proba, labels=classes) for a multiclass matrix given as columns in class
 * order. `truth[i]` indexes the columns; rows with truth −1 must be removed first.
 */
export function multiclassLogLoss(truth: Int32Array, columns: ArrayLike<number>[], eps = FLOAT64_EPS): number | null {
  const n = truth.length;
  const k = columns.length;
  if (n === 0 || k === 0) return null;
  const losses = new Float64Array(n);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) row[c] = clip(columns[c]![i]!, eps);
    losses[i] = -Math.log(row[truth[i]!]! / numpySum(row));
  }
  return numpySum(losses) / n;
}
