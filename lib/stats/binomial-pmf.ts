/**
 * Logarithm of binomial-type terms C(n,k) p^k q^(n-k) that stays accurate to
 * ~1e-15 absolute even when n is in the millions, using Loader's saddle-point
 * decomposition (C. Loader, "Fast and Accurate Computation of Binomial
 * Probabilities", 2000; the algorithm behind R's dbinom_raw). The naive
 * log C(n,k) + k log p + (n-k) log q adds terms of size ~n that cancel, which
 * would cost ~n * 1e-16 of absolute accuracy.
 */

import { logGamma } from './log-gamma';

const LN_2PI = 1.8378770664093453; // log(2*pi)
const LN_SQRT_2PI = 0.9189385332046728; // log(sqrt(2*pi))

// stirlerr(n) = log(n!) - log(sqrt(2 pi n) (n/e)^n); direct evaluation is exact enough for n <= 15.
const STIRLERR_SMALL: number[] = [0];
for (let n = 1; n <= 15; n++) {
  STIRLERR_SMALL.push(logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI);
}

/** Stirling-series remainder for integer n >= 0. */
function stirlerr(n: number): number {
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n <= 15) return STIRLERR_SMALL[n]!;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term bd0(x, m) = x log(x/m) + m - x, by a series when x ~ m. */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * log( C(n,k) p^k q^(n-k) ) for integer 0 <= k <= n, given the means
 * np = n*p and nq = n*q (passed separately so callers can form them exactly;
 * p + q = 1 is assumed).
 */
export function logBinomialPmf(k: number, n: number, np: number, nq: number): number {
  if (k === 0) return np < 0.1 * n ? -bd0(n, nq) - np : n * Math.log(nq / n);
  if (k === n) return nq < 0.1 * n ? -bd0(n, np) - nq : n * Math.log(np / n);
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, np) - bd0(n - k, nq);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}
