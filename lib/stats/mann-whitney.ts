/**
 * Mann-Whitney U test matching scipy.stats.mannwhitneyu(x, y,
 * use_continuity=True, alternative='two-sided', method='auto') of scipy
 * 1.10.1 (scipy/stats/_mannwhitneyu.py).
 *
 * method='auto' rule (_mwu_choose_method): the normal approximation is used
 * when BOTH samples have more than 8 values, or when there is any tie in the
 * pooled data; otherwise (some sample has <= 8 values and no ties) the exact
 * null distribution is used. (The scipy docstring says "less than 8"; the
 * code says n1 > 8 and n2 > 8, which is what we follow.)
 *
 * Both paths use U = max(U1, U2) and p = 2 sf(U), clipped to 1.
 * Asymptotic: z = (U - n1 n2/2 - 0.5) / sigma with the tie-corrected
 *   sigma^2 = n1 n2 / 12 ((n + 1) - sum(t^3 - t) / (n (n - 1))).
 *   When every value is equal, sigma = 0, z = -Infinity and p = 1.
 * Exact: the count of arrangements with U = k is the coefficient of q^k in
 *   the Gaussian binomial [n1 + n2 choose n1]_q (the recurrence scipy's _MWU
 *   evaluates); we expand it as prod_i (1 - q^(L+i)) / (1 - q^i), i = 1..s,
 *   s = min(n1, n2) <= 8, truncated at degree K = min(U1, U2): O(s K) work.
 *
 * Ranks come from sorted copies merged in one pass: O(N log N) for
 * N = n1 + n2. Inputs must be free of NaN (scipy raises) and non-empty.
 */

import { normSf } from './normal';
import { numpySum } from './numpy-sum';

export interface MannWhitneyResult {
  /** U statistic of the first sample: R1 - n1 (n1 + 1) / 2 with average ranks. */
  statistic: number;
  pValue: number;
  /** Which null distribution scipy's method='auto' picked (and we used). */
  method: 'exact' | 'asymptotic';
}

const TWO53 = 9007199254740992;

/** Exact sum of t^3 - t over tie groups, rounded once to double like numpy's int64 sum. */
class TieTerm {
  private small = 0; // exact while < 2^53
  private big = 0n;

  add(t: number): void {
    if (t < 200000) {
      const term = t * t * t - t; // < 8e15 < 2^53: exact
      if (this.small + term >= TWO53) {
        this.big += BigInt(this.small);
        this.small = 0;
      }
      this.small += term;
    } else {
      const bt = BigInt(t);
      this.big += bt * bt * bt - bt;
    }
  }

  value(): number {
    return this.big === 0n ? this.small : Number(this.big + BigInt(this.small));
  }
}

/** P(U <= k) under H0 for sample sizes (m, n), no ties. */
function exactCdf(k: number, m: number, n: number): number {
  const s = Math.min(m, n);
  const L = Math.max(m, n);
  const c = new Float64Array(k + 1);
  c[0] = 1;
  for (let i = 1; i <= s; i++) {
    // Divide by (1 - q^i): prefix sums with stride i.
    for (let j = i; j <= k; j++) c[j]! += c[j - i]!;
    // Multiply by (1 - q^(L+i)), descending so old coefficients are used.
    const shift = L + i;
    for (let j = k; j >= shift; j--) c[j]! -= c[j - shift]!;
  }
  let count = 0;
  for (let j = 0; j <= k; j++) count += c[j]!;
  // binom(m + n, s) as a product; relative error ~ s ulps.
  let total = 1;
  for (let i = 1; i <= s; i++) total = (total * (L + i)) / i;
  return count / total;
}

/** scipy.stats.mannwhitneyu(x, y) two-sided with scipy 1.10 defaults. */
export function mannWhitneyU(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU: `x` and `y` must be of nonzero size.');
  const xy = new Float64Array(n1 + n2);
  xy.set(x);
  xy.set(y, n1);
  for (let k = 0; k < xy.length; k++) {
    if (Number.isNaN(xy[k]!)) throw new RangeError('mannWhitneyU: `x` and `y` must not contain NaNs.');
  }
  // scipy's rankdata detects NaN via np.isnan(np.sum(xy)), so data holding both +Infinity and
  // -Infinity (or finite values whose partial sums overflow both ways) ranks as all-NaN and
  // mannwhitneyu returns U = NaN, p = NaN. Same summation order here, same outcome.
  const nanRanks = Number.isNaN(numpySum(xy));
  const xs = xy.subarray(0, n1).sort();
  const ys = xy.subarray(n1).sort();
  // Merge: each group of equal values gets the average rank pos + (t + 1) / 2.
  let i = 0;
  let j = 0;
  let pos = 0;
  let r1 = 0;
  let ties = false;
  const tie = new TieTerm();
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && xs[i]! < ys[j]!) ? xs[i]! : ys[j]!;
    let cx = 0;
    let cy = 0;
    while (i < n1 && xs[i] === v) {
      i++;
      cx++;
    }
    while (j < n2 && ys[j] === v) {
      j++;
      cy++;
    }
    const t = cx + cy;
    r1 += cx * (pos + (t + 1) / 2); // multiples of 1/2 below 2^52: exact, as scipy's sum
    if (t > 1) {
      ties = true;
      tie.add(t);
    }
    pos += t;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = Math.max(u1, u2);
  let p: number;
  const method = (n1 > 8 && n2 > 8) || ties ? 'asymptotic' : 'exact';
  if (nanRanks) return { statistic: NaN, pValue: NaN, method };
  if (method === 'asymptotic') {
    const n = n1 + n2;
    const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tie.value() / (n * (n - 1))));
    const z = (u - (n1 * n2) / 2 - 0.5) / sigma;
    p = 2 * normSf(z);
  } else {
    // sf(U) = cdf(n1 n2 - U) by symmetry (scipy _MWU.sf).
    p = 2 * exactCdf(n1 * n2 - u, n1, n2);
  }
  return { statistic: u1, pValue: Math.min(Math.max(p, 0), 1), method };
}
