import { disparityChart, fairnessChart } from '../../charts/fairness-chart';
import type { FairnessResult, RateSet, ThresholdResult } from '../../fairness/types';
import type { FairnessCellResult } from '../../metrics/model-cells';
import { html, type SafeHtml } from '../escape';
import { formatCount } from '../format';
import { figure, formatMetric, metricTable, sideWarnings, warningList, type MetricRow, type MetricUnit } from './model';

type FairnessSide = FairnessResult & { name: string };
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

function groupTable(side: FairnessSide): SafeHtml {
  return html`<div class="table-wrap sortable"><table data-testid="fairness-groups"><thead><tr><th>Group</th>${GROUP_METRICS.map(([, label]) => html`<th class="num">${label}</th>`)}</tr></thead><tbody>
${side.groups.map((g) => html`<tr data-group="${g.group}"><td class="col-name">${g.group}</td>${GROUP_METRICS.map(([id, , unit]) => html`<td class="num" data-metric="${id}">${formatMetric(g[id], unit)}</td>`)}</tr>\n`)}<tr data-group="" class="overall"><td><em>overall</em></td>${GROUP_METRICS.map(([id, , unit]) => html`<td class="num" data-metric="${id}">${formatMetric(side.overall[id], unit)}</td>`)}</tr>
</tbody></table></div>`;
}

function reweighingTable(side: FairnessSide): SafeHtml {
  return html`<div class="table-wrap sortable"><table data-testid="fairness-reweighing"><thead><tr><th>Group</th><th>Label</th><th class="num">Rows</th><th class="num">Weight</th></tr></thead><tbody>
${side.reweighing.rows.map((r) => html`<tr data-group="${r.group}"><td class="col-name">${r.group}</td><td>${r.label}</td><td class="num">${formatCount(r.count)}</td><td class="num">${formatMetric(r.weight)}</td></tr>\n`)}</tbody></table></div>
<p class="meta">${side.reweighing.formula}</p>`;
}

function thresholdTables(t: ThresholdResult): SafeHtml {
  return html`<h4>Per-group thresholds</h4>
<p class="meta">${t.algorithm} · base threshold ${formatMetric(t.base_threshold)} · target ${formatMetric(t.target)} · ${formatCount(t.rows)} scored rows${t.missing_scores ? html`, ${formatCount(t.missing_scores)} without a score` : ''}</p>
<div class="table-wrap sortable"><table data-testid="fairness-thresholds"><thead><tr><th>Group</th><th class="num">Rows</th><th class="num">Threshold</th><th class="num">${t.criterion} before</th><th class="num">${t.criterion} after</th><th class="num">Accuracy before</th><th class="num">Accuracy after</th></tr></thead><tbody>
${t.groups.map((g) => html`<tr data-group="${g.group}"><td class="col-name">${g.group}</td><td class="num">${formatCount(g.count)}</td><td class="num">${formatMetric(g.threshold)}</td><td class="num">${formatMetric(g.rate_before)}</td><td class="num">${formatMetric(g.rate_after)}</td><td class="num">${formatMetric(g.before.accuracy)}</td><td class="num">${formatMetric(g.after.accuracy)}</td></tr>\n`)}</tbody></table></div>
${metricTable(thresholdOutcomeRows(t), 'fairness-threshold-outcome', { reference: 'Before', current: 'After' })}`;
}

function sideDetail(which: string, side: FairnessSide, document: Document): SafeHtml {
  const flagged = flaggedGroups(side);
  const d = side.disparities;
  return html`<h3>${which}: ${side.name}</h3>
<p class="meta">${fairnessMethodNote(side)} · ${excludedNote(side)}</p>
${groupTable(side)}
<div class="cards">${figure('Selection rate per group', fairnessChart(side, { document }))}${figure(`Disparity (pprev) vs “${d.reference_group}”`, disparityChart(side, { document }))}</div>
<p class="meta">Reference group “${d.reference_group}” (${d.reference_rule === 'largest' ? 'the largest' : 'chosen'}); parity band ${formatMetric(d.band[0])}–${formatMetric(d.band[1])}.</p>
${flagged.length ? html`<ul class="warn-list" data-testid="fairness-flagged">${flagged.map((f) => html`<li><strong>${f.group}</strong>: ${f.detail}</li>`)}</ul>` : html`<p class="meta">No group outside the parity band.</p>`}
<h4>Reweighing</h4>
${reweighingTable(side)}
${side.thresholds ? thresholdTables(side.thresholds) : ''}`;
}

export function fairnessSection(result: FairnessCellResult, { document }: { document: Document }): SafeHtml {
  const { columns: c } = result;
  const sides = [['Reference', result.reference] as const, ...(result.current ? [['Current', result.current] as const] : [])];
  return html`<p class="meta">target <code>${c.target}</code> · prediction <code>${c.prediction}</code> · sensitive ${c.sensitive.map((s, i) => html`${i ? ', ' : ''}<code>${s}</code>`)}${c.weight ? html` · weight <code>${c.weight}</code>` : ''}${c.score ? html` · score <code>${c.score}</code>` : ''}</p>
${warningList(sideWarnings(sides.map(([, s]) => s)))}
${metricTable(fairnessAggregateRows(result), 'fairness-aggregates')}
${sides.map(([which, side]) => sideDetail(which, side, document))}`;
}
