import { disparityChart, fairnessChart } from '../../charts/fairness-chart';
import type { FairnessResult, ThresholdResult } from '../../fairness/types';
import type { FairnessCellResult } from '../../notebook/kinds/fairness';
import { excludedNote, fairnessAggregateRows, fairnessMethodNote, flaggedGroups, GROUP_METRICS, thresholdOutcomeRows } from '../../notebook/view/fairness-rows';
import { formatMetric, sideWarnings } from '../../notebook/view/metric-rows';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount } from '../format';
import { figure, metricTable, warningList } from './model';
import { withResult } from './types';

type FairnessSide = FairnessResult & { name: string };
function groupTable(side: FairnessSide): SafeHtml {
  return html`<div class="table-wrap sortable"><table data-testid="fairness-groups"><thead><tr><th>Group</th>${GROUP_METRICS.map(([, label]) => html`<th class="num">${label}</th>`)}</tr></thead><tbody>
${side.groups.map((g) => html`<tr data-group="${g.group}"><td class="col-name">${userText(g.group)}</td>${GROUP_METRICS.map(([id, , unit]) => html`<td class="num" data-metric="${id}">${formatMetric(g[id], unit)}</td>`)}</tr>\n`)}<tr data-group="" class="overall"><td><em>overall</em></td>${GROUP_METRICS.map(([id, , unit]) => html`<td class="num" data-metric="${id}">${formatMetric(side.overall[id], unit)}</td>`)}</tr>
</tbody></table></div>`;
}

function reweighingTable(side: FairnessSide): SafeHtml {
  return html`<div class="table-wrap sortable"><table data-testid="fairness-reweighing"><thead><tr><th>Group</th><th>Label</th><th class="num">Rows</th><th class="num">Weight</th></tr></thead><tbody>
${side.reweighing.rows.map((r) => html`<tr data-group="${r.group}"><td class="col-name">${userText(r.group)}</td><td>${userText(r.label)}</td><td class="num">${formatCount(r.count)}</td><td class="num">${formatMetric(r.weight)}</td></tr>\n`)}</tbody></table></div>
<p class="meta">${side.reweighing.formula}</p>`;
}

function thresholdTables(t: ThresholdResult): SafeHtml {
  return html`<h4>Per-group thresholds</h4>
<p class="meta">${t.algorithm} · base threshold ${formatMetric(t.base_threshold)} · target ${formatMetric(t.target)} · ${formatCount(t.rows)} scored rows${t.missing_scores ? html`, ${formatCount(t.missing_scores)} without a score` : ''}</p>
<div class="table-wrap sortable"><table data-testid="fairness-thresholds"><thead><tr><th>Group</th><th class="num">Rows</th><th class="num">Threshold</th><th class="num">${t.criterion} before</th><th class="num">${t.criterion} after</th><th class="num">Accuracy before</th><th class="num">Accuracy after</th></tr></thead><tbody>
${t.groups.map((g) => html`<tr data-group="${g.group}"><td class="col-name">${userText(g.group)}</td><td class="num">${formatCount(g.count)}</td><td class="num">${formatMetric(g.threshold)}</td><td class="num">${formatMetric(g.rate_before)}</td><td class="num">${formatMetric(g.rate_after)}</td><td class="num">${formatMetric(g.before.accuracy)}</td><td class="num">${formatMetric(g.after.accuracy)}</td></tr>\n`)}</tbody></table></div>
${metricTable(thresholdOutcomeRows(t), 'fairness-threshold-outcome', { reference: 'Before', current: 'After' })}`;
}

function sideDetail(which: string, side: FairnessSide, document: Document): SafeHtml {
  const flagged = flaggedGroups(side);
  const d = side.disparities;
  return html`<h3>${which}: ${userText(side.name)}</h3>
<p class="meta">${userText(fairnessMethodNote(side))} · ${userText(excludedNote(side))}</p>
${groupTable(side)}
<div class="cards">${figure('Selection rate per group', fairnessChart(side, { document }))}${figure(html`Disparity (pprev) vs “${userText(d.reference_group)}”`, disparityChart(side, { document }))}</div>
<p class="meta">Reference group “${userText(d.reference_group)}” (${d.reference_rule === 'largest' ? 'the largest' : 'chosen'}); parity band ${formatMetric(d.band[0])}–${formatMetric(d.band[1])}.</p>
${flagged.length ? html`<ul class="warn-list" data-testid="fairness-flagged">${flagged.map((f) => html`<li><strong>${userText(f.group)}</strong>: ${f.detail}</li>`)}</ul>` : html`<p class="meta">No group outside the parity band.</p>`}
<h4>Reweighing</h4>
${reweighingTable(side)}
${side.thresholds ? thresholdTables(side.thresholds) : ''}`;
}

export function fairnessSection(result: FairnessCellResult, { document }: { document: Document }): SafeHtml {
  const { columns: c } = result;
  const sides = [['Reference', result.reference] as const, ...(result.current ? [['Current', result.current] as const] : [])];
  return html`<p class="meta">target <code>${userText(c.target)}</code> · prediction <code>${userText(c.prediction)}</code> · sensitive ${c.sensitive.map((s, i) => html`${i ? ', ' : ''}<code>${userText(s)}</code>`)}${c.weight ? html` · weight <code>${userText(c.weight)}</code>` : ''}${c.score ? html` · score <code>${userText(c.score)}</code>` : ''}</p>
${warningList(sideWarnings(sides.map(([, s]) => s)))}
${metricTable(fairnessAggregateRows(result), 'fairness-aggregates')}
${sides.map(([which, side]) => sideDetail(which, side, document))}`;
}

export const fairnessCellSection = withResult<'fairness'>((result, _cell, context) => fairnessSection(result, context));
