/**
 * Wilson score interval of a binomial proportion, statsmodels 0.13
 * `proportion_confint(count, nobs, alpha, method="wilson")` operation for operation:
 *   c = z_{1-α/2}, d = 1 + c²/n, center = (q + c²/(2n)) / d,
 *   half = c √(q(1 − q)/n + c²/(4n²)) / d, interval = center ∓ half (not clipped; statsmodels
 *   clips only its normal and Agresti–Coull intervals).
 */
import { normPpf } from './normal';

/** statsmodels' critical value stats.norm.isf(alpha / 2) (= −ppf(alpha / 2)). */
export function criticalValue(alpha: number): number {
  return -normPpf(alpha / 2);
}

/** Wilson (1 − alpha) interval of count / nobs, nobs ≥ 1. */
export function wilsonInterval(count: number, nobs: number, alpha = 0.05): [low: number, high: number] {
  if (!(nobs >= 1) || !(count >= 0 && count <= nobs)) throw new RangeError(`wilsonInterval: needs 0 <= count <= nobs, nobs >= 1 (got ${count} of ${nobs})`);
  const q = (count * 1) / nobs;
  const crit = criticalValue(alpha);
  const crit2 = crit ** 2;
  const denom = 1 + crit2 / nobs;
  const center = (q + crit2 / (2 * nobs)) / denom;
  let dist = crit * Math.sqrt((q * (1 - q)) / nobs + crit2 / (4 * nobs ** 2));
  dist /= denom;
  return [center - dist, center + dist];
}
