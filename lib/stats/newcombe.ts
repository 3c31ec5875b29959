/**
 * Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, method 10), statsmodels 0.13
 * `confint_proportions_2indep(count1, nobs1, count2, nobs2, compare="diff", method="newcomb")`:
 * with Wilson intervals (l1, u1), (l2, u2) of each proportion,
 *   low = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²),  high = (p1 − p2) + √((p2 − l2)² + (u1 − p1)²).
 */
import { wilsonInterval } from './wilson';

/** Newcombe (1 − alpha) interval of count1/nobs1 − count2/nobs2. */
export function newcombeInterval(count1: number, nobs1: number, count2: number, nobs2: number, alpha = 0.05): [low: number, high: number] {
  const p1 = count1 / nobs1;
  const p2 = count2 / nobs2;
  const diff = p1 - p2;
  const [low1, upp1] = wilsonInterval(count1, nobs1, alpha);
  const [low2, upp2] = wilsonInterval(count2, nobs2, alpha);
  const dLow = Math.sqrt((p1 - low1) ** 2 + (upp2 - p2) ** 2);
  const dUpp = Math.sqrt((p2 - low2) ** 2 + (upp1 - p1) ** 2);
  return [diff - dLow, diff + dUpp];
}
