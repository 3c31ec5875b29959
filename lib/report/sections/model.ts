/**
 * Model-quality sections (classification and regression) and the metric table every model cell
 * shares: metric | reference | current | Δ, Δ flagged when the model got worse. The row builders
 * are exported so the app's cells show the same rows, numbers and formats as the report.
 */
import { calibrationChart } from '../../charts/calibration-chart';
import { confusionChart } from '../../charts/confusion-chart';
import { SIDES, type Side } from '../../charts/palette';
import { prChart } from '../../charts/pr-chart';
import { predictedActualChart, residualFeatureChart, residualHistogramChart, segmentErrorChart } from '../../charts/regression-charts';
import { rocChart } from '../../charts/roc-chart';
import { thresholdChart } from '../../charts/threshold-chart';
import type { ModelQualityResult } from '../../metrics/model-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from '../../metrics/types';
import { chartMarkup } from '../chart-markup';
import { html, type SafeHtml } from '../escape';
import { formatCount, formatScore, formatShare } from '../format';

/** Which way a metric improves: 'zero' for a signed error (closer to 0 is better); null for counts and context. */
export type Better = 'higher' | 'lower' | 'zero' | null;
export type MetricUnit = 'score' | 'share' | 'ms' | 'count';

export interface MetricRow {
  /** snake_case id, as in the result (`data-metric`). */
  id: string;
  label: string;
  reference: number | null;
  /** Absent without a current side. */
  current?: number | null;
  /** The realized value on current, beside an estimate (estimated performance). */
  realized?: number | null;
  better: Better;
  unit?: MetricUnit;
}

export interface MetricDelta {
  text: string;
  worse: boolean;
}

export interface MetricTableLabels {
  reference: string;
  current: string;
  realized?: string;
}

/** A metric's value; '—' where it is undefined (null) or not computed. */
export function formatMetric(value: number | null | undefined, unit: MetricUnit = 'score'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'count') return formatCount(value);
  if (unit === 'share') return formatShare(value);
  if (unit === 'ms') return `${formatScore(value)} ms`;
  return formatScore(value);
}

/** current − reference with its sign (shares in percentage points); null when either side is missing. */
export function metricDelta(row: MetricRow): MetricDelta | null {
  const { reference: ref, current: cur } = row;
  if (ref === null || cur === null || cur === undefined || !Number.isFinite(ref) || !Number.isFinite(cur)) return null;
  const d = cur - ref;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const size = Math.abs(d);
  const unit = row.unit ?? 'score';
  const text =
    d === 0
      ? '0'
      : unit === 'count'
        ? formatCount(size)
        : unit === 'share'
          ? `${Number((size * 100).toFixed(1))} pp`
          : unit === 'ms'
            ? `${formatScore(size)} ms`
            : formatScore(size);
  const worse = row.better === 'higher' ? d < 0 : row.better === 'lower' ? d > 0 : row.better === 'zero' ? Math.abs(cur) > Math.abs(ref) : false;
  return { text: `${sign}${text}`, worse };
}

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

/** Warnings of each side, prefixed by the side's name when there are two. */
export function sideWarnings(sides: readonly { name: string; warnings: readonly string[] }[]): string[] {
  return sides.flatMap((s) => s.warnings.map((w) => (sides.length > 1 ? `${s.name}: ${w}` : w)));
}

export function warningList(warnings: readonly string[]): SafeHtml {
  return warnings.length ? html`<section class="notice"><h3>Warnings</h3><ul>${warnings.map((w) => html`<li>${w}</li>`)}</ul></section>` : html``;
}

/** A chart in a card, with a heading. */
export function figure(title: string, chart: Element): SafeHtml {
  return html`<div class="card chart"><h3>${title}</h3>${chartMarkup(chart)}</div>`;
}

type Metrics = ClassificationMetricsResult | RegressionMetricsResult;
const isClassification = (m: Metrics | undefined): m is ClassificationMetricsResult => m !== undefined && m.task !== 'regression';
const isRegression = (m: Metrics | undefined): m is RegressionMetricsResult => m?.task === 'regression';

/** The sides' classification metrics, by side (empty for a regression result). */
export function classificationSides(result: ModelQualityResult): Partial<Record<Side, ClassificationMetricsResult>> {
  const out: Partial<Record<Side, ClassificationMetricsResult>> = {};
  for (const side of SIDES) {
    const m = result[side]?.metrics;
    if (isClassification(m)) out[side] = m;
  }
  return out;
}

export function regressionSides(result: ModelQualityResult): Partial<Record<Side, RegressionMetricsResult>> {
  const out: Partial<Record<Side, RegressionMetricsResult>> = {};
  for (const side of SIDES) {
    const m = result[side]?.metrics;
    if (isRegression(m)) out[side] = m;
  }
  return out;
}

/** Rows of `spec` with a value on some side (a side's null is shown as '—'; rows undefined everywhere are left out). */
function rowsOf<M>(
  sides: Partial<Record<Side, M>>,
  spec: readonly [id: string, label: string, better: Better, value: (m: M) => number | null | undefined, unit?: MetricUnit][],
): MetricRow[] {
  const { reference: ref, current: cur } = sides;
  if (!ref) return [];
  return spec
    .filter(([, , , value]) => typeof value(ref) === 'number' || (cur !== undefined && typeof value(cur) === 'number'))
    .map(([id, label, better, value, unit]) => ({ id, label, better, unit, reference: value(ref) ?? null, ...(cur ? { current: value(cur) ?? null } : {}) }));
}

