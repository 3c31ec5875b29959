/**
 * Model-quality sections (classification and regression) and the metric table every model cell
 * shares: metric | reference | current | Δ, Δ flagged when the model got worse. The rows come from
 * the kinds (lib/notebook), so the app's cells show the same rows, numbers and formats.
 */
import { calibrationChart } from '../../charts/calibration-chart';
import { confusionChart } from '../../charts/confusion-chart';
import { SIDES } from '../../charts/palette';
import { prChart } from '../../charts/pr-chart';
import { predictedActualChart, residualFeatureChart, residualHistogramChart, segmentErrorChart } from '../../charts/regression-charts';
import { rocChart } from '../../charts/roc-chart';
import { thresholdChart } from '../../charts/threshold-chart';
import type { ModelQualityResult } from '../../metrics/model-columns';
import { classificationRows, classificationSides, classificationValueRows, perClassRows, thresholdInUse } from '../../notebook/kinds/classification';
import { regressionRows, regressionSides } from '../../notebook/kinds/regression';
import { formatMetric, metricDelta, sideWarnings, type MetricRow, type MetricTableLabels } from '../../notebook/view/metric-rows';
import { chartMarkup } from '../chart-markup';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount } from '../format';
import { withResult } from './types';
import { valueBlock } from './value-table';

const DEFAULT_LABELS: MetricTableLabels = { reference: 'Reference', current: 'Current' };

/** The metric table: one row per metric (`data-metric`), Δ flagged when worse. */
export function metricTable(rows: readonly MetricRow[], testId: string, labels: MetricTableLabels = DEFAULT_LABELS): SafeHtml {
  const hasCurrent = rows.some((r) => r.current !== undefined);
  const hasRealized = rows.some((r) => r.realized !== undefined);
  const row = (r: MetricRow) => {
    const delta = metricDelta(r);
    return html`<tr data-metric="${r.id}"><td>${r.label}</td><td class="num">${formatMetric(r.reference, r.unit)}</td>${
      hasCurrent ? html`<td class="num">${formatMetric(r.current, r.unit)}</td><td class="num${delta?.worse ? ' flagged' : ''}">${delta?.text ?? '—'}</td>` : ''
    }${hasRealized ? html`<td class="num">${formatMetric(r.realized, r.unit)}</td>` : ''}</tr>\n`;
  };
  return html`<div class="table-wrap sortable"><table class="metric-table" data-testid="${testId}">
<thead><tr><th>Metric</th><th class="num">${labels.reference}</th>${hasCurrent ? html`<th class="num">${labels.current}</th><th class="num">Δ</th>` : ''}${
    hasRealized ? html`<th class="num">${labels.realized ?? 'Realized'}</th>` : ''
  }</tr></thead>
<tbody>
${rows.map(row)}</tbody></table></div>`;
}

export function warningList(warnings: readonly string[]): SafeHtml {
  return warnings.length ? html`<section class="notice"><h3>Warnings</h3><ul>${warnings.map((w) => html`<li>${userText(w)}</li>`)}</ul></section>` : html``;
}

/** A chart in a card, with a heading. */
export function figure(title: string | SafeHtml, chart: Element): SafeHtml {
  return html`<div class="card chart"><h3>${title}</h3>${chartMarkup(chart)}</div>`;
}

function caption(result: ModelQualityResult): SafeHtml {
  const sides = [result.reference, ...(result.current ? [result.current] : [])];
  const pos = classificationSides(result).reference?.pos_label ?? null;
  const cols = result.columns;
  return html`<p class="meta">${sides.map((s, i) => html`${i ? ' · ' : ''}${i ? 'current' : 'reference'} <strong>${userText(s.name)}</strong> (${formatCount(s.rows)} rows)`)} · target <code>${userText(cols.target)}</code>${
    cols.prediction ? html` · prediction <code>${userText(cols.prediction)}</code>` : ''
  }${cols.score.length ? html` · score ${cols.score.map((c, i) => html`${i ? ', ' : ''}<code>${userText(c)}</code>`)}` : ''}${pos === null ? '' : html` · positive label “${userText(pos)}”`}</p>`;
}

