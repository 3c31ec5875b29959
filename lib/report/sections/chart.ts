import { customChart } from '../../charts/custom-chart';
import { chartMarkup } from '../chart-markup';
import { html, userText } from '../escape';
import { withResult } from './types';

const CHART_SIZE = { width: 720, height: 300 };

/** A custom chart: the same SVG builder as the app's cell, its notes and warnings. */
export const chartCellSection = withResult<'chart'>(
  (result, _cell, { document }) => html`<div class="chart chart-figure">${chartMarkup(customChart(result, { document, ...CHART_SIZE }))}</div>
${result.notes.length ? html`<p class="meta">${result.notes.map((n, i) => html`${i ? ' · ' : ''}${userText(n)}`)}</p>` : ''}
${result.warnings.length ? html`<ul class="warn-list">${result.warnings.map((w) => html`<li>${userText(w)}</li>`)}</ul>` : ''}`,
);