/** Binary: precision, recall and F1 of the positive label; multiclass: macro averages (labelled so), plus the weighted ones. */
export function classificationRows(result: ModelQualityResult): MetricRow[] {
  const sides = classificationSides(result);
  const multi = sides.reference?.task === 'multiclass';
  const avg = multi ? ' (macro)' : '';
  type M = ClassificationMetricsResult;
  return rowsOf<M>(sides, [
    ['accuracy', 'Accuracy', 'higher', (m) => m.accuracy],
    ['balanced_accuracy', 'Balanced accuracy', 'higher', (m) => m.balanced_accuracy],
    ['precision', `Precision${avg}`, 'higher', (m) => m.precision],
    ['recall', `Recall${avg}`, 'higher', (m) => m.recall],
    ['f1', `F1${avg}`, 'higher', (m) => m.f1],
    ['precision_weighted', 'Precision (weighted)', 'higher', (m) => m.precision_weighted],
    ['recall_weighted', 'Recall (weighted)', 'higher', (m) => m.recall_weighted],
    ['f1_weighted', 'F1 (weighted)', 'higher', (m) => m.f1_weighted],
    ['roc_auc', multi ? 'ROC AUC (one-vs-rest, macro)' : 'ROC AUC', 'higher', (m) => m.roc_auc],
    ['roc_auc_ovr_weighted', 'ROC AUC (one-vs-rest, weighted)', 'higher', (m) => m.roc_auc_ovr_weighted],
    ['average_precision', 'Average precision', 'higher', (m) => m.average_precision],
    ['log_loss', 'Log loss', 'lower', (m) => m.log_loss],
    ['brier_score', 'Brier score', 'lower', (m) => m.brier_score],
    ['ece', 'Expected calibration error', 'lower', (m) => m.calibration?.ece ?? null],
    ['baseline_accuracy', 'Baseline accuracy (majority class)', null, (m) => m.baseline?.accuracy ?? null],
    ['n_used', 'Rows used', null, (m) => m.n_used, 'count'],
    ['excluded_rows', 'Rows left out (missing target or prediction)', 'lower', (m) => m.excluded_rows, 'count'],
  ]);
}

export function regressionRows(result: ModelQualityResult): MetricRow[] {
  type M = RegressionMetricsResult;
  return rowsOf<M>(regressionSides(result), [
    ['mean_error', 'Mean error (predicted − actual)', 'zero', (m) => m.mean_error],
    ['mae', 'MAE', 'lower', (m) => m.mae],
    ['rmse', 'RMSE', 'lower', (m) => m.rmse],
    ['mse', 'MSE', 'lower', (m) => m.mse],
    ['mape', 'MAPE', 'lower', (m) => m.mape],
    ['r2', 'R²', 'higher', (m) => m.r2],
    ['max_error', 'Max error', 'lower', (m) => m.max_error],
    ['baseline_mae', 'Baseline MAE (predict the mean)', null, (m) => m.baseline?.mae ?? null],
    ['baseline_r2', 'Baseline R²', null, (m) => m.baseline?.r2 ?? null],
    ['n_used', 'Rows used', null, (m) => m.n_used, 'count'],
    ['excluded_rows', 'Rows left out (missing target or prediction)', 'lower', (m) => m.excluded_rows, 'count'],
  ]);
}

/** Per class: precision, recall, F1 and support of each side ("ref → cur"). */
export function perClassRows(result: ModelQualityResult): { label: string; cells: { id: string; text: string }[] }[] {
  const { reference: ref, current: cur } = classificationSides(result);
  if (!ref) return [];
  const labels = [...new Set([...ref.labels, ...(cur?.labels ?? [])])];
  const both = (f: (m: ClassificationMetricsResult) => number | undefined, unit: MetricUnit) =>
    cur ? `${formatMetric(f(ref), unit)} → ${formatMetric(f(cur), unit)}` : formatMetric(f(ref), unit);
  return labels.map((label) => ({
    label,
    cells: (['precision', 'recall', 'f1', 'support'] as const).map((id) => ({
      id,
      text: both((m) => m.per_class[label]?.[id], id === 'support' ? 'count' : 'score'),
    })),
  }));
}

/**
 * The threshold that turned scores into predictions: the configured one, 0.5 when predictions
 * came from the score without one, none when a prediction column held them.
 */
export function thresholdInUse(result: ModelQualityResult, configured: number | undefined): number | null {
  return configured ?? (result.columns.prediction === null ? 0.5 : null);
}

function caption(result: ModelQualityResult): SafeHtml {
  const sides = [result.reference, ...(result.current ? [result.current] : [])];
  const pos = classificationSides(result).reference?.pos_label ?? null;
  const cols = result.columns;
  return html`<p class="meta">${sides.map((s, i) => html`${i ? ' · ' : ''}${i ? 'current' : 'reference'} <strong>${s.name}</strong> (${formatCount(s.rows)} rows)`)} · target <code>${cols.target}</code>${
    cols.prediction ? html` · prediction <code>${cols.prediction}</code>` : ''
  }${cols.score.length ? html` · score ${cols.score.map((c, i) => html`${i ? ', ' : ''}<code>${c}</code>`)}` : ''}${pos === null ? '' : html` · positive label “${pos}”`}</p>`;
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
${(ref?.segments ?? []).map((s) => figure(`MAE by ${s.name}`, segmentErrorChart(sides, { document, segment: s.name })))}
${(ref?.residuals_by_feature ?? []).map((f) => figure(`Mean error by ${f.name}`, residualFeatureChart(sides, { document, feature: f.name })))}
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
${perClass.map((r) => html`<tr data-class="${r.label}"><td class="col-name">${r.label}</td>${r.cells.map((c) => html`<td class="num" data-metric="${c.id}">${c.text}</td>`)}</tr>\n`)}</tbody></table></div>
${classificationCharts(result, document, thresholdInUse(result, threshold))}`;
}
