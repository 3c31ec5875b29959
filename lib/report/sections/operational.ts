import { latencyChart, throughputChart } from '../../charts/latency-chart';
import { operationalRows, windowNote, type OperationalCellResult } from '../../notebook/kinds/operational';
import { sideWarnings } from '../../notebook/view/metric-rows';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount, formatScore } from '../format';
import { figure, metricTable, warningList } from './model';
import { withResult } from './types';

export function operationalSection(result: OperationalCellResult, { document }: { document: Document }): SafeHtml {
  const sides = [['reference', result.reference] as const, ...(result.current ? [['current', result.current] as const] : [])];
  return html`<p class="meta">latency <code>${userText(result.columns.latency)}</code>${result.columns.timestamp ? html` · timestamp <code>${userText(result.columns.timestamp)}</code>` : ''} · SLA ${formatScore(result.slaMs)} ms</p>
${warningList(sideWarnings(sides.map(([, s]) => s)))}
${metricTable(operationalRows(result), 'operational-metrics')}
${sides.map(
  ([which, side]) => html`<h3>${which === 'reference' ? 'Reference' : 'Current'}: ${userText(side.name)}</h3>
<p class="meta">${formatCount(side.rows)} rows · ${windowNote(side)}</p>
${side.throughput ? html`<div class="cards">${figure('Latency percentiles', latencyChart(side, { document }))}${figure('Throughput', throughputChart(side, { document }))}</div>` : ''}`,
)}`;
}

export const operationalCellSection = withResult<'operational'>((result, _cell, context) => operationalSection(result, context));
