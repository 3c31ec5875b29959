import { cbpeChart } from '../../charts/cbpe-chart';
import {
  calibrationNote,
  decisionNote,
  ESTIMATED_LABELS,
  ESTIMATED_METRICS,
  estimatedRows,
  estimatedValueRows,
  type EstimatedCellResult,
} from '../../notebook/kinds/estimated';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount } from '../format';
import { figure, metricTable, warningList } from './model';
import { withResult } from './types';
import { valueBlock } from './value-table';

export function estimatedSection(result: EstimatedCellResult, { document }: { document: Document }): SafeHtml {
  const { cbpe, columns } = result;
  const chunks = cbpe.chunks ?? [];
  return html`<p class="meta">reference <strong>${userText(result.reference.name)}</strong> (${formatCount(result.reference.rows)} rows) · current <strong>${userText(result.current.name)}</strong> (${formatCount(result.current.rows)} rows, ${formatCount(cbpe.current.labelled)} labelled) · target <code>${userText(columns.target)}</code> · score <code>${userText(columns.score)}</code> · positive label “${userText(result.posLabel)}” · ${decisionNote(result)}</p>
<p class="meta">${calibrationNote(result)}</p>
${warningList(cbpe.warnings)}
${metricTable(estimatedRows(result), 'estimated-metrics', ESTIMATED_LABELS)}
${chunks.length ? html`<h3>Per chunk of current<span class="count">${chunks.length}</span></h3><div class="cards">${(['rocAuc', 'accuracy', 'f1'] as const).map((metric) => figure(ESTIMATED_METRICS.find(([m]) => m === metric)![2], cbpeChart(cbpe, { document, metric, time: result.chunkBy === 'time' })))}</div>` : ''}
<section class="notice"><h3>Assumptions of the estimate (CBPE)</h3><ul>${cbpe.assumptions.map((a) => html`<li>${a}</li>`)}</ul></section>`;
}

export const estimatedCellSection = withResult<'estimated'>(
  (result, cell, context) =>
    html`${estimatedSection(result, context)}${valueBlock(cell.config.value, () => estimatedValueRows(result, cell.config.value!), 'estimated-value')}`,
);
