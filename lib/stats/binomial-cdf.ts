/**
 * Binomial cumulative distribution P(X ≤ k), X ~ Binomial(n, p): scipy.stats.binom.cdf, which
 * (cephes bdtr) evaluates I_{1−p}(n − k, k + 1), the regularized incomplete beta.
 */
import { betaInc } from './beta';

export function binomCdf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || Number.isNaN(n) || Number.isNaN(p) || n < 0 || p < 0 || p > 1) return NaN;
  const j = Math.floor(k);
  if (j < 0) return 0;
  if (j >= n) return 1;
  if (j === 0) return Math.pow(1 - p, n);
  return betaInc(n - j, j + 1, 1 - p);
}
