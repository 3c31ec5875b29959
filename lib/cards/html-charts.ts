/**
 * The card's charts: the metrics of each side with their intervals, and the per-group metrics as
 * one panel per metric. Rates and scores in [0, 1] share one chart on a 0–1 axis; any other
 * metric (MAE, RMSE, R², a ratio above 1) gets a chart of its own on its own scale.
 */
import { intervalChart, type IntervalPoint } from '../charts/card-chart';
import { chartMarkup } from '../report/chart-markup';
import { html, userText, type SafeHtml } from '../report/escape';
import { groupLabel, metricLabel } from './html-text';
import type { CardMetric } from './types';

/** Panels per per-group chart: more would be too narrow on a printed page. */
const PANELS = 4;

const point = (m: CardMetric, row: string, facet?: string): IntervalPoint => ({
  row,
  side: m.side,
  value: m.value,
  ...(m.interval ? { lower: m.interval.lower, upper: m.interval.upper } : {}),
  ...(facet === undefined ? {} : { facet }),
});

const inUnit = (m: CardMetric): boolean => [m.value, m.interval?.lower ?? 0, m.interval?.upper ?? 0].every((v) => v >= 0 && v <= 1);

function figure(title: SafeHtml, chart: Element, testId: string): SafeHtml {
  return html`<figure class="card-chart keep" data-testid="${testId}"><figcaption>${title}</figcaption>${chartMarkup(chart)}</figure>`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The charts of a card's metrics (whole sides) and per-group metrics; empty when there is nothing to draw. */
export function cardCharts(overall: readonly CardMetric[], grouped: readonly CardMetric[], document: Document): SafeHtml {
  const drawn = overall.filter((m) => Number.isFinite(m.value));
  const unit = drawn.filter(inUnit);
  const others = [...new Set(drawn.filter((m) => !inUnit(m)).map((m) => m.type))];
  const figures: SafeHtml[] = [];
  if (unit.length) {
    const points = unit.map((m) => point(m, metricLabel(m)));
    figures.push(
      figure(html`Metrics per side with 95% intervals`, intervalChart(points, { document, domain: [0, 1], ariaLabel: 'metrics per side' }), 'card-chart-sides'),
    );
  }
  for (const type of others) {
    const mine = drawn.filter((m) => m.type === type && !inUnit(m));
    const label = metricLabel(mine[0]!);
    figures.push(
      figure(
        html`${userText(label)} per side with 95% intervals`,
        intervalChart(
          mine.map((m) => point(m, label)),
          { document, ariaLabel: 'metric per side' },
        ),
        'card-chart-sides',
      ),
    );
  }
  const groupDrawn = grouped.filter((m) => Number.isFinite(m.value) && m.group);
  const types = [...new Set(groupDrawn.map((m) => m.type))];
  // Groups of one column are named by their value alone (the column is in the caption), so labels stay short.
  const columns = [...new Set(groupDrawn.map((m) => m.group!.column))];
  const column = columns.length === 1 ? columns[0] : undefined;
  const caption = column === undefined ? html`Metrics per group with 95% intervals` : html`Metrics per group of ${userText(column)} with 95% intervals`;
  for (const part of chunks(types, PANELS)) {
    const mine = groupDrawn.filter((m) => part.includes(m.type));
    const points = mine.map((m) => point(m, column === undefined ? groupLabel(m.group!) : m.group!.value, metricLabel(m)));
    const domain: [number, number] | undefined = mine.every(inUnit) ? [0, 1] : undefined;
    figures.push(figure(caption, intervalChart(points, { document, ...(domain ? { domain } : {}), ariaLabel: 'metrics per group' }), 'card-chart-groups'));
  }
  return figures.length ? html`<div class="card-charts">${figures}</div>` : html``;
}
