/**
 * The card's quantitative analysis as HTML: a metrics table per side with 95% intervals, a table
 * per side of the per-group metrics, drift status, estimated performance and validation results,
 * each number marked with its source, and the charts when a document is at hand to draw them.
 */
import { formatMetric } from '../notebook/view/metric-rows';
import { html, userText, type SafeHtml } from '../report/escape';
import { formatCount, formatShare, methodLabel } from '../report/format';
import { cardCharts } from './html-charts';
import { EMPTY, formatSignificant, groupLabel, markdown, metricLabel } from './html-text';
import type { SourceNotes } from './html-sources';
import type { CardDrift, CardInterval, CardMetric, CardSide, CardValidation, ModelCard } from './types';

const SIDE_LABEL: Record<CardSide, string> = { reference: 'Reference data', current: 'Current data' };
const SIDES: readonly CardSide[] = ['reference', 'current'];

const intervalText = (i: CardInterval | undefined): SafeHtml =>
  i ? html`<span class="interval">${formatSignificant(i.lower)} – ${formatSignificant(i.upper)}</span>` : EMPTY;

/** How an interval was made, in words: "95% percentile bootstrap, 1,000 resamples, seed 7". */
export const intervalMethod = (i: CardInterval): string =>
  `${formatMetric(i.level * 100)}% ${i.method === 'percentile-bootstrap' ? 'percentile bootstrap' : i.method}, ${formatCount(i.resamples)} resamples, seed ${i.seed}`;

/**
 * The intervals' method, said once under a table (the most common one, first seen on a tie); an
 * interval made another way says its own method in its cell.
 */
function intervalNote(metrics: readonly CardMetric[]): { note: SafeHtml; ownMethod: (i: CardInterval | undefined) => SafeHtml } {
  const counts = new Map<string, number>();
  for (const m of metrics) if (m.interval) counts.set(intervalMethod(m.interval), (counts.get(intervalMethod(m.interval)) ?? 0) + 1);
  const common = [...counts.entries()].reduce<[string, number] | undefined>((best, e) => (best === undefined || e[1] > best[1] ? e : best), undefined)?.[0];
  if (common === undefined) return { note: html``, ownMethod: () => html`` };
  return {
    note: html`<p class="meta">Intervals: ${common}${counts.size > 1 ? '; others as marked' : ''}.</p>`,
    ownMethod: (i) =>
      i && intervalMethod(i) !== common
        ? html`
<div class="meta">${intervalMethod(i)}</div>`
        : html``,
  };
}

function metricRows(metrics: readonly CardMetric[], sources: SourceNotes, ownMethod: (i: CardInterval | undefined) => SafeHtml): SafeHtml {
  return html`${metrics.map(
    (m) => html`<tr><td>${userText(metricLabel(m))}${m.name?.trim() && m.name !== m.type ? html` <code class="type">${userText(m.type)}</code>` : ''}</td>
<td class="num value">${formatSignificant(m.value)}</td><td class="num">${intervalText(m.interval)}${ownMethod(m.interval)}</td><td class="source">${sources.mark(m.source)}</td></tr>\n`,
  )}`;
}

/** A table of metrics: metric | value | 95% interval | source. */
function metricTable(metrics: readonly CardMetric[], sources: SourceNotes, testId: string): SafeHtml {
  const { note, ownMethod } = intervalNote(metrics);
  return html`<div class="table-wrap"><table class="card-table" data-testid="${testId}"><thead><tr><th>Metric</th><th class="num">Value</th><th class="num">95% interval</th><th>Source</th></tr></thead><tbody>
${metricRows(metrics, sources, ownMethod)}</tbody></table></div>${note}`;
}

/** Per-group metrics of one side: a row per group, a column per metric, each value with its interval under it. */
function groupTable(metrics: readonly CardMetric[], sources: SourceNotes, side: CardSide): SafeHtml {
  const types = [...new Map(metrics.map((m) => [m.type, metricLabel(m)])).entries()];
  const groups = [...new Map(metrics.map((m) => [groupLabel(m.group!), m.group!])).entries()];
  const { note, ownMethod } = intervalNote(metrics);
  const cell = (g: string, type: string): SafeHtml => {
    const m = metrics.find((x) => x.type === type && groupLabel(x.group!) === g);
    if (!m) return html`<td class="num">${EMPTY}</td>`;
    return html`<td class="num"><span class="value">${formatSignificant(m.value)}</span> ${sources.mark(m.source)}${
      m.interval
        ? html`
<div class="meta">${intervalText(m.interval)}</div>`
        : ''
    }${ownMethod(m.interval)}</td>`;
  };
  return html`<div class="table-wrap"><table class="card-table group-table" data-testid="card-groups-${side}"><thead><tr><th>Group</th>${types.map(([, label]) => html`<th class="num">${userText(label)}</th>`)}</tr></thead><tbody>
${groups.map(([label, g]) => html`<tr><td class="col-name">${userText(g.column)} = <strong>${userText(g.value)}</strong></td>${types.map(([type]) => cell(label, type))}</tr>\n`)}</tbody></table></div>${note}`;
}

