/**
 * McNemar's test of a paired 2×2 table, as statsmodels' `mcnemar(table, exact=(b + c < 25),
 * correction=True)` (statsmodels/stats/contingency_tables.py), with b = table[0][1] and
 * c = table[1][0], the discordant counts:
 * - exact (b + c < 25): statistic min(b, c), p = min(1, 2·binom.cdf(min(b, c), b + c, 0.5));
 * - otherwise chi-square with continuity correction: (|b − c| − 1)² / (b + c), p = chi2.sf(·, 1) —
 *   not clamped at 0, so b = c gives 1/(b + c) and p < 1, as statsmodels.
 */
import { binomCdf } from './binomial-cdf';
import { chi2Sf } from './chisquare';

export interface McNemarResult {
  statistic: number;
  pValue: number;
  /** Whether the exact binomial test was used (b + c < 25). */
  exact: boolean;
}

/** Discordant counts below this use the exact binomial test. */
export const MCNEMAR_EXACT_BELOW = 25;

export function mcnemar(b: number, c: number): McNemarResult {
  if (!(Number.isInteger(b) && Number.isInteger(c) && b >= 0 && c >= 0))
    throw new RangeError(`mcnemar: discordant counts must be whole numbers ≥ 0, got ${b}, ${c}`);
  const n = b + c;
  if (n < MCNEMAR_EXACT_BELOW) {
    const statistic = Math.min(b, c);
    return { statistic, pValue: Math.min(1, 2 * binomCdf(statistic, n, 0.5)), exact: true };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  return { statistic, pValue: chi2Sf(statistic, 1), exact: false };
}
