import { sha256Hex } from '../data/sha256';
import type { DerivedFrom } from '../data/types';
import { findSpec, isKnownKind, unknownKindError, type CellKind } from '../notebook/registry';
import { html, userText, type SafeHtml } from './escape';
import { alertsSection } from './alerts-section';
import { htmlDocument } from './html-document';
import { formatCount } from './format';
import { REPORT_CSS, WORKSPACE_REPORT_CSS } from './report-css';
import type { ReportCell, ReportCellMap, ReportDataset, WorkspaceReportInput } from './report-cell';
import { REPORT_SCRIPT } from './report-script';
import { REPORT_SECTIONS } from './sections/registry';
import type { SectionContext } from './sections/types';

export type { ReportCell, ReportCellOf, ReportDataset, WorkspaceReportInput } from './report-cell';

/** The kind's own section, looked up by kind (the compiler ties each kind to its section). */
function kindSection<K extends CellKind>(cell: ReportCellMap[K], context: SectionContext): SafeHtml {
  const render = REPORT_SECTIONS[cell.kind];
  return render(cell, context);
}

/** A cell's body; a kind this version does not know (a newer version's, a damaged file) is a failed cell, never a crash. */
function cellBody(cell: ReportCell, index: number, document: Document): SafeHtml {
  if (!isKnownKind(cell.kind)) return html`<p class="meta failed" data-failed="unknown-kind">Failed cell: ${userText(unknownKindError(cell.kind).message)}</p>`;
  return kindSection(cell, { document, idPrefix: `c${index}-` });
}

function datasetTable(datasets: ReportDataset[]): SafeHtml {
  return html`<div class="table-wrap"><table><thead><tr><th>Dataset</th><th class="num">Rows</th><th class="num">Columns</th><th>SHA-256</th></tr></thead><tbody>
${datasets.map(
  (d) =>
    html`<tr><td class="col-name">${userText(d.name)}</td><td class="num">${formatCount(d.rows)}</td><td class="num">${formatCount(d.columns)}</td><td class="sha">${d.sha256}</td></tr>\n${d.derivedFrom ? derivedRow(d.derivedFrom) : ''}`,
)}</tbody></table></div>`;
}

/** Under a scored dataset: the model that added its columns (name, SHA-256, opsets, producer) and the dataset it scored. */
function derivedRow({ model, dataset, inputs }: DerivedFrom): SafeHtml {
  const opsets = Object.entries(model.opset)
    .map(([domain, version]) => `${domain || 'ai.onnx'} ${version}`)
    .join(', ');
  return html`<tr class="derived"><td colspan="4" class="meta">scored by model ${userText(model.name)} (SHA-256 <span class="sha">${model.sha256}</span>; opset ${opsets}; producer ${userText(`${model.producer.name} ${model.producer.version}`.trim())}) from ${userText(dataset.name)} (SHA-256 <span class="sha">${dataset.sha256}</span>); inputs ${userText(inputs)}</td></tr>\n`;
}

/** "ref.csv [segment] → cur.csv [segment]": which rows of which datasets the cell read. */
function inputsLine(cell: ReportCell, input: WorkspaceReportInput): SafeHtml {
  const side = (slot: 'reference' | 'current') => {
    const id = cell.inputs[slot];
    if (!id) return undefined;
    const name = input.datasets.find((d) => d.id === id)?.name ?? id;
    const segment = cell.segments?.[slot];
    return html`${userText(name)}${segment ? html` <code class="segment" title="segment">${userText(segment)}</code>` : ''}`;
  };
  const [ref, cur] = [side('reference'), side('current')];
  if (!ref) return html``;
  return html`<p class="meta">${cur ? html`<span class="swatch ref"></span>${ref} → <span class="swatch cur"></span>${cur}` : ref}</p>`;
}

function section(cell: ReportCell, index: number, input: WorkspaceReportInput, document: Document): SafeHtml {
  const spec = findSpec(cell.kind);
  const computes = spec?.compute !== undefined;
  const config = computes
    ? html`<details class="config"><summary class="meta">Settings of this cell</summary><pre>${JSON.stringify(cell.config, null, 2)}</pre></details>`
    : '';
  return html`<section class="report-cell" id="cell-${index}" aria-labelledby="cell-${index}-title">
<h2 id="cell-${index}-title"><span class="kind">${spec?.label ?? html`Unknown kind “${userText(String(cell.kind))}”`}</span>${userText(cell.title)}</h2>
${inputsLine(cell, input)}
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
<h1>${userText(input.title)}</h1>
<p class="meta">${formatCount(input.cells.length)} ${input.cells.length === 1 ? 'cell' : 'cells'} · exported <time datetime="${input.exportedAt}">${input.exportedAt}</time>
${hasCharts ? html` · <button type="button" class="mode-toggle" aria-pressed="false" hidden>Show counts</button>` : ''}</p>
</header>
<nav aria-label="Cells"><ol class="list-inline">${input.cells.map((c, i) => html`<li><a href="#cell-${i}">${userText(c.title)}</a></li>`)}</ol></nav>
${input.cells.map((cell, i) => section(cell, i, input, document))}
${input.alerts ? alertsSection(input.alerts) : ''}
<section class="report-cell" id="manifest"><h2><span class="kind">Reproducibility</span>Manifest</h2>
${datasetTable(input.datasets)}
<p class="meta">Driftbook ${input.appVersion} · engine ${input.engineVersion} · exported ${input.exportedAt}. Each cell's settings are listed under it; the same datasets (same SHA-256) and settings give the same numbers.</p>
</section>
<footer>Generated by Driftbook ${input.appVersion}. Contains aggregate statistics only (histogram bins, category counts, summaries), never rows; it loads nothing from the network.</footer>`;
  const csp = await reportCsp(REPORT_SCRIPT);
  return htmlDocument({ csp, appVersion: input.appVersion, title: input.title, css: REPORT_CSS + WORKSPACE_REPORT_CSS, body, script: REPORT_SCRIPT });
}
