/**
 * G-test (log-likelihood ratio goodness of fit) matching
 * scipy.stats.power_divergence(f_obs, f_exp, lambda_="log-likelihood") of
 * scipy 1.10.1: statistic 2 sum xlogy(o, o/e), p = chi2.sf(stat, k - 1).
 *
 * Edge cases follow scipy exactly:
 * - o = 0 contributes 0 when e > 0 (xlogy(0, y) = 0), but o = e = 0 gives
 *   xlogy(0, NaN) = NaN, so statistic and p are NaN;
 * - o > 0 with e = 0 gives statistic Infinity, p = 0;
 * - k = 1 gives df = 0: statistic 0, p NaN;
 * - sums of observed and expected differing by more than 1e-8 relative
 *   throw RangeError (scipy raises ValueError).
 */

import { chi2Sf } from './chisquare';
import { numpySum } from './numpy-sum';

export interface GTestResult {
  /** G = 2 sum o ln(o / e). */
  statistic: number;
  pValue: number;
}

const SUM_RTOL = 1e-8;

/** scipy.special.xlogy(x, y): 0 when x = 0 and y is not NaN, else x log y. */
function xlogy(x: number, y: number): number {
  if (x === 0 && !Number.isNaN(y)) return 0;
  return x * Math.log(y);
}

/** scipy.stats.power_divergence(observed, expected, lambda_='log-likelihood'). */
export function gTest(observed: ArrayLike<number>, expected: ArrayLike<number>): GTestResult {
  const k = observed.length;
  if (expected.length !== k) {
    throw new RangeError(`gTest: observed has ${k} categories but expected has ${expected.length}`);
  }
  const obsSum = numpySum(observed);
  const expSum = numpySum(expected);
  // NaN (both sums 0) passes, as in scipy where NaN > rtol is false.
  const relDiff = Math.abs(obsSum - expSum) / Math.min(obsSum, expSum);
  if (relDiff > SUM_RTOL) {
    throw new RangeError(`gTest: sum of observed (${obsSum}) and expected (${expSum}) frequencies differ by ` + `${relDiff} relative, more than ${SUM_RTOL}`);
  }
  const terms = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const o = observed[i]!;
    terms[i] = 2.0 * xlogy(o, o / expected[i]!);
  }
  const statistic = numpySum(terms);
  return { statistic, pValue: chi2Sf(statistic, k - 1) };
}
