/**
 * Power of a two-sample z-test, statsmodels 0.13 `NormalIndPower` (ddof 0, two-sided):
 *   n_eff = 1 / (1/n1 + 1/(n1·ratio)),  c = z_{1−α/2},
 *   power(d) = Φ(d√n_eff − c) + Φ(−d√n_eff − c)   (statsmodels' normal_power),
 * and its inverses for the effect size (minimum detectable effect) and for n1. statsmodels solves
 * them with brentq to its tolerance; we solve x = d√n_eff by Newton's method to machine precision,
 * so our values are the exact roots (statsmodels' agree to its solver tolerance, ~1e-8).
 * Effect sizes for proportions are Cohen's h, statsmodels `proportion_effectsize`.
 */
import { normCdf, normPpf } from './normal';
import { criticalValue } from './wilson';

const effectiveN = (nobs1: number, ratio: number) => 1 / (1 / nobs1 + 1 / (nobs1 * ratio));

/** Power at √n_eff·d = x: Φ(x − c) + Φ(−x − c). */
const powerAt = (x: number, crit: number) => normCdf(x - crit) + normCdf(-x - crit);

/** NormalIndPower().power(effect_size, nobs1, alpha, ratio) two-sided. */
export function normalIndPower(effectSize: number, nobs1: number, alpha: number, ratio = 1): number {
  return powerAt(effectSize * Math.sqrt(effectiveN(nobs1, ratio)), criticalValue(alpha));
}

/** The x ≥ 0 with powerAt(x) = power (power in (alpha, 1)): Newton from the one-tail solution. */
function solveX(alpha: number, power: number): number {
  if (!(alpha > 0 && alpha < 1) || !(power > alpha && power < 1)) {
    throw new RangeError(`power: needs 0 < alpha < power < 1 (got alpha ${alpha}, power ${power})`);
  }
  const crit = criticalValue(alpha);
  // powerAt is increasing in x ≥ 0 from alpha; one-tail start: x = c + z_power.
  let x = Math.max(crit + normPpf(power), 0);
  for (let i = 0; i < 50; i++) {
    const slope = (Math.exp(-0.5 * (x - crit) ** 2) - Math.exp(-0.5 * (x + crit) ** 2)) / Math.sqrt(2 * Math.PI);
    const step = (powerAt(x, crit) - power) / slope;
    if (!Number.isFinite(step)) break;
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, x)) break;
  }
  return x;
}

/** NormalIndPower().solve_power(effect_size=None, nobs1, alpha, power, ratio): the positive root. */
export function solveEffectSize(nobs1: number, alpha: number, power: number, ratio = 1): number {
  return solveX(alpha, power) / Math.sqrt(effectiveN(nobs1, ratio));
}

/** NormalIndPower().solve_power(effect_size, nobs1=None, alpha, power, ratio): n of the first group (not rounded). */
export function solveNobs1(effectSize: number, alpha: number, power: number, ratio = 1): number {
  const x = solveX(alpha, power);
  const nEff = (x / effectSize) ** 2;
  // n_eff = n1·ratio/(1 + ratio).
  return (nEff * (1 + ratio)) / ratio;
}

/** statsmodels proportion_effectsize(prop1, prop2) = 2 (asin √p1 − asin √p2) (Cohen's h). */
export function proportionEffectSize(prop1: number, prop2: number): number {
  return 2 * (Math.asin(Math.sqrt(prop1)) - Math.asin(Math.sqrt(prop2)));
}

/** The proportion p1 ≥ p2 with proportionEffectSize(p1, p2) = h ≥ 0, or null when it would pass 1. */
export function proportionForEffectSize(h: number, prop2: number): number | null {
  const angle = Math.asin(Math.sqrt(prop2)) + h / 2;
  return angle > Math.PI / 2 ? null : Math.sin(angle) ** 2;
}
