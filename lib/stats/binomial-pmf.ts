/**
 * Logarithm of binomial-type terms C(n,k) p^k q^(n-k) that stays accurate to
 * ~1e-15 absolute even when n is in the millions, using Loader's saddle-point
 * decomposition (C. Loader, "Fast and Accurate Computation of Binomial
 * Probabilities", 2000; the algorithm behind R's dbinom_raw). The naive
 * log C(n,k) + k log p + (n-k) log q adds terms of size ~n that cancel, which
 * would cost ~n * 1e-16 of absolute accuracy.
 */

import { bd0, stirlerr } from './loader-terms';

const LN_2PI = 1.8378770664093453; // log(2*pi)

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
