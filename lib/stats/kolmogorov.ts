/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic
 * D_n: scipy.stats.kstwo.sf(x, n) in scipy 1.10.1 (scipy/stats/_ksstats.py
 * `_kolmogn`, method selection of Simard & L'Ecuyer 2011). ks_2samp uses it
 * for its asymptotic p-value with n = round(n1*n2/(n1+n2)).
 */

import { kolmogornCdfDurbin, kolmogornCdfPomeranz } from './kolmogorov-exact';
import { smirnovSf } from './smirnov';

const SQRT2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
// Stirling coefficients B_2j/(2j)/(2j-1), j = 8..1.
const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953, 0.0007936507936507937,
  -0.002777777777777778, 0.08333333333333333,
];

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** log(n!/n^n) by Stirling with n log n removed up front (scipy _log_nfactorial_div_n_pow_n). */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1.0 / n;
  let poly = 0;
  for (const c of STIRLING_COEFFS) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/**
 * Pelz-Good (1976) approximation of Pr(D_n <= x): Li-Chien/Korolyuk expansion
 * K0 + K1/sqrt(n) + K2/n + K3/n^1.5 rewritten with Jacobi theta identities.
 */
function kolmogornCdfPelzGood(n: number, x: number): number {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return 0.0;
  let q = Math.exp(qlog);

  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;

  // Horner scheme in q^(8k) for sums of c_m q^(m^2) over odd m = 2k-1.
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    K[0] = K[0]! * qpower + 1.0;
    K[1] = K[1]! * qpower + (k1a + k1b * msquared);
    K[2] = K[2]! * qpower + (k2a + k2b * msquared + k2c * mfour);
    K[3] = K[3]! * qpower + (k3a + k3b * msquared + k3c * mfour + k3d * msix);
  }
  const denoms = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i]! * q * SQRT2PI) / denoms[i]!;

  // Extra K2/K3 terms summed over all integers k (no cancellation expected).
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksq = k * k;
    const qp = Math.pow(q, ksq);
    const kspi = Math.PI * k;
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  K[2] = K[2]! + k2extra * ((PI_SQUARED * SQRT2PI) / (-36 * zthree));
  K[3] = K[3]! + k3extra * ((PI_SQUARED * SQRT2PI) / (216 * zsix));
  let total = 0;
  for (let i = 0; i < 4; i++) total += K[i]! / Math.pow(n, i / 2.0);
  return total;
}

/** Pr(D_n > x) for integer n >= 1 (scipy _kolmogn with cdf=False). */
function kolmognSf(n: number, x: number): number {
  if (x >= 1.0) return 0.0;
  if (x <= 0.0) return 1.0;
  const t = n * x;
  if (t <= 1.0) {
    // Ruben-Gambino: cdf = n!/n^n (2t-1)^n for 1/2n <= x <= 1/n.
    if (t <= 0.5) return 1.0;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1.0 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1.0 - prob);
  }
  if (t >= n - 1) return clip01(2 * Math.pow(1.0 - x, n)); // Ruben-Gambino upper end
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x)); // one-sided events are disjoint here

  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip01(1.0 - kolmogornCdfDurbin(n, x));
    if (nxsquared <= 4) return clip01(1.0 - kolmogornCdfPomeranz(n, x));
    return clip01(2 * smirnovSf(n, x)); // Miller approximation
  }
  if (nxsquared >= 370.0) return 0.0;
  if (nxsquared >= 2.2) return clip01(2 * smirnovSf(n, x));
  const cdf = n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? kolmogornCdfDurbin(n, x) : kolmogornCdfPelzGood(n, x);
  return clip01(1.0 - cdf);
}

/**
 * scipy.stats.kstwo.sf(x, n): NaN unless n is a positive integer, 1 on the
 * lower support edge x <= 0.5/n, 0 for x >= 1.
 */
export function kstwoSf(x: number, n: number): number {
  if (Number.isNaN(x) || !(n >= 1) || n !== Math.round(n)) return NaN;
  if (x <= 0.5 / n) return 1.0;
  if (x >= 1.0) return 0.0;
  return kolmognSf(n, x);
}
