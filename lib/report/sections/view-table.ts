import type { ViewCell, ViewTable } from '../../notebook/view/view-table';
import { html, userText, type SafeHtml } from '../escape';

/** A view table (lib/notebook/view/view-table.ts) as the report's sortable table, user text isolated. */
function cellHtml(c: ViewCell, index: number): SafeHtml {
  const content = c.user ? userText(c.text) : html`${c.text}`;
  const cls = [index === 0 ? 'col-name' : 'num', c.flagged ? 'flagged' : ''].filter(Boolean).join(' ');
  return index === 0
    ? html`<th scope="row" class="${cls}"${c.title ? html` title="${c.title}"` : ''}>${content}</th>`
    : html`<td class="${cls}"${c.title ? html` title="${c.title}"` : ''}>${content}</td>`;
}

export function viewTable(table: ViewTable): SafeHtml {
  return html`<div class="table-wrap sortable"><table data-testid="${table.id}">${table.caption ? html`<caption class="meta">${table.caption}</caption>` : ''}
<thead><tr>${table.columns.map((c) => html`<th${c.num ? html` class="num"` : ''}>${c.user ? userText(c.label) : c.label}</th>`)}</tr></thead>
<tbody>
${table.rows.map((r) => html`<tr data-row="${r.key}">${r.cells.map(cellHtml)}</tr>\n`)}</tbody></table></div>`;
}
