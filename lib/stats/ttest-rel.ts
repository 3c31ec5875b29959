/**
 * Paired t-test, scipy.stats.ttest_rel(a, b) two-sided (scipy 1.10): d = a − b,
 * t = mean(d)/√(var(d, ddof 1)/n), df = n − 1, p = 2·P(T_df > |t|). Where scipy gives NaN or ±inf
 * (fewer than two pairs, constant differences) the result is null with the reason.
 */
import { meanVar } from './t-test';
import { tSf } from './student-t';

export interface PairedTResult {
  statistic: number | null;
  pValue: number | null;
  df: number;
  reason?: string;
}

export function tTestRel(a: ArrayLike<number>, b: ArrayLike<number>): PairedTResult {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`tTestRel: ${n} and ${b.length} values — give paired samples of one length`);
  const df = n - 1;
  if (n < 2) return { statistic: null, pValue: null, df, reason: 'fewer than two pairs' };
  const d = Float64Array.from({ length: n }, (_, i) => a[i]! - b[i]!);
  const [mean, variance] = meanVar(d);
  if (!(variance > 0)) return { statistic: null, pValue: null, df, reason: 'the paired differences are constant (zero variance)' };
  const statistic = mean / Math.sqrt(variance / n);
  return { statistic, pValue: tSf(Math.abs(statistic), df) * 2, df };
}
