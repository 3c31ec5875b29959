import { AnalysisError } from '../errors';
import { computeDisparities, disparityWarnings } from './disparity';
import { confusionByGroup, ratesOf, undefinedRateWarnings } from './group-metrics';
import { paritySummary, parityWarnings } from './parity';
import { prepareRows } from './prepare';
import { computeReweighing } from './reweighing';
import { computeThresholds } from './thresholds';
import type { FairnessInput, FairnessOptions, FairnessResult, GroupRates, OddsAggregation, ParityMethod, UndefinedRatePolicy } from './types';

function checkChoice<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new AnalysisError('bad-option', `${name}: ${JSON.stringify(value)} — use ${allowed.map((a) => `"${a}"`).join(' or ')}`);
  }
  return value;
}

/**
 * Group fairness of binary predictions as Fairlearn computes it (MetricFrame by_group with
 * sample_weight; demographic parity, equal opportunity and equalized odds differences and ratios),
 * Aequitas-style disparities against a reference group, and two mitigation suggestions:
 * Kamiran–Calders reweighing and per-group thresholds (when scores are given).
 */
export function computeFairness(input: FairnessInput, options: FairnessOptions = {}): FairnessResult {
  const method: ParityMethod = checkChoice('method', options.method ?? 'between_groups', ['between_groups', 'to_overall']);
  const agg: OddsAggregation = checkChoice('agg', options.agg ?? 'worst_case', ['worst_case', 'mean']);
  const policy: UndefinedRatePolicy = checkChoice('undefinedRates', options.undefinedRates ?? 'zero', ['zero', 'null']);
  const data = prepareRows(input, options.posLabel);
  const warnings = [...data.warnings];

  const table = confusionByGroup(data.yTrue, data.yPred, data.weight, data.groupOf, data.groups.length);
  const rates = table.byGroup.map((c) => ratesOf(c, policy));
  const overall = ratesOf(table.overall, policy);
  const groups: GroupRates[] = data.groups.map((g, i) => ({ group: g.group, values: g.values, ...rates[i]! }));
  table.byGroup.forEach((c, i) => warnings.push(...undefinedRateWarnings(`group ${JSON.stringify(data.groups[i]!.group)}`, c, policy)));
  warnings.push(...undefinedRateWarnings('overall', table.overall, policy));

  const parity = { between_groups: paritySummary(rates, overall, 'between_groups'), to_overall: paritySummary(rates, overall, 'to_overall') };
  warnings.push(...parityWarnings(rates, overall, method));
  const chosen = parity[method];

  const disparities = computeDisparities(data.groups, table.byGroup, { referenceGroup: options.referenceGroup, band: options.disparityBand });
  warnings.push(...disparityWarnings(disparities));

  const thresholds =
    input.scores && options.thresholds !== false ? computeThresholds(data, input.scores, options.thresholds ?? {}, { method, agg, policy }, warnings) : null;

  return {
    kind: 'fairness',
    schemaVersion: 1,
    sensitive: data.sensitive,
    pos_label: data.posLabel,
    labels: data.labels,
    method,
    agg,
    undefined_rates: policy,
    groups,
    demographic_parity_difference: chosen.demographic_parity_difference,
    demographic_parity_ratio: chosen.demographic_parity_ratio,
    equal_opportunity_difference: chosen.equal_opportunity_difference,
    equal_opportunity_ratio: chosen.equal_opportunity_ratio,
    equalized_odds_difference: chosen.equalized_odds_difference[agg],
    equalized_odds_ratio: chosen.equalized_odds_ratio[agg],
    overall,
    parity,
    disparities,
    reweighing: computeReweighing(data),
    thresholds,
    warnings,
    excluded_rows: data.excluded,
  };
}
