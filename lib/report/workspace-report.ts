import { customChart } from '../charts/custom-chart';
import { sha256Hex } from '../data/sha256';
import type { CellConfig, CellKind, CellResult } from './cell-kinds';
import { chartMarkup } from './chart-markup';
import { html, raw, type SafeHtml } from './escape';
import { formatCount } from './format';
import { renderMarkdown } from './markdown';
import { cellSpec } from './registry';
import { REPORT_CSS, WORKSPACE_REPORT_CSS } from './report-css';
import { REPORT_SCRIPT } from './report-script';
import { driftSection } from './sections/drift';
import { estimatedSection } from './sections/estimated';
import { fairnessSection } from './sections/fairness';
import { modelSection } from './sections/model';
import { operationalSection } from './sections/operational';
import { qualitySection } from './sections/quality';

/** One cell as the report shows it (the stored cell minus what the reader does not need). */
export interface ReportCell {
  kind: CellKind;
  title: string;
  config: CellConfig;
  result?: CellResult;
  /** Input datasets by slot, by id (described in `datasets`). */
  inputs: { reference?: string; current?: string };
}

export interface ReportDataset {
  id: string;
  name: string;
  rows: number;
  columns: number;
  sha256: string;
}

export interface WorkspaceReportInput {
  title: string;
  appVersion: string;
  engineVersion: number;
  exportedAt: string;
  datasets: ReportDataset[];
  cells: ReportCell[];
}

const CHART_SIZE = { width: 720, height: 300 };

function cellBody(cell: ReportCell, index: number, document: Document): SafeHtml {
  const result = cell.result;
  if (cell.kind === 'note') return raw(`<div class="markdown">${renderMarkdown((cell.config as { markdown?: string }).markdown ?? '')}</div>`);
  if (!result) return html`<p class="meta">This cell has no result (it was not run).</p>`;
  switch (result.kind) {
    case 'drift':
      return driftSection(result, { document, idPrefix: `c${index}-` });
    case 'quality':
      return qualitySection(result);
    case 'chart':
      return html`<div class="chart chart-figure">${chartMarkup(customChart(result, { document, ...CHART_SIZE }))}</div>
${result.notes.length ? html`<p class="meta">${result.notes.join(' · ')}</p>` : ''}
${result.warnings.length ? html`<ul class="warn-list">${result.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}`;
    case 'model-quality':
      return modelSection(result, { document, threshold: (cell.config as { threshold?: number }).threshold });
    case 'operational':
      return operationalSection(result, { document });
    case 'estimated':
      return estimatedSection(result, { document });
    case 'fairness':
      return fairnessSection(result, { document });
    default:
      return html`<p class="meta">This kind of cell is not drawn in reports yet.</p>`;
  }
}

function datasetTable(datasets: ReportDataset[]): SafeHtml {
  return html`<div class="table-wrap"><table><thead><tr><th>Dataset</th><th class="num">Rows</th><th class="num">Columns</th><th>SHA-256</th></tr></thead><tbody>
${datasets.map((d) => html`<tr><td class="col-name">${d.name}</td><td class="num">${formatCount(d.rows)}</td><td class="num">${formatCount(d.columns)}</td><td class="sha">${d.sha256}</td></tr>\n`)}</tbody></table></div>`;
}

function section(cell: ReportCell, index: number, input: WorkspaceReportInput, document: Document): SafeHtml {
  const spec = cellSpec(cell.kind);
  const name = (id?: string) => (id ? (input.datasets.find((d) => d.id === id)?.name ?? id) : undefined);
  const [ref, cur] = [name(cell.inputs.reference), name(cell.inputs.current)];
  const config =
    cell.kind === 'note'
      ? ''
      : html`<details class="config"><summary class="meta">Settings of this cell</summary><pre>${JSON.stringify(cell.config, null, 2)}</pre></details>`;
  return html`<section class="report-cell" id="cell-${index}" aria-labelledby="cell-${index}-title">
<h2 id="cell-${index}-title"><span class="kind">${spec.label}</span>${cell.title}</h2>
${ref ? html`<p class="meta">${cur ? html`<span class="swatch ref"></span>${ref} → <span class="swatch cur"></span>${cur}` : ref}</p>` : ''}
${cellBody(cell, index, document)}
${config}
</section>`;
}

/** A CSP that allows exactly this report's inline script (by its hash) and no network at all. */
export async function reportCsp(script: string): Promise<string> {
  const digest = await sha256Hex(new TextEncoder().encode(script));
  const b64 = btoa(String.fromCharCode(...(digest.match(/../g) ?? []).map((h) => parseInt(h, 16))));
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${b64}'; base-uri 'none'; form-action 'none'`;
}

/**
 * A notebook (chosen cells) as one self-contained HTML file: aggregates only (bins, counts,
 * summaries; no rows), inline CSS, SVG and one small script, a CSP that forbids any network, and
 * a reproducibility manifest (app version, datasets with SHA-256, each cell's settings).
 */
export async function toWorkspaceReport(input: WorkspaceReportInput, { document }: { document: Document }): Promise<string> {
  const hasCharts = input.cells.some((c) => c.result?.kind === 'drift');
  const body = html`<header>
<div class="eyebrow">Driftbook · Notebook report</div>
<h1>${input.title}</h1>
<p class="meta">${formatCount(input.cells.length)} ${input.cells.length === 1 ? 'cell' : 'cells'} · exported <time datetime="${input.exportedAt}">${input.exportedAt}</time>
${hasCharts ? html` · <button type="button" class="mode-toggle" aria-pressed="false" hidden>Show counts</button>` : ''}</p>
</header>
<nav aria-label="Cells"><ol class="list-inline">${input.cells.map((c, i) => html`<li><a href="#cell-${i}">${c.title}</a></li>`)}</ol></nav>
${input.cells.map((cell, i) => section(cell, i, input, document))}
<section class="report-cell" id="manifest"><h2><span class="kind">Reproducibility</span>Manifest</h2>
${datasetTable(input.datasets)}
<p class="meta">Driftbook ${input.appVersion} · engine ${input.engineVersion} · exported ${input.exportedAt}. Each cell's settings are listed under it; the same datasets (same SHA-256) and settings give the same numbers.</p>
</section>
<footer>Generated by Driftbook ${input.appVersion}. Contains aggregate statistics only (histogram bins, category counts, summaries), never rows; it loads nothing from the network.</footer>`;
  const csp = await reportCsp(REPORT_SCRIPT);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="driftbook ${input.appVersion}">
<title>${html`${input.title}`.__html}</title>
<style>${REPORT_CSS}${WORKSPACE_REPORT_CSS}</style>
</head>
<body>
${body.__html}
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
