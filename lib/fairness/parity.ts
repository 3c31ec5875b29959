import type { OddsAggregation, ParityMethod, ParitySummary, RateSet } from './types';

type Rate = number | null;

function defined(values: readonly Rate[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/**
 * Fairlearn MetricFrame.difference: between_groups = max − min of the group values;
 * to_overall = max |group − overall|. Undefined groups are skipped (pandas skipna).
 */
export function differenceOf(values: readonly Rate[], overall: Rate, method: ParityMethod): Rate {
  const xs = defined(values);
  if (xs.length === 0) return null;
  if (method === 'between_groups') return Math.max(...xs) - Math.min(...xs);
  if (overall === null) return null;
  return Math.max(...xs.map((v) => Math.abs(v - overall)));
}

/**
 * Fairlearn MetricFrame.ratio: between_groups = min / max (0/0 → NaN → null); to_overall =
 * min over groups of r = group / overall, replaced by 1 / r when r > 1 (0/0 skipped, x/0 → 0).
 */
export function ratioOf(values: readonly Rate[], overall: Rate, method: ParityMethod): Rate {
  const xs = defined(values);
  if (xs.length === 0) return null;
  if (method === 'between_groups') {
    const max = Math.max(...xs);
    return max === 0 ? null : Math.min(...xs) / max;
  }
  if (overall === null) return null;
  const ratios = xs
    .map((v) => v / overall)
    .filter((r) => !Number.isNaN(r))
    .map((r) => (r > 1 ? 1 / r : r));
  return ratios.length === 0 ? null : Math.min(...ratios);
}

/**
 * Fairlearn equalized_odds_* over the TPR and FPR components: worst_case = the larger difference
 * (smaller ratio), mean = their mean. An undefined component is skipped (pandas skipna; Fairlearn's
 * built-in max/min only skips a NaN FPR component, we skip either).
 */
export function combineOdds(components: readonly Rate[], agg: OddsAggregation, kind: 'difference' | 'ratio'): Rate {
  const xs = defined(components);
  if (xs.length === 0) return null;
  if (agg === 'mean') return xs.length === 2 ? (xs[0]! + xs[1]!) / 2 : xs[0]!;
  return kind === 'difference' ? Math.max(...xs) : Math.min(...xs);
}

/** Every Fairlearn disparity metric for one method, from the per-group and overall rates. */
export function paritySummary(groups: readonly RateSet[], overall: RateSet, method: ParityMethod): ParitySummary {
  const column = (key: 'selection_rate' | 'tpr' | 'fpr'): Rate[] => groups.map((g) => g[key]);
  const dpDiff = differenceOf(column('selection_rate'), overall.selection_rate, method);
  const dpRatio = ratioOf(column('selection_rate'), overall.selection_rate, method);
  const tprDiff = differenceOf(column('tpr'), overall.tpr, method);
  const tprRatio = ratioOf(column('tpr'), overall.tpr, method);
  const fprDiff = differenceOf(column('fpr'), overall.fpr, method);
  const fprRatio = ratioOf(column('fpr'), overall.fpr, method);
  return {
    demographic_parity_difference: dpDiff,
    demographic_parity_ratio: dpRatio,
    equal_opportunity_difference: tprDiff,
    equal_opportunity_ratio: tprRatio,
    equalized_odds_difference: {
      worst_case: combineOdds([tprDiff, fprDiff], 'worst_case', 'difference'),
      mean: combineOdds([tprDiff, fprDiff], 'mean', 'difference'),
    },
    equalized_odds_ratio: {
      worst_case: combineOdds([tprRatio, fprRatio], 'worst_case', 'ratio'),
      mean: combineOdds([tprRatio, fprRatio], 'mean', 'ratio'),
    },
  };
}

/** Why a ratio of one rate is undefined, or null when it is defined. */
function ratioProblem(name: string, values: readonly Rate[], overall: Rate, method: ParityMethod): string | null {
  if (ratioOf(values, overall, method) !== null) return null;
  if (defined(values).length === 0) return `${name}: undefined in every group`;
  return method === 'between_groups' ? `${name}: 0 in every group, so min/max is 0/0` : `${name}: 0 overall and in every group (0/0)`;
}

/** Warnings for the undefined (null) ratios of a summary; differences are defined whenever any group is. */
export function parityWarnings(groups: readonly RateSet[], overall: RateSet, method: ParityMethod): string[] {
  const out: string[] = [];
  const specs: Array<[string, 'selection_rate' | 'tpr' | 'fpr', string]> = [
    ['selection rate', 'selection_rate', 'demographic_parity_ratio is null'],
    ['true positive rate', 'tpr', 'equal_opportunity_ratio is null; equalized_odds_ratio uses the FPR ratio alone'],
    ['false positive rate', 'fpr', 'equalized_odds_ratio uses the TPR ratio alone'],
  ];
  for (const [label, key, consequence] of specs) {
    const problem = ratioProblem(
      label,
      groups.map((g) => g[key]),
      overall[key],
      method,
    );
    if (problem) out.push(`${problem} — ${consequence} (${method})`);
  }
  return out;
}
