import type { ColumnDriftResult, TestOutcome } from '../drift/types';
import { columnBadge } from './badges';
import { html, userText, type SafeHtml } from './escape';
import { formatDriftScore, formatPValue, formatScore, methodLabel } from './format';

/** One card per column that has a distribution: verdict, score, the chart and every test run. */
export function chartCards(columns: ColumnDriftResult[], charts: (SafeHtml | undefined)[], idPrefix = 'col-'): SafeHtml {
  return html`<div class="cards">
${columns.map((col, i) => {
  const chart = charts[i];
  return chart ? card(col, i, chart, idPrefix) : '';
})}</div>`;
}

function card(col: ColumnDriftResult, index: number, chart: SafeHtml, idPrefix: string): SafeHtml {
  return html`<article class="card chart-card" id="${idPrefix}${index}">
<header><h4>${userText(col.name)}</h4>${columnBadge(col)}</header>
<p class="meta">${meta(col)}</p>
${col.selection ? html`<p class="meta why">Why ${col.method}: ${col.selection}</p>` : ''}
<div class="chart">${chart}</div>
${testList(col.tests)}${missingLine(col)}${warningList(col.warnings)}</article>
`;
}

function meta(col: ColumnDriftResult): SafeHtml {
  if (!col.tested) return html`${col.type} · not tested — ${col.reason ?? 'no reason given'}`;
  const method = col.method === undefined ? 'score' : methodLabel(col.method);
  return html`${col.type} · ${method} <strong>${formatDriftScore(col.score, col.method)}</strong> · threshold ${formatScore(col.threshold)}`;
}

function testList(tests: Record<string, TestOutcome> | undefined): SafeHtml {
  const entries = Object.entries(tests ?? {});
  if (entries.length === 0) return html``;
  return html`<ul class="tests">${entries.map(([id, t]) =>
    t.error
      ? html`<li><code>${id}</code> ${userText(t.error)}</li>`
      : // From profiles: a test that needs the rows has no numbers (its null statistic is not an infinity).
        t.fromProfile === 'unavailable'
        ? html`<li><code>${id}</code> ${userText(t.fromProfileReason ?? 'needs the rows')}</li>`
        : html`<li><code>${id}</code> statistic ${formatScore(t.statistic)}${t.pValue === undefined ? '' : html` · p ${formatPValue(t.pValue)}`}${
            t.adjustedPValue === undefined ? '' : html` · adjusted p ${formatPValue(t.adjustedPValue)}`
          }${accuracy(t)}</li>`,
  )}</ul>`;
}

/** A test computed from profiles: exact (equal to the raw-row result), or approximate with its bound on this column. */
function accuracy(t: TestOutcome): SafeHtml | '' {
  if (t.fromProfile === 'exact') return html` · <span class="accuracy">exact from profiles</span>`;
  if (t.fromProfile !== 'approximate') return '';
  return html` · <span class="accuracy">approximate: ${t.fromProfileReason ? userText(t.fromProfileReason) : 'from quantile sketches'}</span>`;
}

function missingLine(col: ColumnDriftResult): SafeHtml {
  const m = col.missingDrift;
  if (!m) return html``;
  const pct = (x: number) => `${Number((x * 100).toPrecision(3))}%`;
  return html`<p class="meta${m.drifted ? ' flagged' : ''}">Missing values ${pct(m.reference)} → ${pct(m.current)} (z-test p ${formatScore(m.pValue)}${
    m.drifted ? ', drifted' : ''
  })</p>`;
}

function warningList(warnings: string[] | undefined): SafeHtml {
  if (!warnings || warnings.length === 0) return html``;
  return html`<ul class="warn-list">${warnings.map((w) => html`<li>${userText(w)}</li>`)}</ul>`;
}
