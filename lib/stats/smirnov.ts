/**
 * Survival function of the one-sided one-sample Kolmogorov-Smirnov statistic
 * D+_n, i.e. scipy.special.smirnov(n, x) (scipy 1.10.1, cephes/kolmogorov.c
 * `_smirnov`). Same case analysis, term selection and early termination as
 * scipy; the Birnbaum-Tingey terms are evaluated in log space (binomial terms
 * with Loader's saddle-point form) instead of scipy's double-double
 * arithmetic, since the binomial coefficients overflow doubles for large n.
 */

import { logBinomialPmf } from './binomial-pmf';

const MINLOG = -708.3964185322641; // log(2^-1022)
const SMIRNOV_MAX_COMPUTE_N = 1000000;
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
const EPS = 2.220446049250313e-16;

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** Exact error term of a*b (Dekker two-product), so floor(n*x) is computed exactly. */
function twoProdErr(a: number, b: number, p: number): number {
  const SPLIT = 134217729; // 2^27 + 1
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

interface ModNX {
  nxfl: number; // floor(n*x)
  alpha: number; // n*x - floor(n*x), in [0, 1)
}

/** floor(n*x) and its remainder, rounded up when the remainder is within rounding of 1 (scipy modNX). */
function modNX(n: number, x: number): ModNX {
  const p = n * x;
  const e = twoProdErr(n, x, p);
  let nxfl = Math.floor(p);
  let alpha = p - nxfl + e;
  if (alpha < 0) {
    nxfl -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    nxfl += 1;
    alpha = 0;
  }
  return { nxfl, alpha };
}

/**
 * log|A_v| for the Birnbaum-Tingey term A_v = C(n,v) (x+v/n)^(v-1) (1-x-v/n)^(n-v).
 * The bases are written as (nxfl+v+alpha)/n and (n-nxfl-v-alpha)/n so nothing
 * cancels near v = n(1-x). In the lower sum the two bases add up to 1, so A_v
 * is a binomial pmf divided by (x+v/n) and Loader's accurate log-pmf applies;
 * the upper sum (base 1-x-v/n < 0, at most 3 terms near v = n) uses plain logs.
 */
function logAbsTerm(n: number, v: number, nxfl: number, alpha: number, upper: boolean): number {
  const nUp = nxfl + v + alpha;
  const nDown = n - nxfl - v - alpha;
  if (!upper) return logBinomialPmf(v, n, nUp, nDown) - Math.log(nUp / n);
  // log C(n, v) = log C(n, n-v) with n - v <= 3: a short exact product, no lgamma cancellation.
  let logC = 0;
  for (let i = 0; i < n - v; i++) logC += Math.log((n - i) / (i + 1));
  const lDown = n - v === 0 ? 0 : (n - v) * Math.log(Math.abs(nDown / n));
  const lUp = v - 1 === 0 ? 0 : (v - 1) * Math.log(nUp / n);
  return logC + lDown + lUp;
}

/** scipy.special.smirnov(n, x) = P(D+_n >= x). */
export function smirnovSf(n: number, x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (!(n > 0 && x >= 0.0 && x <= 1.0) || n !== Math.floor(n)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0.0) return 1.0;
  if (x === 1.0) return 0.0;

  const { nxfl, alpha } = modNX(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  // When n*x is an integer the boundary term belongs to neither sum.
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }

  // x <= 1/n: cdf = x (1+x)^(n-1).
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const t = Math.exp((n - 1) * Math.log1p(x));
    return clip01(1 - x * t);
  }
  if (-2 * n * x * x < MINLOG) return 0;
  // x >= 1 - 1/n: sf = (1-x)^n.
  if (nxfl >= n - 1) return clip01(Math.exp(n * Math.log1p(-x)));
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    // p ~ exp(-(6nx+1)^2 / 18n) for very large n (scipy's shortcut).
    const logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
    return clip01(logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }

  // Few alternating upper terms are cheaper and accurate when x is small.
  const nUpperTerms = n - n1mxceil + 1;
  const useUpper = (nUpperTerms <= 1 && x < 0.5) || (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  const start = useUpper ? n : 0;
  const step = useUpper ? -1 : 1;
  const nTerms = useUpper ? n - n1mxceil + 1 : n1mxfl + 1;
  const vmid = Math.floor(n / 2);
  // Sum is kept as sum * exp(ref) to survive terms far outside double range.
  let ref = NaN;
  let sum = 0;
  for (let j = 0; j < nTerms; j++) {
    const v = start + j * step;
    const lt = logAbsTerm(n, v, nxfl, alpha, useUpper);
    // (1-x-v/n) < 0 only in the upper sum; odd powers of it flip the sign.
    const sign = n - nxfl - v - alpha < 0 && (n - v) % 2 === 1 ? -1 : 1;
    let aj = 0;
    if (lt > -Infinity) {
      if (Number.isNaN(ref)) ref = lt;
      if (lt > ref + 600) {
        sum *= Math.exp(ref - lt);
        ref = lt;
      }
      aj = sign * Math.exp(lt - ref);
      sum += aj;
    }
    // Same stopping rule as scipy: remaining terms cannot matter.
    if (aj !== 0) {
      if (4 * (nTerms - j) * Math.abs(aj) < EPS * sum && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
  }
  // x * sum * e^ref, combined in log space: e^ref alone may underflow.
  const prob = sum === 0 ? 0 : Math.sign(sum) * Math.exp(Math.log(Math.abs(sum)) + ref + Math.log(x));
  return clip01(useUpper ? 1 - prob : prob);
}
