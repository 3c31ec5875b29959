/** sklearn 1.2.1 brier_score_loss(y_true, y_prob, pos_label): mean of (1[y = pos] − p)², binary only. */
import { numpySum } from '../stats/numpy-sum';

/** `isPositive[i]` is 1 or 0, p = P(positive) in [0, 1]. Null for no rows. */
export function brierScore(isPositive: ArrayLike<number>, p: ArrayLike<number>): number | null {
  const n = isPositive.length;
  if (n === 0) return null;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (isPositive[i] ? 1 : 0) - p[i]!;
    sq[i] = d * d;
  }
  return numpySum(sq) / n;
}
