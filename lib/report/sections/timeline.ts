import { conceptChart, driftHeatmap, timelineChart, timelineRowsChart } from '../../charts/timeline-chart';
import type { TimelineCellResult } from '../../notebook/kinds/timeline';
import { timelineNote, timelineRows } from '../../notebook/view/timeline-rows';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount } from '../format';
import { figure, warningList } from './model';
import { withResult } from './types';

export function timelineSection(result: TimelineCellResult, { document }: { document: Document }): SafeHtml {
  const rows = timelineRows(result);
  const flagged = rows.filter((r) => r.status === 'flagged').length;
  const concept = result.concept;
  return html`<p class="meta">reference <strong>${userText(result.reference.name)}</strong> (${formatCount(result.reference.rows)} rows) · current <strong>${userText(result.current.name)}</strong> (${formatCount(result.current.rows)} rows) · ${userText(result.scalar.label)}${result.scalar.column ? html` of <code>${userText(result.scalar.column)}</code>` : ''} · ${formatCount(flagged)} of ${formatCount(rows.length)} windows flagged</p>
<p class="meta">${userText(timelineNote(result))}</p>
${warningList(result.warnings)}
<div class="cards">${figure(userText(result.scalar.label), timelineChart(result, { document }))}${figure('Rows per window', timelineRowsChart(result, { document }))}</div>
${result.heatmap ? html`<div class="cards">${figure('Drift per column and window (sorted by first drift)', driftHeatmap(result, { document }))}</div>` : ''}
${concept ? html`<div class="cards">${figure(html`Concept drift: ${concept.task === 'regression' ? 'absolute error' : 'error rate'} of <code>${userText(concept.prediction)}</code> vs <code>${userText(concept.target)}</code>`, conceptChart(result, { document }))}</div>` : ''}
<div class="table-wrap"><table class="timeline-windows"><thead><tr><th>Window</th><th>Span</th><th class="num">Rows</th><th class="num">Value</th><th>Status</th>${concept ? html`<th class="num">Error</th><th class="num">Mann–Whitney p</th>${concept.task === 'classification' ? html`<th class="num">z-test p</th>` : ''}` : ''}</tr></thead><tbody>
${rows.map(
  (r) =>
    html`<tr data-status="${r.status}"><td>${userText(r.label)}</td><td>${userText(r.span)}</td><td class="num">${formatCount(r.rows)}</td><td class="num">${r.value}</td><td${r.status === 'flagged' ? html` class="flagged"` : ''}>${r.status}${r.why ? html` — ${userText(r.why)}` : ''}</td>${
      r.concept
        ? html`<td class="num">${r.concept.error}</td><td class="num">${r.concept.mwu}</td>${r.concept.z === undefined ? '' : html`<td class="num">${r.concept.z}</td>`}`
        : concept
          ? html`<td></td><td></td>${concept.task === 'classification' ? html`<td></td>` : ''}`
          : ''
    }</tr>\n`,
)}</tbody></table></div>`;
}

export const timelineCellSection = withResult<'timeline'>((result, _cell, context) => timelineSection(result, context));
