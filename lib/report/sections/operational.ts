import { latencyChart, throughputChart } from '../../charts/latency-chart';
import type { OperationalCellResult, OperationalSide } from '../../metrics/model-cells';
import { html, type SafeHtml } from '../escape';
import { formatCount, formatScore } from '../format';
import { figure, metricTable, sideWarnings, warningList, type Better, type MetricRow, type MetricUnit } from './model';

const LATENCY: readonly [id: keyof OperationalSide, label: string, better: Better, unit: MetricUnit][] = [
  ['count', 'Latencies', null, 'count'],
  ['missing', 'Missing latencies', 'lower', 'count'],
  ['mean', 'Mean', 'lower', 'ms'],
  ['std', 'Standard deviation', null, 'ms'],
  ['min', 'Min', null, 'ms'],
  ['p50', 'p50 (median)', 'lower', 'ms'],
  ['p90', 'p90', 'lower', 'ms'],
  ['p95', 'p95', 'lower', 'ms'],
  ['p99', 'p99', 'lower', 'ms'],
  ['max', 'Max', 'lower', 'ms'],
  ['shareOverSla', 'Share over the SLA', 'lower', 'share'],
];

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Latency statistics of each side (numpy's conventions, see lib/metrics/operational.ts). */
export function operationalRows(result: OperationalCellResult): MetricRow[] {
  const { reference: ref, current: cur } = result;
  return LATENCY.map(([id, label, better, unit]) => ({
    id: id === 'shareOverSla' ? 'share_over_sla' : id,
    label,
    better,
    unit,
    reference: numberOrNull(ref[id]),
    ...(cur ? { current: numberOrNull(cur[id]) } : {}),
  }));
}

/** How a side's throughput was windowed, or why it has none. */
export function windowNote(side: OperationalSide): string {
  const t = side.throughput;
  if (!t) return 'no timestamps: throughput and latency over time need a timestamp column';
  const missing = t.missingTimestamps ? ` · ${formatCount(t.missingTimestamps)} rows without a timestamp left out` : '';
  return `${formatCount(t.windows.length)} windows of ${t.label}${t.auto ? ' (chosen automatically)' : ''} · throughput in predictions per ${t.rateUnit}${missing}`;
}

export function operationalSection(result: OperationalCellResult, { document }: { document: Document }): SafeHtml {
  const sides = [['reference', result.reference] as const, ...(result.current ? [['current', result.current] as const] : [])];
  return html`<p class="meta">latency <code>${result.columns.latency}</code>${result.columns.timestamp ? html` · timestamp <code>${result.columns.timestamp}</code>` : ''} · SLA ${formatScore(result.slaMs)} ms</p>
${warningList(sideWarnings(sides.map(([, s]) => s)))}
${metricTable(operationalRows(result), 'operational-metrics')}
${sides.map(
  ([which, side]) => html`<h3>${which === 'reference' ? 'Reference' : 'Current'}: ${side.name}</h3>
<p class="meta">${formatCount(side.rows)} rows · ${windowNote(side)}</p>
${side.throughput ? html`<div class="cards">${figure('Latency percentiles', latencyChart(side, { document }))}${figure('Throughput', throughputChart(side, { document }))}</div>` : ''}`,
)}`;
}
