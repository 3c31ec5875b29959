import type { ColumnDriftResult } from '../drift/types';
import { columnBadge } from './badges';
import { html, userText, type SafeHtml } from './escape';
import { formatCount, formatDriftScore, formatScore, methodLabel } from './format';

/** Per-column summary table; `sparks[i]` is column i's sparkline markup, if it has a distribution. */
export function columnTable(columns: ColumnDriftResult[], sparks: (SafeHtml | undefined)[], idPrefix = 'col-'): SafeHtml {
  return html`<div class="table-wrap"><table>
<thead><tr><th>Column</th><th>Type</th><th>Distribution</th><th>Method</th><th class="num">Score</th><th class="num">Threshold</th><th>Drift</th><th class="num">Effect size</th><th class="num">Count ref → cur</th><th class="num">Missing ref → cur</th></tr></thead>
<tbody>
${columns.map((col, i) => columnRow(col, i, sparks[i], idPrefix))}</tbody>
</table></div>`;
}

function columnRow(col: ColumnDriftResult, index: number, spark: SafeHtml | undefined, idPrefix: string): SafeHtml {
  // Anchors use the index, never the (user-supplied) name.
  const name = col.distribution ? html`<a href="#${idPrefix}${index}">${userText(col.name)}</a>` : userText(col.name);
  const head = html`<td class="col-name">${name}</td><td><span class="type">${col.type}</span></td><td class="spark">${spark ?? html`<span class="arrow">—</span>`}</td>`;
  const tail = html`<td class="num">${refToCur(col.count.reference, col.count.current)}</td><td class="num">${refToCur(col.missing.reference, col.missing.current)}</td>`;
  if (!col.tested) {
    return html`<tr class="is-untested">${head}<td colspan="5" class="untested">not tested — ${col.reason ?? 'no reason given'}</td>${tail}</tr>\n`;
  }
  return html`<tr class="${col.drifted ? 'is-drifted' : ''}">${head}<td class="method">${method(col.method)}</td><td class="num">${formatDriftScore(col.score, col.method)}</td><td class="num">${formatScore(col.threshold)}</td><td>${columnBadge(col)}</td><td class="num">${col.effectSize ? formatScore(col.effectSize.value) : '—'}</td>${tail}</tr>\n`;
}

function method(id: string | undefined): SafeHtml {
  if (id === undefined) return html`—`;
  const label = methodLabel(id);
  return label === id ? html`<code>${id}</code>` : html`${label}<span class="method-id">${id}</span>`;
}

function refToCur(reference: number, current: number): SafeHtml {
  return html`${formatCount(reference)}<span class="arrow">→</span>${formatCount(current)}`;
}
