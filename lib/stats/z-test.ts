/**
 * Two-proportion z-test as Evidently's "z" drift test for binary categorical
 * columns (evidently/calculations/stattests/z_stattest.py:
 * proportions_diff_z_stat_ind / proportions_diff_z_test), same float
 * operations in the same order:
 *   p1 = s1/n1, p2 = s2/n2, P = (p1 n1 + p2 n2)/(n1 + n2),
 *   z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)).
 *
 * Differences from Evidently, both deliberate:
 * - p-value: Evidently computes 2 (1 - norm.cdf(|z|)), which cancels to an
 *   absolute error of ~1e-16 and underflows to exactly 0 for |z| > ~8.3. We
 *   compute 2 normSf(|z|): equal to Evidently's value within ~2e-16 absolute
 *   wherever Evidently's is meaningful, and accurate to ~1e-15 relative in
 *   the tail (down to ~1e-300) where Evidently reports 0.
 * - degenerate pooled proportion: when P (1 - P) = 0 (both samples all
 *   successes or all failures) the formula is 0/0 = NaN. Evidently avoids it
 *   only when both columns hold one and the same single category, reporting
 *   p = 1; that is exactly this case, so we return statistic 0, p-value 1.
 */

import { normSf } from './normal';

export interface ZTestResult {
  /** z statistic (positive when the reference proportion is larger). */
  statistic: number;
  /** Two-sided p-value 2 P(Z > |z|). */
  pValue: number;
}

function checkCounts(successes: number, n: number, label: string): void {
  if (!Number.isSafeInteger(n) || n < 1 || !Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`twoProportionZTest: ${label} needs integers 0 <= successes <= n, n >= 1 (got ${successes} of ${n})`);
  }
}

/** Evidently's two-sided two-proportion z-test from success counts of the reference and current samples. */
export function twoProportionZTest(successesRef: number, nRef: number, successesCur: number, nCur: number): ZTestResult {
  checkCounts(successesRef, nRef, 'reference');
  checkCounts(successesCur, nCur, 'current');
  const p1 = successesRef / nRef;
  const p2 = successesCur / nCur;
  const pooled = (p1 * nRef + p2 * nCur) / (nRef + nCur);
  const spread = pooled * (1 - pooled);
  if (spread === 0) return { statistic: 0, pValue: 1 };
  const statistic = (p1 - p2) / Math.sqrt(spread * (1 / nRef + 1 / nCur));
  return { statistic, pValue: 2 * normSf(Math.abs(statistic)) };
}
