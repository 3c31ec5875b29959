/**
 * Standard normal distribution: cdf, survival function and quantile.
 *
 * normCdf follows scipy.special.ndtr (Cephes ndtr.c: erf for |x| < 1, erfc
 * rational approximations otherwise) with one accuracy improvement: Cephes
 * forms exp(-z^2) from z = x/sqrt(2), whose rounding costs ~z^2 ulps (1e-13
 * relative at x = 37). We evaluate exp(-x^2/2) from an exact split of x^2,
 * so the tails keep ~1e-15 relative accuracy down to ~1e-300.
 */

const SQRT1_2 = Math.SQRT1_2;

// Cephes ndtr.c erfc rational approximations: P/Q on [1, 8), R/S on [8, inf).
const P = [
  2.461969814735305e-10, 0.5641895648310689, 7.463210564422699, 48.63719709856814, 196.5208329560771, 526.4451949954773, 934.5285271719576, 1027.5518868951572,
  557.5353353693994,
];
const Q = [
  13.228195115474499, 86.70721408859897, 354.9377788878199, 975.7085017432055, 1823.9091668790973, 2246.3376081871097, 1656.6630919416134, 557.5353408177277,
];
const R = [0.5641895835477551, 1.275366707599781, 5.019050422511805, 6.160210979930536, 7.4097426995044895, 2.9788666537210022];
const S = [2.2605286322011726, 9.396035249380015, 12.048953980809666, 17.08144507475659, 9.608968090632859, 3.369076451000815];
// erf(x) = x T(x^2) / U(x^2) on [0, 1].
const T = [9.604973739870516, 90.02601972038427, 2232.005345946843, 7003.325141128051, 55592.30130103949];
const U = [33.56171416475031, 521.3579497801527, 4594.323829709801, 22629.000061389095, 49267.39426086359];

function polevl(x: number, coef: readonly number[]): number {
  let ans = coef[0]!;
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i]!;
  return ans;
}

function p1evl(x: number, coef: readonly number[]): number {
  let ans = x + coef[0]!;
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i]!;
  return ans;
}

/** erf(z) for |z| <= 1 (Cephes erf). */
function erfSmall(z: number): number {
  const zz = z * z;
  return (z * polevl(zz, T)) / p1evl(zz, U);
}

/** exp(-x^2/2) with x^2 split exactly into hi + lo (Dekker), so no ulps are lost in the exponent. */
function expNegHalfSquare(x: number): number {
  const c = 134217729 * x; // 2^27 + 1
  const hi = c - (c - x);
  const lo = x - hi;
  const h = hi * hi; // exact: hi has <= 26 significant bits
  const l = (2 * hi + lo) * lo;
  return Math.exp(-0.5 * h) * Math.exp(-0.5 * l);
}

/** P(Z > x) for x >= 1, i.e. erfc(x/sqrt 2)/2 with z = x/sqrt 2 >= 1/sqrt 2. */
function upperTail(x: number): number {
  const z = x * SQRT1_2;
  if (z < 1) return 0.5 * (1 - erfSmall(z)); // Cephes erfc: 1 - erf(z) below 1
  if (x > 40) return 0; // exp(-800) underflows; Cephes UTHRESH is 37.52 for the cdf argument
  const ratio = z < 8 ? polevl(z, P) / p1evl(z, Q) : polevl(z, R) / p1evl(z, S);
  return 0.5 * expNegHalfSquare(x) * ratio;
}

/** Standard normal cdf Phi(x) (scipy.special.ndtr / stats.norm.cdf). */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) < 1) return 0.5 + 0.5 * erfSmall(x * SQRT1_2);
  return x < 0 ? upperTail(-x) : 1 - upperTail(x);
}

/** Standard normal survival function 1 - Phi(x) = Phi(-x) (stats.norm.sf), accurate in the upper tail. */
export function normSf(x: number): number {
  return normCdf(-x);
}

// Acklam's rational approximation to the normal quantile (relative error < 1.15e-9), refined below.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549671058328356, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's initial guess for the lower-tail quantile, p <= 0.5. */
function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polevl(q, C) / (polevl(q, D) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (polevl(r, A) * q) / (polevl(r, B) * r + 1);
}

/**
 * Standard normal quantile Phi^-1(p) (stats.norm.ppf): Acklam's approximation
 * plus two Halley steps on the tail probability, ~1e-15 relative.
 */
export function normPpf(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Work in the lower tail so that the residual p - Phi(x) is computed without cancellation.
  const lower = p < 0.5;
  const tail = lower ? p : 1 - p;
  let x = acklamLower(tail);
  for (let i = 0; i < 2; i++) {
    const e = normCdf(x) - tail;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x); // e / phi(x)
    if (!Number.isFinite(u)) break;
    x -= u / (1 + 0.5 * x * u);
  }
  return lower ? x : -x;
}
