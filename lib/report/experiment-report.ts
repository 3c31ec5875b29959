/**
 * The compare view frozen as one self-contained HTML file (the "experiment report"): the runs side by
 * side (differences only when chosen), the metric history, parallel coordinates and scatter as inline
 * SVG — the same lib/charts builders the app draws — and each run's identity. Same rules as the
 * notebook report: inline CSS, no script, a CSP that forbids any network, no external URL, every user
 * string escaped and bidi-isolated.
 */
import { historyChart, runColor, type HistoryX } from '../charts/tracking-history';
import { parallelChart } from '../charts/tracking-parallel';
import { scatterChart } from '../charts/tracking-scatter';
import { axisValues, compareRows, emaSmooth, runLabel, type MetricAggregate } from '../tracking/compare';
import type { Run } from '../tracking/types';
import { chartMarkup } from './chart-markup';
import { html, userText, type SafeHtml } from './escape';
import { htmlDocument } from './html-document';
import { formatCount, formatNumber } from './format';
import { REPORT_CSS } from './report-css';

export interface ExperimentReportInput {
  title: string;
  exportedAt: string;
  appVersion: string;
  runs: readonly Run[];
  /** Experiment id → name, for the runs' table. */
  experimentNames: Record<string, string>;
  aggregate: MetricAggregate;
  differencesOnly: boolean;
  history: { metric: string; x: HistoryX; smoothing: number; log: boolean };
  /** `params.x` / `metrics.x` keys of the parallel coordinates. */
  axes: readonly string[];
  scatter: { x: string; y: string };
}

/** No script at all: nothing may run, load or submit. */
export const EXPERIMENT_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const EXTRA_CSS = `
.swatch-run { display: inline-block; width: .7em; height: .7em; border-radius: 2px; margin-right: .35em; vertical-align: baseline; }
tr.differs th { font-weight: 700; }
tr.differs td { background: rgba(245,133,24,.09); }
.section-key { color: #6b7280; }
`;

function shown(value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : formatNumber(value);
  return value;
}

const time = (t: number | null) => (t === null ? '—' : new Date(t).toISOString().replace('T', ' ').slice(0, 19));

function runsTable(input: ExperimentReportInput): SafeHtml {
  return html`<div class="table-wrap"><table><thead><tr><th>Run</th><th>Run id</th><th>Experiment</th><th>Status</th><th>Started (UTC)</th><th>User</th></tr></thead><tbody>
${input.runs.map(
  (r, i) =>
    html`<tr><td><span class="swatch-run" style="background:${runColor(i)}"></span>${userText(runLabel(r))}</td><td class="sha">${userText(r.id)}</td><td>${userText(input.experimentNames[r.experimentId] ?? r.experimentId)}</td><td>${r.status}</td><td>${time(r.startTime)}</td><td>${userText(r.user)}</td></tr>\n`,
)}</tbody></table></div>`;
}

function compareTable(input: ExperimentReportInput): SafeHtml {
  const rows = compareRows(input.runs, { aggregate: input.aggregate, differencesOnly: input.differencesOnly });
  if (rows.length === 0) return html`<p class="meta">${input.differencesOnly ? 'The runs hold the same params, metrics and tags.' : 'Nothing logged.'}</p>`;
  return html`<div class="table-wrap"><table class="compare"><thead><tr><th>Key</th>${input.runs.map((r) => html`<th>${userText(runLabel(r))}</th>`)}</tr></thead><tbody>
${rows.map(
  (row) =>
    html`<tr${row.differs ? html` class="differs"` : ''}><th><span class="section-key">${row.section}.</span>${userText(row.key)}</th>${row.values.map((v) => html`<td${typeof v === 'number' ? html` class="num"` : ''}>${userText(shown(v))}</td>`)}</tr>\n`,
)}</tbody></table></div>`;
}

/** The experiment report as one HTML document; `document` builds the charts (the page's, or linkedom's in Node). */
export function toExperimentReport(input: ExperimentReportInput, { document }: { document: Document }): string {
  const { runs, history } = input;
  const historySvg = history.metric
    ? chartMarkup(
        historyChart(
          runs.map((r) => {
            const points = r.metrics[history.metric] ?? [];
            return {
              label: runLabel(r),
              points,
              smoothed:
                history.smoothing > 0
                  ? emaSmooth(
                      points.map((p) => p.value),
                      history.smoothing,
                    )
                  : undefined,
            };
          }),
          { document, metric: history.metric, x: history.x, log: history.log },
        ),
      )
    : html`<p class="meta">No metric logged.</p>`;
  const axes = input.axes.map((k) => ({ name: k, values: axisValues(runs, k, input.aggregate) }));
  const parallelSvg = chartMarkup(
    parallelChart(
      axes,
      runs.map((r, i) => ({ label: runLabel(r), color: runColor(i), selected: true })),
      { document },
    ),
  );
  let scatterSvg: SafeHtml = html``;
  if (input.scatter.x && input.scatter.y) {
    const xs = axisValues(runs, input.scatter.x, input.aggregate);
    const ys = axisValues(runs, input.scatter.y, input.aggregate);
    const points = runs.flatMap((r, i) => {
      const [x, y] = [xs[i], ys[i]];
      return x === null || x === undefined || typeof y !== 'number' ? [] : [{ label: runLabel(r), x, y, color: runColor(i) }];
    });
    scatterSvg = chartMarkup(scatterChart(points, { document, xLabel: input.scatter.x, yLabel: input.scatter.y }));
  }
  const smoothing = history.smoothing > 0 ? html`, EMA smoothing ${history.smoothing.toFixed(2)}` : '';
  const body = html`<header>
<div class="eyebrow">Driftbook · Experiment report</div>
<h1>${userText(input.title)}</h1>
<p class="meta">${formatCount(runs.length)} runs compared · metrics as their ${input.aggregate === 'last' ? 'last value' : input.aggregate} · exported <time datetime="${input.exportedAt}">${input.exportedAt}</time></p>
</header>
<section class="report-cell" id="runs"><h2><span class="kind">Runs</span>Compared runs</h2>${runsTable(input)}</section>
<section class="report-cell" id="compare"><h2><span class="kind">Compare</span>${input.differencesOnly ? 'Differences only' : 'Params, metrics and tags'}</h2>${compareTable(input)}</section>
<section class="report-cell" id="history"><h2><span class="kind">History</span>${userText(history.metric || '—')}</h2>
<p class="meta">x = ${history.x === 'step' ? 'step' : history.x === 'wall' ? 'wall time' : 'relative time'}${smoothing}${history.log ? ', log scale' : ''}</p>${historySvg}</section>
<section class="report-cell" id="parallel"><h2><span class="kind">Parallel coordinates</span>${formatCount(axes.length)} axes</h2>${parallelSvg}</section>
${input.scatter.x && input.scatter.y ? html`<section class="report-cell" id="scatter"><h2><span class="kind">Scatter</span>${userText(input.scatter.x)} vs ${userText(input.scatter.y)}</h2>${scatterSvg}</section>` : ''}
<footer>Generated by Driftbook ${input.appVersion}. Params, metric values and tags of the runs above; it loads nothing from the network and runs no script.</footer>`;
  return htmlDocument({ csp: EXPERIMENT_REPORT_CSP, appVersion: input.appVersion, title: input.title, css: REPORT_CSS + EXTRA_CSS, body });
}
