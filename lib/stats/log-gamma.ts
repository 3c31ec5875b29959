/**
 * log Gamma and helpers near 1, ported from Cephes as shipped in scipy 1.10.1
 * (scipy/special/cephes/gamma.c `lgam`, unity.c `log1pmx`/`lgam1p`).
 */

const MACHEP = 1.1102230246251565e-16; // 2^-53
const LOGPI = 1.1447298858494002;
const LS2PI = 0.9189385332046728; // log(sqrt(2*pi))
const MAXLGM = 2.556348e305;
const EULER = 0.5772156649015329;

/** Horner evaluation, coefficients highest power first (Cephes polevl). */
function polevl(x: number, coef: readonly number[]): number {
  let ans = coef[0]!;
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i]!;
  return ans;
}

/** As polevl with an implicit leading coefficient 1 (Cephes p1evl). */
function p1evl(x: number, coef: readonly number[]): number {
  let ans = x + coef[0]!;
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i]!;
  return ans;
}

// lgam: Stirling series for x >= 13, rational B/C on [2,3] otherwise.
const A = [0.0008116141674705085, -0.0005950619042843014, 0.0007936503404577169, -0.002777777777300997, 0.08333333333333319];
const B = [-1378.2515256912086, -38801.631513463784, -331612.9927388712, -1162370.974927623, -1721737.0082083966, -853555.6642457654];
const C = [-351.81570143652345, -17064.210665188115, -220528.59055385445, -1139334.4436798252, -2532523.0717758294, -2018891.4143353277];

/**
 * log|Gamma(x)| (Cephes lgam); +Infinity at the poles x = 0, -1, -2, ...
 * Non-finite input is returned unchanged, so logGamma(-Infinity) = -Infinity
 * exactly like scipy.special.gammaln.
 */
export function logGamma(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x < -34.0) {
    // Reflection: log|Gamma(x)| = log(pi) - log|q sin(pi z)| - log Gamma(q), q = -x.
    const q = -x;
    const w = logGamma(q);
    let p = Math.floor(q);
    if (p === q) return Infinity;
    let z = q - p;
    if (z > 0.5) {
      p += 1.0;
      z = p - q;
    }
    z = q * Math.sin(Math.PI * z);
    if (z === 0.0) return Infinity;
    return LOGPI - Math.log(z) - w;
  }
  if (x < 13.0) {
    // Shift into [2,3) with the recurrence Gamma(x+1) = x Gamma(x).
    let z = 1.0;
    let p = 0.0;
    let u = x;
    while (u >= 3.0) {
      p -= 1.0;
      u = x + p;
      z *= u;
    }
    while (u < 2.0) {
      if (u === 0.0) return Infinity;
      z /= u;
      p += 1.0;
      u = x + p;
    }
    if (z < 0.0) z = -z;
    if (u === 2.0) return Math.log(z);
    p -= 2.0;
    const xs = x + p;
    return Math.log(z) + (xs * polevl(xs, B)) / p1evl(xs, C);
  }
  if (x > MAXLGM) return Infinity;
  let q = (x - 0.5) * Math.log(x) - x + LS2PI;
  if (x > 1.0e8) return q;
  const p = 1.0 / (x * x);
  if (x >= 1000.0) {
    q += ((0.0007936507936507937 * p - 0.002777777777777778) * p + 0.08333333333333333) / x;
  } else {
    q += polevl(p, A) / x;
  }
  return q;
}

/** log(1+x) - x without cancellation for small |x| (Cephes log1pmx). */
export function log1pmx(x: number): number {
  if (Math.abs(x) < 0.5) {
    let xfac = x;
    let res = 0;
    for (let n = 2; n < 500; n++) {
      xfac *= -x;
      const term = xfac / n;
      res += term;
      if (Math.abs(term) < MACHEP * Math.abs(res)) break;
    }
    return res;
  }
  return Math.log1p(x) - x;
}

/** Riemann zeta(n) for integer n >= 2 via Euler-Maclaurin (N = 10, 6 Bernoulli terms). */
function zetaInt(s: number): number {
  const N = 10;
  let sum = 0;
  for (let k = 1; k < N; k++) sum += Math.pow(k, -s);
  sum += Math.pow(N, 1 - s) / (s - 1) + 0.5 * Math.pow(N, -s);
  // B_2j / (2j)! for j = 1..6
  const b = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160, -691 / 1307674368000];
  let rising = s; // s (s+1) ... (s+2j-2)
  for (let j = 1; j <= b.length; j++) {
    sum += b[j - 1]! * rising * Math.pow(N, -s - 2 * j + 1);
    rising *= (s + 2 * j - 1) * (s + 2 * j);
  }
  return sum;
}

const ZETA: number[] = [];
for (let n = 0; n < 42; n++) ZETA.push(n < 2 ? NaN : zetaInt(n));

/** log Gamma(1+x) for |x| <= 0.5: Taylor series -gamma x + sum zeta(n)(-x)^n/n (Cephes lgam1p_taylor). */
function lgam1pTaylor(x: number): number {
  if (x === 0) return 0;
  let res = -EULER * x;
  let xfac = -x;
  for (let n = 2; n < 42; n++) {
    xfac *= -x;
    const coeff = (ZETA[n]! * xfac) / n;
    res += coeff;
    if (Math.abs(coeff) < MACHEP * Math.abs(res)) break;
  }
  return res;
}

/** log Gamma(1+x), accurate near x = 0 and x = 1 (Cephes lgam1p). */
export function lgam1p(x: number): number {
  if (Math.abs(x) <= 0.5) return lgam1pTaylor(x);
  if (Math.abs(x - 1) < 0.5) return Math.log(x) + lgam1pTaylor(x - 1);
  return logGamma(x + 1);
}
