import { changeChart } from '../../charts/change-chart';
import { changeEvents, changeSummary, paramsNote, positionsAre, type ChangeCellResult } from '../../notebook/kinds/change';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount, formatScore } from '../format';
import { figure } from './model';
import { withResult } from './types';

/** Rows of the events table in a report (the rest are counted). */
const MAX_EVENTS = 200;

export function changeSection(result: ChangeCellResult, { document }: { document: Document }): SafeHtml {
  const events = changeEvents(result);
  const shown = events.slice(0, MAX_EVENTS);
  const positions = (e: (typeof events)[number]) => (e.first === e.last ? `${e.first}` : `${e.first}–${e.last}`);
  const windows = positionsAre(result) === 'windows';
  const place = (e: (typeof events)[number]) =>
    windows ? html`<td>${userText(e.windowTo ? `${e.window ?? ''} – ${e.windowTo}` : (e.window ?? ''))}</td>` : html`<td class="num">${e.row ?? ''}</td>`;
  const what = (result.source ?? 'column') === 'column' ? 'column' : 'series';
  const targets = result.targets ? html` · mu and sigma from ${userText(result.targets.reference)} (${formatCount(result.targets.count)} values)` : '';
  const when = (e: (typeof events)[number]) => (e.from === undefined ? '' : e.from === e.to ? e.from : `${e.from} – ${e.to}`);
  return html`<p class="meta"><strong>${userText(result.data.name)}</strong> (${formatCount(result.data.rows)} rows) · ${what} <code>${userText(result.column)}</code> · ${result.label} (${paramsNote(result)})${targets}${result.orderBy === undefined ? '' : html` · ordered by <code>${userText(result.orderBy)}</code>`}</p>
${(result.notes ?? []).map((note) => html`<p class="meta">${userText(note)}</p>`)}<p class="meta">${changeSummary(result)} · values from ${formatScore(result.values.min)} to ${formatScore(result.values.max)}, mean ${formatScore(result.values.mean)}</p>
${figure('Stream with drifts and warnings', changeChart(result, { document }))}
${
  events.length
    ? html`<div class="table-wrap"><table data-testid="change-events"><thead><tr><th>Event</th><th class="num">Position</th>${windows ? html`<th>Window</th>` : html`<th class="num">Row</th>`}${result.orderBy === undefined ? '' : html`<th>Time (UTC)</th>`}</tr></thead><tbody>
${shown.map((e) => html`<tr><td>${e.type}</td><td class="num">${positions(e)}</td>${place(e)}${result.orderBy === undefined ? '' : html`<td>${when(e)}</td>`}</tr>`)}
</tbody></table></div>${events.length > shown.length ? html`<p class="meta">${formatCount(events.length - shown.length)} more events not listed.</p>` : ''}`
    : ''
}`;
}

export const changeCellSection = withResult<'change'>((result, _cell, context) => changeSection(result, context));