function classificationCharts(result: ModelQualityResult, document: Document, threshold: number | null): SafeHtml {
  const sides = classificationSides(result);
  const present = SIDES.filter((s) => sides[s]);
  const scored = present.some((s) => sides[s]!.curves.roc || sides[s]!.curves.roc_ovr?.length);
  const binary = sides.reference?.task === 'binary';
  const sweep = sides.current?.threshold_sweep ? sides.current : sides.reference;
  return html`<div class="cards">
${scored ? figure('ROC curve', rocChart(sides, { document })) : ''}
${binary && present.some((s) => sides[s]!.curves.precision_recall) ? figure('Precision–recall curve', prChart(sides, { document })) : ''}
${present.map((s) => figure(`Confusion matrix — ${s}`, confusionChart(sides[s]!, { document })))}
${present.some((s) => sides[s]!.calibration) ? figure('Reliability diagram', calibrationChart(sides, { document })) : ''}
${sweep?.threshold_sweep ? figure(`Metrics by threshold — ${sweep === sides.current ? 'current' : 'reference'}`, thresholdChart(sweep, { document, threshold })) : ''}
</div>`;
}

function regressionCharts(result: ModelQualityResult, document: Document): SafeHtml {
  const sides = regressionSides(result);
  const ref = sides.reference;
  return html`<div class="cards">
${figure('Predicted vs actual', predictedActualChart(sides, { document }))}
${figure('Error histogram', residualHistogramChart(sides, { document }))}
${(ref?.segments ?? []).map((s) => figure(html`MAE by ${userText(s.name)}`, segmentErrorChart(sides, { document, segment: s.name })))}
${(ref?.residuals_by_feature ?? []).map((f) => figure(html`Mean error by ${userText(f.name)}`, residualFeatureChart(sides, { document, feature: f.name })))}
</div>`;
}

export interface ModelSectionOptions {
  document: Document;
  /** The cell's configured decision threshold, if any. */
  threshold?: number;
}

/** A classification or regression quality result: caption, metric table, per-class table, charts, warnings. */
export function modelSection(result: ModelQualityResult, { document, threshold }: ModelSectionOptions): SafeHtml {
  const sides = [result.reference, ...(result.current ? [result.current] : [])];
  const warnings = warningList(sideWarnings(sides.map((s) => ({ name: s.name, warnings: s.metrics.warnings }))));
  if (result.task === 'regression') {
    return html`${caption(result)}${warnings}
${metricTable(regressionRows(result), 'regression-metrics')}
${regressionCharts(result, document)}`;
  }
  const perClass = perClassRows(result);
  return html`${caption(result)}${warnings}
${metricTable(classificationRows(result), 'classification-metrics')}
<h3>Per class<span class="count">${perClass.length}</span></h3>
<div class="table-wrap sortable"><table data-testid="classification-per-class"><thead><tr><th>Class</th><th class="num">Precision</th><th class="num">Recall</th><th class="num">F1</th><th class="num">Support</th></tr></thead><tbody>
${perClass.map((r) => html`<tr data-class="${r.label}"><td class="col-name">${userText(r.label)}</td>${r.cells.map((c) => html`<td class="num" data-metric="${c.id}">${c.text}</td>`)}</tr>\n`)}</tbody></table></div>
${classificationCharts(result, document, thresholdInUse(result, threshold))}`;
}

export const classificationCellSection = withResult<'classification'>(
  (result, cell, { document }) =>
    html`${modelSection(result, { document, threshold: cell.config.threshold })}${valueBlock(cell.config.value, () => classificationValueRows(result, cell.config.value!), 'classification-value')}`,
);

export const regressionCellSection = withResult<'regression'>((result, _cell, { document }) => modelSection(result, { document }));
