/**
 * Pearson chi-square goodness-of-fit test matching
 * scipy.stats.chisquare(f_obs, f_exp) (ddof=0) of scipy 1.10.1, which is
 * power_divergence(lambda_=1) with p = chi2.sf(stat, k - 1).
 */

import { gammaQ } from './gamma';

export interface ChiSquareResult {
  /** Sum of (o - e)^2 / e; Infinity when some e = 0 < o, NaN when some e = o = 0. */
  statistic: number;
  pValue: number;
}

/** Relative tolerance scipy allows between sum(observed) and sum(expected). */
const SUM_RTOL = 1e-8;

/**
 * numpy's pairwise summation (umath pairwise_sum, blocks of 128 with 8-way
 * unrolling) so the statistic is bit-identical to scipy's `terms.sum()`.
 */
function pairwiseSum(a: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    const r = new Float64Array(8);
    for (let k = 0; k < 8; k++) r[k] = a[start + k]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k]! += a[start + i + k]!;
    }
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

function sum(values: Float64Array): number {
  return pairwiseSum(values, 0, values.length);
}

/**
 * scipy.stats.chi2.sf(x, df) = chdtrc(df, x) = Q(df/2, x/2): NaN for df <= 0
 * or NaN input (scipy's argument check), 1 for x <= 0, 0 for x = Infinity.
 */
export function chi2Sf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0)) return NaN;
  if (x <= 0) return 1.0;
  if (x === Infinity) return 0.0;
  return gammaQ(df / 2, x / 2);
}

/**
 * One-way chi-square test of observed counts against expected counts
 * (same length k >= 1, df = k - 1).
 *
 * Mirrors scipy 1.10.1 exactly, including its edge cases:
 * - throws RangeError when the sums differ by more than 1e-8 relative
 *   (scipy raises ValueError);
 * - expected 0 with observed > 0 gives statistic Infinity and p = 0;
 * - expected 0 with observed 0 gives 0/0 = NaN for statistic and p;
 * - k = 1 gives df = 0, for which chi2.sf is NaN: statistic 0, p = NaN.
 */
export function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): ChiSquareResult {
  const k = observed.length;
  if (expected.length !== k) {
    throw new RangeError(`chisquare: observed has ${k} categories but expected has ${expected.length}`);
  }
  const obs = Float64Array.from(observed);
  const exp = Float64Array.from(expected);
  const obsSum = sum(obs);
  const expSum = sum(exp);
  // NaN (e.g. both sums 0) passes, as in scipy where NaN > rtol is false.
  const relDiff = Math.abs(obsSum - expSum) / Math.min(obsSum, expSum);
  if (relDiff > SUM_RTOL) {
    throw new RangeError(
      `chisquare: sum of observed (${obsSum}) and expected (${expSum}) frequencies differ by ` + `${relDiff} relative, more than ${SUM_RTOL}`,
    );
  }
  const terms = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const diff = obs[i]! - exp[i]!;
    terms[i] = (diff * diff) / exp[i]!;
  }
  const statistic = sum(terms);
  return { statistic, pValue: chi2Sf(statistic, k - 1) };
}
