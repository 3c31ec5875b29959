/**
 * Regularized incomplete gamma functions (and a re-export of logGamma),
 * ported from the Cephes library as shipped in scipy 1.10.1
 * (scipy/special/cephes: igam.c `igam`/`igamc`, lanczos.c).
 *
 * Deliberate differences, all making results more accurate (checked against
 * 40-digit mpmath: worst relative error ~3e-13 over a = 1e-3 .. 1e6):
 * - Cephes switches to Temme's uniform asymptotic expansion (a 25x25
 *   coefficient table) when a ~ x and a > 20. We let the power series /
 *   continued fraction run to convergence instead (O(sqrt(a)) terms), which
 *   also removes Cephes' 2000-iteration truncation (scipy's gammainc(1e6,
 *   9.9e5) is 2e-10 off for that reason).
 * - igamFac uses the cancellation-free Lanczos form in the upper tail of
 *   large a (see there).
 */

import { lgam1p, log1pmx, logGamma } from './log-gamma';

export { logGamma } from './log-gamma';

const MACHEP = 1.1102230246251565e-16; // 2^-53
const MAXLOG = 709.782712893384; // log(DBL_MAX)

// Lanczos approximation N=13, g ~ 6.0247 (Boost via Cephes lanczos.h).
const LANCZOS_G = 6.02468004077673;
const LANCZOS_EXPG_NUM = [
  0.006061842346248907, 0.5098416655656676, 19.519927882476175, 449.9445569063168, 6955.999602515376, 75999.29304014542, 601859.6171681099, 3481712.154980646,
  14605578.087685067, 43338889.32467614, 86363131.2881386, 103794043.11634454, 56906521.913471565,
];
const LANCZOS_DENOM = [1, 66, 1925, 32670, 357423, 2637558, 13339535, 45995730, 105258076, 150917976, 120543840, 39916800, 0];

/** Rational function num(x)/den(x), evaluated in 1/x when |x| > 1 (Cephes ratevl). */
function ratevl(x: number, num: readonly number[], den: readonly number[]): number {
  const m = num.length - 1;
  const n = den.length - 1;
  const big = Math.abs(x) > 1;
  const y = big ? 1 / x : x;
  let nAns = 0;
  let dAns = 0;
  for (let i = 0; i <= m; i++) nAns = nAns * y + num[big ? m - i : i]!;
  for (let i = 0; i <= n; i++) dAns = dAns * y + den[big ? n - i : i]!;
  return big ? (Math.pow(x, n - m) * nAns) / dAns : nAns / dAns;
}

/**
 * x^a e^-x / Gamma(a) (Cephes igam_fac). Cephes uses the Lanczos + log1pmx
 * form (Boost eq. 15/16) only for |a - x| <= 0.4a; we also use it for the
 * upper tail x > a >= 200, where exp(a log x - x - lgam(a)) loses ~a*eps to
 * cancellation (1e-11 relative at chi2 df = 1e4; the Lanczos form stays ~1e-13).
 */
function igamFac(a: number, x: number): number {
  if (Math.abs(a - x) > 0.4 * Math.abs(a) && !(a >= 200 && x > a)) {
    const ax = a * Math.log(x) - x - logGamma(a);
    if (ax < -MAXLOG) return 0.0;
    return Math.exp(ax);
  }
  const fac = a + LANCZOS_G - 0.5;
  let res = Math.sqrt(fac / Math.E) / ratevl(a, LANCZOS_EXPG_NUM, LANCZOS_DENOM);
  if (a < 200 && x < 200) {
    res *= Math.exp(a - x) * Math.pow(x / fac, a);
  } else {
    const num = x - a - LANCZOS_G + 0.5;
    res *= Math.exp(a * log1pmx(num / fac) + (x * (0.5 - LANCZOS_G)) / fac);
  }
  return res;
}

/** Iteration cap: Cephes uses 2000; near a ~ x the series needs ~9 sqrt(a) terms. */
function maxIter(a: number): number {
  return Math.max(2000, Math.ceil(20 * Math.sqrt(a)));
}

