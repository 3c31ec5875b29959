import { multivariateChart } from '../../charts/multivariate-chart';
import { formatScore } from '../../format';
import { multivariateAlerts, multivariateChunkRows, multivariateNote, type MultivariateCellResult } from '../../notebook/kinds/multivariate';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount } from '../format';
import { figure, warningList } from './model';
import { withResult } from './types';

/** Multivariate drift: what was measured, the value per chunk (chart and table), the classifier's feature importance. */
export function multivariateSection(result: MultivariateCellResult, { document }: { document: Document }): SafeHtml {
  const { drift } = result;
  const rows = multivariateChunkRows(drift);
  const { lower, upper } = drift.threshold;
  return html`<p class="meta">reference <strong>${userText(result.reference.name)}</strong> (${formatCount(result.reference.rows)} rows) · current <strong>${userText(result.current.name)}</strong> (${formatCount(result.current.rows)} rows) · ${drift.features.length} features: ${drift.features.map((f, i) => html`${i ? ', ' : ''}<code>${userText(f)}</code>`)}</p>
<p class="meta">${multivariateNote(drift)} · thresholds ${lower === null ? 'none' : formatScore(lower)} – ${upper === null ? 'none' : formatScore(upper)} · <strong>${multivariateAlerts(drift)}</strong> of ${rows.length} current chunks alert</p>
${warningList(drift.warnings)}
<div class="cards">${figure('Per chunk (reference, then current)', multivariateChart(drift, { document }))}</div>
<div class="table-wrap"><table class="multivariate-chunks"><thead><tr><th>Current chunk</th><th class="num">Rows</th><th class="num">${drift.method === 'pca' ? 'Reconstruction error' : 'ROC AUC'}</th><th>Alert</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${userText(r.chunk)}</td><td class="num">${formatCount(r.rows)}</td><td class="num">${r.value === null ? 'n/a' : formatScore(r.value)}</td><td${r.alert ? html` class="flagged"` : ''}>${r.alert ? 'alert' : ''}</td></tr>\n`)}</tbody></table></div>
${
  drift.featureImportance
    ? html`<h3>Feature importance (AUC drop when shuffled)</h3><div class="table-wrap"><table class="multivariate-importance"><thead><tr><th>Feature</th><th class="num">Mean</th><th class="num">Std</th></tr></thead><tbody>${drift.featureImportance.map(
        (f) => html`<tr><td><code>${userText(f.feature)}</code></td><td class="num">${formatScore(f.mean)}</td><td class="num">${formatScore(f.std)}</td></tr>`,
      )}</tbody></table></div>`
    : ''
}`;
}

export const multivariateCellSection = withResult<'multivariate'>((result, _cell, context) => multivariateSection(result, context));
