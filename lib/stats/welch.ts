/**
 * Welch's unequal-variance t-test, scipy 1.10 `ttest_ind(a, b, equal_var=False)` (two-sided),
 * with the Welch–Satterthwaite degrees of freedom scipy computes in _unequal_var_ttest_denom:
 *   vn_i = s_i²/n_i (ddof 1), df = (vn1 + vn2)² / (vn1²/(n1 − 1) + vn2²/(n2 − 1)),
 *   t = (m1 − m2) / √(vn1 + vn2), p = 2 stdtr(df, −|t|).
 * scipy replaces an undefined df (both variances 0) by 1; the statistic is then NaN or ±Infinity.
 */
import { tSf } from './student-t';
import { meanVar } from './t-test';

export interface WelchResult {
  statistic: number;
  pValue: number;
  /** Welch–Satterthwaite degrees of freedom (scipy's value, 1 where it is undefined). */
  df: number;
}

/** scipy.stats.ttest_ind(a, b, equal_var=False); NaN results for an empty sample, as scipy. */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): WelchResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN, df: NaN };
  const [m1, v1] = meanVar(a);
  const [m2, v2] = meanVar(b);
  const vn1 = v1 / n1;
  const vn2 = v2 / n2;
  let df = (vn1 + vn2) ** 2 / (vn1 ** 2 / (n1 - 1) + vn2 ** 2 / (n2 - 1));
  if (Number.isNaN(df)) df = 1;
  const statistic = (m1 - m2) / Math.sqrt(vn1 + vn2);
  return { statistic, pValue: tSf(Math.abs(statistic), df) * 2, df };
}
