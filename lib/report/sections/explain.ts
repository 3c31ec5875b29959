import { importanceChart } from '../../charts/shap-charts';
import { permutationChart } from '../../charts/shap-local-charts';
import { attributionRows, explainNote, rankingNote, type AttributionRow, type ExplainCellResult } from '../../notebook/kinds/explain';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount, formatScore } from '../format';
import { figure, warningList } from './model';
import { withResult } from './types';

const num = (v: number | null) => (v === null ? '—' : formatScore(v));

function row(r: AttributionRow): SafeHtml {
  const verdict = r.drifted === null ? (r.reason ? 'not tested' : '—') : r.drifted ? html`<span class="flagged">drift</span>` : 'no drift';
  return html`<tr${r.drifted ? html` class="flagged"` : ''}><td class="col-name">${userText(r.feature)}</td><td class="num">${num(r.reference)}</td><td class="num">${num(r.current)}</td><td class="num">${r.rank.reference ?? '—'} → ${r.rank.current}</td><td>${r.method ?? '—'}</td><td class="num">${num(r.score)}</td><td>${verdict}</td></tr>\n`;
}

/**
 * The Explain cell in the report: aggregates only — the model and method, importance on each side with
 * the ranking's Kendall τ and each feature's attribution drift, permutation importance. Per-row values
 * (beeswarm, dependence, a row's waterfall) stay in the app: they carry the rows' feature values.
 */
export function explainSection(result: ExplainCellResult, { document }: { document: Document }): SafeHtml {
  const e = result.explanation;
  const model = result.model;
  return html`<p class="meta">${model ? html`model <strong>${userText(model.name)}</strong> (SHA-256 <code>${model.sha256}</code>) · ` : ''}current <strong>${userText(result.current.name)}</strong> (${formatCount(result.current.rows)} rows) · reference <strong>${userText(result.reference.name)}</strong> (${formatCount(result.reference.rows)} rows) · ${explainNote(result)}${e.baseValue === null ? '' : ` · E[f(x)] ${formatScore(e.baseValue)}`}</p>
${warningList(e.warnings)}
<p class="meta">${rankingNote(result)}</p>
<div class="cards">${figure('Mean |SHAP| per feature', importanceChart(e, { document }))}${e.permutation ? figure(`Permutation importance (${e.permutation.current.metric})`, permutationChart(e.permutation, { document })) : ''}</div>
<div class="table-wrap sortable"><table>
<thead><tr><th>Feature</th><th class="num">Reference mean |SHAP|</th><th class="num">Current mean |SHAP|</th><th class="num">Rank ref → cur</th><th>Test</th><th class="num">Score</th><th>Attribution drift</th></tr></thead>
<tbody>
${attributionRows(result).map(row)}</tbody></table></div>`;
}

export const explainCellSection = withResult<'explain'>((result, _cell, context) => explainSection(result, context));
