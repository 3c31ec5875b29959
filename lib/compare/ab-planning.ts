/**
 * Planning an A/B test with statsmodels' NormalIndPower (two-sided α, power 0.8 by default):
 * - the minimum detectable effect at the current sample sizes: NormalIndPower().solve_power(
 *   effect_size=None, nobs1=n_control, ratio=n_smallest_variant/n_control, alpha, power), the
 *   standardized effect; on a binary outcome it is Cohen's h (statsmodels proportion_effectsize),
 *   reported as the absolute rate difference above the control rate it stands for
 *   (sin²(asin √p_c + h/2) − p_c); on a numeric outcome as d × the control's standard deviation.
 * - the sample size per group for a given effect (`effect`, in the same unit: a rate difference, or a
 *   difference of means), NormalIndPower().solve_power(effect_size, nobs1=None, ratio=1), not rounded.
 */
import { proportionEffectSize, proportionForEffectSize, solveEffectSize, solveNobs1 } from '../stats/power';
import type { AbGroup } from './ab-compare';
import type { AbTestResult } from './types';

export interface PlanningInput {
  alpha: number;
  power: number;
  effect?: number;
  control: AbGroup;
  others: AbGroup[];
  /** Binary outcome: the rates; numeric: the control's standard deviation (ddof 1). */
  scale: { kind: 'rate' } | { kind: 'mean'; sd: number | null };
}

/** The planning numbers and any reason one of them is null (as warnings). */
export function planAbTest(input: PlanningInput): { planning: AbTestResult['planning']; warnings: string[] } {
  const { alpha, power, effect, control, others, scale } = input;
  const warnings: string[] = [];
  const sizeOf = (g: AbGroup) => (scale.kind === 'rate' ? g.binaryN : (g.values?.length ?? 0));
  const n1 = sizeOf(control);
  const n2 = Math.min(...others.map(sizeOf));
  const rate = control.binaryN > 0 ? control.conversions / control.binaryN : null;
  const planning: AbTestResult['planning'] = { alpha, power, mdeAtCurrentN: null, unit: scale.kind, effectSize: null };
  if (!(n1 > 0 && n2 > 0)) warnings.push('planning: the minimum detectable effect needs rows with an outcome in every group');
  else {
    const h = solveEffectSize(n1, alpha, power, n2 / n1);
    planning.effectSize = h;
    if (scale.kind === 'rate' && rate !== null) {
      const upper = proportionForEffectSize(h, rate);
      if (upper === null) warnings.push(`planning: no rate above the control's ${rate} is detectable at the current n`);
      else planning.mdeAtCurrentN = upper - rate;
    } else if (scale.kind === 'mean' && scale.sd !== null && scale.sd > 0) planning.mdeAtCurrentN = h * scale.sd;
    else warnings.push('planning: the minimum detectable difference of means needs a control with a standard deviation above 0');
  }
  if (effect === undefined) return { planning, warnings };
  planning.effect = effect;
  planning.nForEffect = null;
  let size: number | null = null;
  if (scale.kind === 'rate') {
    if (rate === null || !(rate + effect >= 0 && rate + effect <= 1))
      warnings.push(`planning: effect ${effect} moves the control rate ${rate ?? '(none)'} outside 0–1`);
    else size = proportionEffectSize(rate + effect, rate);
  } else if (scale.sd !== null && scale.sd > 0) size = effect / scale.sd;
  else warnings.push('planning: the sample size for a difference of means needs a control with a standard deviation above 0');
  if (size !== null) planning.nForEffect = solveNobs1(Math.abs(size), alpha, power, 1);
  return { planning, warnings };
}
