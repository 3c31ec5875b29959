import { metricsChart, metricsTimeDomain, metricsTimelineChart, seriesColors } from '../../charts/metrics-chart';
import type { MetricsCellResult } from '../../notebook/kinds/metrics';
import { metricsNote, metricsSeriesRows } from '../../notebook/view/metrics-rows';
import { html, userText, type SafeHtml } from '../escape';
import { figure, warningList } from './model';
import { withResult } from './types';

/** The series chart under the timeline's metric on the same time axis, and a row per series (its colour, name, last, min, max). */
export function metricsSection(result: MetricsCellResult, { document }: { document: Document }): SafeHtml {
  const domain = metricsTimeDomain(result);
  const colors = seriesColors(result);
  const timeline = result.timeline;
  return html`<p class="meta">${userText(metricsNote(result))}</p>
${warningList(result.warnings)}
${timeline ? html`<div class="cards">${figure(html`${userText(timeline.label)} per window of ${userText(timeline.title)}`, metricsTimelineChart(timeline, { document, ...(domain ? { domain } : {}) }))}</div>` : ''}
<div class="cards">${figure('Series over time', metricsChart(result, { document, ...(domain ? { domain } : {}) }))}</div>
<div class="table-wrap"><table class="metrics-series"><thead><tr><th>Series</th><th class="num">Points</th><th class="num">Last</th><th class="num">Min</th><th class="num">Max</th></tr></thead><tbody>
${metricsSeriesRows(result).map(
  (r, i) =>
    html`<tr><td><span class="swatch" style="background:${colors[i]!}"></span> <code>${userText(r.name)}</code></td><td class="num">${r.points}</td><td class="num">${r.last}</td><td class="num">${r.min}</td><td class="num">${r.max}</td></tr>\n`,
)}</tbody></table></div>`;
}

export const metricsCellSection = withResult<'metrics'>((result, _cell, context) => metricsSection(result, context));