function driftBlock(drift: CardDrift, sources: SourceNotes): SafeHtml {
  const badge = drift.datasetDrift ? html`<span class="badge bad lg">Dataset drift</span>` : html`<span class="badge good lg">No dataset drift</span>`;
  return html`<div class="keep" data-testid="card-drift"><h3>Drift status</h3>
<p class="headline">${badge} <span><strong>${formatCount(drift.driftedColumns)}</strong> of ${formatCount(drift.testedColumns)} tested columns drifted (share ${formatSignificant(drift.share)}, ${formatShare(drift.share)}; threshold ${formatSignificant(drift.threshold)}) ${sources.mark(drift.source)}</span></p></div>
${
  drift.columns.length
    ? html`<div class="table-wrap"><table class="card-table" data-testid="card-drift-columns"><thead><tr><th>Column</th><th>Method</th><th class="num">Score</th><th>Verdict</th></tr></thead><tbody>
${drift.columns.map(
  (c) =>
    html`<tr><td class="col-name">${userText(c.column)}</td><td>${userText(methodLabel(c.method))}</td><td class="num">${formatSignificant(c.score)}</td><td>${
      c.drifted ? html`<span class="badge bad">Drift</span>` : html`<span class="badge good">No drift</span>`
    }</td></tr>\n`,
)}</tbody></table></div>`
    : ''
}`;
}

function validationTable(results: readonly CardValidation[], sources: SourceNotes): SafeHtml {
  return html`<h3>Validation</h3><div class="table-wrap"><table class="card-table" data-testid="card-validation"><thead><tr><th>Suite</th><th class="num">Expectations</th><th class="num">Met</th><th>Outcome</th><th>Source</th></tr></thead><tbody>
${results.map(
  (v) =>
    html`<tr><td class="col-name">${userText(v.suite)}</td><td class="num">${formatCount(v.evaluated)}</td><td class="num">${formatCount(v.successful)}</td><td>${
      v.success ? html`<span class="badge good">Passed</span>` : html`<span class="badge bad">Failed</span>`
    }</td><td class="source">${sources.mark(v.source)}</td></tr>\n`,
)}</tbody></table></div>`;
}

/** The whole quantitative analysis section. */
export function quantitativeSection(card: ModelCard, sources: SourceNotes, document: Document | undefined): SafeHtml {
  const q = card.quantitative;
  const overall = q.metrics.filter((m) => !m.group);
  const grouped = q.metrics.filter((m) => m.group);
  const nothing = q.metrics.length === 0 && q.estimated.length === 0 && !q.drift && q.validation.length === 0;
  const perSide = SIDES.flatMap((side) => {
    const mine = overall.filter((m) => m.side === side);
    return mine.length ? [html`<div class="block"><h3>${SIDE_LABEL[side]}</h3>${metricTable(mine, sources, `card-metrics-${side}`)}</div>`] : [];
  });
  const perGroup = SIDES.flatMap((side) => {
    const mine = grouped.filter((m) => m.side === side);
    return mine.length ? [html`<div class="block"><h3>Per group · ${SIDE_LABEL[side].toLowerCase()}</h3>${groupTable(mine, sources, side)}</div>`] : [];
  });
  return html`<section id="quantitative" aria-labelledby="quantitative-title"><h2 id="quantitative-title">Quantitative analysis</h2>
${q.notes.trim() ? markdown(q.notes) : ''}
${nothing ? html`<p class="meta">No numbers yet: autofill them from the notebook or type them in.</p>` : ''}
${perSide}
${perGroup}
${document ? cardCharts(overall, grouped, document) : ''}
${q.drift ? driftBlock(q.drift, sources) : ''}
${q.estimated.length ? html`<div class="block"><h3>Estimated performance (no labels needed)</h3>${metricTable(q.estimated, sources, 'card-estimated')}</div>` : ''}
${q.validation.length ? validationTable(q.validation, sources) : ''}
${sources.list()}
</section>`;
}
