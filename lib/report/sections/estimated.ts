import { cbpeChart } from '../../charts/cbpe-chart';
import type { MetricName } from '../../metrics/cbpe';
import type { EstimatedCellResult } from '../../metrics/model-cells';
import { html, type SafeHtml } from '../escape';
import { formatCount, formatScore } from '../format';
import { figure, metricTable, warningList, type MetricRow, type MetricTableLabels } from './model';

export const ESTIMATED_METRICS: readonly [name: MetricName, id: string, label: string][] = [
  ['accuracy', 'accuracy', 'Accuracy'],
  ['precision', 'precision', 'Precision'],
  ['recall', 'recall', 'Recall'],
  ['f1', 'f1', 'F1'],
  ['rocAuc', 'roc_auc', 'ROC AUC'],
];

export const ESTIMATED_LABELS: MetricTableLabels = { reference: 'Reference (realized)', current: 'Current (estimated)', realized: 'Current (realized)' };

/** Reference realized vs current estimated (Δ), and current realized where current has labels. */
export function estimatedRows(result: EstimatedCellResult): MetricRow[] {
  const { reference, current } = result.cbpe;
  return ESTIMATED_METRICS.map(([name, id, label]) => ({
    id,
    label,
    better: 'higher',
    reference: reference.realized[name],
    current: current.estimated[name],
    ...(current.realized ? { realized: current.realized[name] } : {}),
  }));
}

/** Whether the scores were calibrated and why (the compute's reason, its long decimals shortened). */
export function calibrationNote(result: EstimatedCellResult): string {
  const reason = result.cbpe.calibrationReason.replace(/-?\d+\.\d{5,}(?:e-?\d+)?/g, (n) => formatScore(Number(n)));
  return `Calibration — ${reason}`;
}

export function decisionNote(result: EstimatedCellResult): string {
  const { prediction } = result.columns;
  const threshold = result.cbpe.threshold;
  return prediction ? `predictions from column ${prediction}` : `positive when score ≥ ${formatScore(threshold ?? 0.5)}`;
}

export function estimatedSection(result: EstimatedCellResult, { document }: { document: Document }): SafeHtml {
  const { cbpe, columns } = result;
  const chunks = cbpe.chunks ?? [];
  return html`<p class="meta">reference <strong>${result.reference.name}</strong> (${formatCount(result.reference.rows)} rows) · current <strong>${result.current.name}</strong> (${formatCount(result.current.rows)} rows, ${formatCount(cbpe.current.labelled)} labelled) · target <code>${columns.target}</code> · score <code>${columns.score}</code> · positive label “${result.posLabel}” · ${decisionNote(result)}</p>
<p class="meta">${calibrationNote(result)}</p>
${warningList(cbpe.warnings)}
${metricTable(estimatedRows(result), 'estimated-metrics', ESTIMATED_LABELS)}
${chunks.length ? html`<h3>Per chunk of current<span class="count">${chunks.length}</span></h3><div class="cards">${(['rocAuc', 'accuracy', 'f1'] as const).map((metric) => figure(ESTIMATED_METRICS.find(([m]) => m === metric)![2], cbpeChart(cbpe, { document, metric, time: result.chunkBy === 'time' })))}</div>` : ''}
<section class="notice"><h3>Assumptions of the estimate (CBPE)</h3><ul>${cbpe.assumptions.map((a) => html`<li>${a}</li>`)}</ul></section>`;
}
