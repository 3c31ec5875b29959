/**
 * The business value table and the "Business value" block the classification and estimated-performance
 * sections add when their config holds a value matrix (the Business value cell's section uses the table too).
 */
import type { ValueSettings } from '../../compare/business-value';
import { VALUE_COLUMNS, valueSettingsNote, type ValueRow } from '../../notebook/view/value-rows';
import { html, userText, type SafeHtml } from '../escape';

/** One row per model × group × source (realized / estimated); the headers' titles give the definitions. */
export function valueTable(rows: readonly ValueRow[], testId: string): SafeHtml {
  const row = (r: ValueRow) =>
    html`<tr data-row="${r.id}"${r.reason ? html` title="${r.reason}"` : ''}><td class="col-name">${userText(r.model)}</td><td>${userText(r.group)}</td><td>${r.source}</td>${VALUE_COLUMNS.map(
      ([id]) => html`<td class="num" data-metric="${id}">${r.cells[id]}</td>`,
    )}</tr>\n`;
  return html`<div class="table-wrap sortable"><table data-testid="${testId}"><thead><tr><th>Model</th><th>Rows of</th><th>Source</th>${VALUE_COLUMNS.map(
    ([, label, title]) => html`<th class="num" title="${title}">${label}</th>`,
  )}</tr></thead><tbody>
${rows.map(row)}</tbody></table></div>
<p class="meta">Per prediction = total ÷ n (NannyML’s documentation) · Per prediction (NannyML code) = (TN·v_tn + FN·v_fn)/(TN + FN) + (FP·v_fp + TP·v_tp)/(FP + TP), what NannyML computes since v0.10.0 · estimated rows use CBPE’s expected confusion matrix.</p>`;
}

/** The block a model cell's section adds: settings, then the table. */
export function valueBlock(settings: ValueSettings | undefined, rows: () => ValueRow[], testId: string): SafeHtml {
  if (!settings) return html``;
  const list = rows();
  return html`<h3>Business value</h3><p class="meta">${valueSettingsNote(settings)}</p>${list.length ? valueTable(list, testId) : html`<p class="meta">Business value needs a binary classifier.</p>`}`;
}
