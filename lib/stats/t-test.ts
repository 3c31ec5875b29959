/**
 * Student's two-sample t-test with pooled variance, matching
 * scipy.stats.ttest_ind(a, b, equal_var=True, alternative='two-sided') of
 * scipy 1.10.1 operation for operation (numpy's summation order included),
 * so degenerate inputs behave exactly like scipy:
 * - either sample empty: statistic NaN, p NaN (scipy's _ttest_nans);
 * - a sample of size 1 has variance (0/1) * (1/0) = NaN, so statistic and
 *   p are NaN (not an error, and not "one-sample" behaviour);
 * - both samples constant: the pooled variance is 0, so the statistic is
 *   NaN (p NaN) when the two computed means are bit-identical and +-Infinity
 *   (p = 0) when they differ. Note that numpy's mean of a constant sample is
 *   not always the constant itself ([0.1]*7 averages to 0.10000000000000002),
 *   in which case the variance is a tiny positive number and scipy reports a
 *   finite, possibly large, statistic; we reproduce that too.
 * NaN inputs propagate to NaN results (nan_policy='propagate').
 */

import { numpySum } from './numpy-sum';
import { tSf } from './student-t';

export interface TTestResult {
  /** t = (mean(a) - mean(b)) / sqrt(s_p^2 (1/n1 + 1/n2)). */
  statistic: number;
  /** Two-sided p-value 2 P(T_df > |t|), df = n1 + n2 - 2. */
  pValue: number;
}

/** Mean and ddof=1 variance as scipy's _var: mean((x - mean)^2) * (n / (n - 1)). */
export function meanVar(x: ArrayLike<number>): [mean: number, variance: number] {
  const n = x.length;
  const mean = numpySum(x) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    sq[i] = d * d;
  }
  // n / (n - 1) is Infinity for n = 1, giving 0 * Infinity = NaN as in numpy.
  return [mean, (numpySum(sq) / n) * (n / (n - 1))];
}

/** scipy.stats.ttest_ind(a, b) (equal variances, two-sided). */
export function tTestInd(a: ArrayLike<number>, b: ArrayLike<number>): TTestResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN };
  const [m1, v1] = meanVar(a);
  const [m2, v2] = meanVar(b);
  return tTestFromMoments(n1, m1, v1, n2, m2, v2);
}

/** The same test from each sample's size, mean and ddof=1 variance (e.g. from a mergeable profile's moments). */
export function tTestFromMoments(n1: number, m1: number, v1: number, n2: number, m2: number, v2: number): TTestResult {
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN };
  // scipy _equal_var_ttest_denom.
  const df = n1 + n2 - 2.0;
  const svar = ((n1 - 1) * v1 + (n2 - 1) * v2) / df;
  const denom = Math.sqrt(svar * (1.0 / n1 + 1.0 / n2));
  const statistic = (m1 - m2) / denom;
  // scipy _ttest_finish: stdtr(df, -|t|) * 2.
  return { statistic, pValue: tSf(Math.abs(statistic), df) * 2 };
}