/** P(a,x) by the power series DLMF 8.11.4. */
function igamSeries(a: number, x: number): number {
  const ax = igamFac(a, x);
  if (ax === 0.0) return 0.0;
  let r = a;
  let c = 1.0;
  let ans = 1.0;
  const iters = maxIter(a);
  for (let i = 0; i < iters; i++) {
    r += 1.0;
    c *= x / r;
    ans += c;
    if (c <= MACHEP * ans) break;
  }
  return (ans * ax) / a;
}

/** Q(a,x) for small x by DLMF 8.7.3, arranged to avoid cancellation (Cephes igamc_series). */
function igamcSeries(a: number, x: number): number {
  let fac = 1;
  let sum = 0;
  for (let n = 1; n < 2000; n++) {
    fac *= -x / n;
    const term = fac / (a + n);
    sum += term;
    if (Math.abs(term) <= MACHEP * Math.abs(sum)) break;
  }
  const logx = Math.log(x);
  const term = -Math.expm1(a * logx - lgam1p(a));
  return term - Math.exp(a * logx - logGamma(a)) * sum;
}

/** Q(a,x) by the continued fraction DLMF 8.9.2 (Cephes igamc_continued_fraction). */
function igamcContinuedFraction(a: number, x: number): number {
  const BIG = 4503599627370496;
  const BIGINV = 2.220446049250313e-16;
  const ax = igamFac(a, x);
  if (ax === 0.0) return 0.0;
  let y = 1.0 - a;
  let z = x + y + 1.0;
  let c = 0.0;
  let pkm2 = 1.0;
  let qkm2 = x;
  let pkm1 = x + 1.0;
  let qkm1 = z * x;
  let ans = pkm1 / qkm1;
  const iters = maxIter(a);
  for (let i = 0; i < iters; i++) {
    c += 1.0;
    y += 1.0;
    z += 2.0;
    const yc = y * c;
    const pk = pkm1 * z - pkm2 * yc;
    const qk = qkm1 * z - qkm2 * yc;
    let t = 1.0;
    if (qk !== 0) {
      const r = pk / qk;
      t = Math.abs((ans - r) / r);
      ans = r;
    }
    pkm2 = pkm1;
    pkm1 = pk;
    qkm2 = qkm1;
    qkm1 = qk;
    if (Math.abs(pk) > BIG) {
      pkm2 *= BIGINV;
      pkm1 *= BIGINV;
      qkm2 *= BIGINV;
      qkm1 *= BIGINV;
    }
    if (t <= MACHEP) break;
  }
  return ans * ax;
}

/** Regularized upper incomplete gamma Q(a,x) = Gamma(a,x)/Gamma(a) (scipy gammaincc). */
export function gammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  if (x < 0 || a < 0) return NaN;
  if (a === 0) return x > 0 ? 0 : NaN;
  if (x === 0) return 1;
  if (a === Infinity) return x === Infinity ? NaN : 1;
  if (x === Infinity) return 0;
  // Branch choice follows Cephes igamc (see [Boost igamma] domains).
  if (x > 1.1) {
    return x < a ? 1.0 - igamSeries(a, x) : igamcContinuedFraction(a, x);
  }
  if (x <= 0.5) {
    return -0.4 / Math.log(x) < a ? 1.0 - igamSeries(a, x) : igamcSeries(a, x);
  }
  return x * 1.1 < a ? 1.0 - igamSeries(a, x) : igamcSeries(a, x);
}

/** Regularized lower incomplete gamma P(a,x) = gamma(a,x)/Gamma(a) (scipy gammainc). */
export function gammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  if (x < 0 || a < 0) return NaN;
  if (a === 0) return x > 0 ? 1 : NaN;
  if (x === 0) return 0;
  if (a === Infinity) return x === Infinity ? NaN : 0;
  if (x === Infinity) return 1;
  if (x > 1.0 && x > a) return 1.0 - gammaQ(a, x);
  return igamSeries(a, x);
}
