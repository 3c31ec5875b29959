/** The fairness cell's view rows, shared by the app's cell and the report section. */
import type { FairnessResult, RateSet, ThresholdResult } from '../../fairness/types';
import { formatCount } from '../../format';
import type { FairnessCellResult } from '../kinds/fairness';
import { formatMetric, type MetricRow, type MetricUnit } from './metric-rows';

type Aggregate =
  | 'demographic_parity_difference'
  | 'demographic_parity_ratio'
  | 'equal_opportunity_difference'
  | 'equal_opportunity_ratio'
  | 'equalized_odds_difference'
  | 'equalized_odds_ratio';

const AGGREGATES: readonly [id: Aggregate, label: string][] = [
  ['demographic_parity_difference', 'Demographic parity difference'],
  ['demographic_parity_ratio', 'Demographic parity ratio'],
  ['equal_opportunity_difference', 'Equal opportunity difference'],
  ['equal_opportunity_ratio', 'Equal opportunity ratio'],
  ['equalized_odds_difference', 'Equalized odds difference'],
  ['equalized_odds_ratio', 'Equalized odds ratio'],
];

/** The per-group table's columns (Fairlearn MetricFrame.by_group). */
export const GROUP_METRICS: readonly [id: keyof RateSet, label: string, unit: MetricUnit][] = [
  ['count', 'Count', 'count'],
  ['selection_rate', 'Selection rate', 'score'],
  ['tpr', 'TPR', 'score'],
  ['fpr', 'FPR', 'score'],
  ['fnr', 'FNR', 'score'],
  ['tnr', 'TNR', 'score'],
  ['precision', 'Precision', 'score'],
  ['accuracy', 'Accuracy', 'score'],
];

/** The six Fairlearn aggregates (the chosen method and aggregation): differences want 0, ratios 1. */
export function fairnessAggregateRows(result: FairnessCellResult): MetricRow[] {
  const { reference: ref, current: cur } = result;
  return AGGREGATES.map(([id, label]) => ({
    id,
    label,
    better: id.endsWith('ratio') ? 'higher' : 'lower',
    reference: ref[id],
    ...(cur ? { current: cur[id] } : {}),
  }));
}

/** Accuracy and parity before and after per-group thresholds (rendered with the metric table, Δ = after − before). */
export function thresholdOutcomeRows(t: ThresholdResult): MetricRow[] {
  return [
    { id: 'accuracy', label: 'Accuracy', better: 'higher', reference: t.before.accuracy, current: t.after.accuracy },
    {
      id: 'demographic_parity_difference',
      label: 'Demographic parity difference',
      better: 'lower',
      reference: t.before.demographic_parity_difference,
      current: t.after.demographic_parity_difference,
    },
    {
      id: 'equal_opportunity_difference',
      label: 'Equal opportunity difference',
      better: 'lower',
      reference: t.before.equal_opportunity_difference,
      current: t.after.equal_opportunity_difference,
    },
    {
      id: 'equalized_odds_difference',
      label: 'Equalized odds difference',
      better: 'lower',
      reference: t.before.equalized_odds_difference,
      current: t.after.equalized_odds_difference,
    },
  ];
}

/** Groups with an Aequitas disparity outside the band: "fpr 1.52, fnr 0.61". */
export function flaggedGroups(side: FairnessResult): { group: string; detail: string }[] {
  return side.disparities.groups
    .filter((g) => g.flagged.length > 0)
    .map((g) => ({ group: g.group, detail: g.flagged.map((m) => `${m} ${formatMetric(g.disparity[m])}`).join(', ') }));
}

export function fairnessMethodNote(side: FairnessResult): string {
  const method = side.method === 'between_groups' ? 'between groups' : 'each group to overall';
  return `positive label “${side.pos_label}” · parity ${method} · equalized odds ${side.agg === 'worst_case' ? 'worst case' : 'mean'} of TPR and FPR`;
}

export function excludedNote(side: FairnessResult): string {
  const e = side.excluded_rows;
  if (e.total === 0) return 'no rows left out';
  return `${formatCount(e.total)} ${e.total === 1 ? 'row' : 'rows'} left out (missing target ${formatCount(e.missing_target)}, prediction ${formatCount(e.missing_prediction)}, sensitive ${formatCount(e.missing_sensitive)})`;
}
