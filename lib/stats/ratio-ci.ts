/**
 * Interval of the risk ratio p1 / p2 by statsmodels 0.13's default for compare="ratio",
 * `confint_proportions_2indep(..., compare="ratio")` = method "log-adjusted": add ½ to each count
 * and each nobs (not 1 to nobs), then the log-scale Wald interval
 *   ratio' = (c1 + ½)/(n1 + ½) ÷ (c2 + ½)/(n2 + ½),
 *   var = 1/(c1 + ½) − 1/(n1 + ½) + 1/(c2 + ½) − 1/(n2 + ½),
 *   interval = exp(log ratio' ∓ z √var).
 * Finite even when a count is 0 (the adjustment's purpose).
 */
import { criticalValue } from './wilson';

/** statsmodels' log-adjusted (1 − alpha) interval of (count1/nobs1) / (count2/nobs2). */
export function ratioLogAdjustedInterval(count1: number, nobs1: number, count2: number, nobs2: number, alpha = 0.05): [low: number, high: number] {
  const addhalf = 0.5;
  const count1_ = count1 + addhalf;
  const nobs1_ = nobs1 + addhalf;
  const count2_ = count2 + addhalf;
  const nobs2_ = nobs2 + addhalf;
  const ratio_ = count1_ / nobs1_ / (count2_ / nobs2_);
  const variance = 1 / count1_ - 1 / nobs1_ + 1 / count2_ - 1 / nobs2_;
  const dLog = criticalValue(alpha) * Math.sqrt(variance);
  return [Math.exp(Math.log(ratio_) - dLog), Math.exp(Math.log(ratio_) + dLog)];
}
