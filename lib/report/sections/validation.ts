import type { ValidationCellResult } from '../../notebook/kinds/validation';
import { validationRows, validationSummary, type ValidationRow } from '../../notebook/view/validation-rows';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount } from '../format';
import { withResult } from './types';

function row(r: ValidationRow): SafeHtml {
  return html`<tr${r.success ? '' : html` class="flagged"`}><td class="num">${r.index}</td><td><code>${r.type}</code></td><td class="col-name">${r.column === undefined ? '—' : userText(r.column)}</td>
<td>${r.success ? 'met' : html`<span class="flagged">failed</span>`}</td><td class="num">${userText(r.observed)}</td><td class="num">${r.unexpected}</td>
<td>${r.exception ? userText(r.exception) : r.sample.map((v, i) => html`${i ? ', ' : ''}<code>${userText(v)}</code>`)}</td></tr>
`;
}

/** A suite's run: the headline, where it ran, and one line per expectation (GX's SUMMARY fields). */
export function validationSection(result: ValidationCellResult): SafeHtml {
  const summary = validationSummary(result);
  const { data } = result;
  return html`<p class="meta"><strong>${summary.success ? 'All expectations met' : html`<span class="flagged">Validation failed</span>`}</strong>: ${summary.text} · suite “${userText(result.suite.name)}” on the ${result.dataset} dataset ${userText(data.name)} (${formatCount(data.rows)} rows${data.segment ? html`, segment <code>${userText(data.segment)}</code>` : ''})</p>
${result.notes.length ? html`<ul class="meta">${result.notes.map((n) => html`<li>${userText(n)}</li>`)}</ul>` : ''}
<div class="table-tools"><input type="search" class="table-filter" placeholder="Filter expectations…" aria-label="Filter expectations"></div>
<div class="table-wrap sortable"><table>
<thead><tr><th class="num">#</th><th>Expectation</th><th>Column</th><th>Result</th><th class="num">Observed</th><th class="num">Unexpected</th><th>Sample of unexpected values</th></tr></thead>
<tbody>
${validationRows(result).map(row)}</tbody></table></div>
<p class="meta">Great Expectations' SUMMARY result: unexpected shares are of the non-missing values; the full result is the cell's "Export results" (GX 1.x JSON).</p>`;
}

export const validationCellSection = withResult<'validation'>((result) => validationSection(result));
