import * as Plot from '@observablehq/plot';
import type { DistributionSummary } from '../drift/types';
import { type ChartOptions, COLOR, SVG_NS, extent, formatNumber, legendMarks, tickFormatFor } from './chart-parts';
import { type BinDatum, categoryData, categoryLabels, histogramData, truncateLabel } from './distribution-data';
import { SIDES } from './palette';
import { roundGeometry } from './round-svg';

export type { ChartOptions } from './chart-parts';

type Histogram = Extract<DistributionSummary, { kind: 'histogram' }>;
type Categories = Extract<DistributionSummary, { kind: 'categories' }>;
type Mode = NonNullable<ChartOptions['mode']>;

const Y_LABEL: Record<Mode, string> = { percent: '% of rows', count: 'count' };
// Rotate category labels once they no longer fit side by side.
const ROTATE_ABOVE = 6;

const formatPercent = (p: number): string => `${p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
/** A bar's value and its other reading, e.g. "10% (10)" or "10 (10%)". */
const formatBar = (d: { count: number; percent: number }, mode: Mode): string =>
  mode === 'count' ? `${d.count} (${formatPercent(d.percent)})` : `${formatPercent(d.percent)} (${d.count})`;

/** Reference vs current distribution of one column, as percent of each side's total or as counts. */
export function distributionChart(dist: DistributionSummary, options: ChartOptions): SVGSVGElement | HTMLElement {
  const el = dist.kind === 'histogram' ? histogramChart(dist, options) : categoriesChart(dist, options);
  roundGeometry(el);
  return el;
}

/** A tiny chart without axes or legend, for table rows. */
export function sparkline(dist: DistributionSummary, { document, width = 120, height = 28, mode = 'percent' }: ChartOptions): SVGSVGElement | HTMLElement {
  const common = { document, width, height, margin: 1, color: COLOR, y: { axis: null } } as const;
  const el =
    dist.kind === 'histogram'
      ? Plot.plot({
          ...common,
          x: { axis: null, domain: xDomain(dist.edges) },
          marks: histogramMarks(histogramData(dist), mode, 1),
        })
      : Plot.plot({
          ...common,
          fx: { axis: null, domain: range(categoryLabels(dist).length), padding: 0.2 },
          x: { axis: null, domain: [...SIDES], padding: 0 },
          marks: [Plot.barY(categoryData(dist), { fx: 'index', x: 'side', y1: 0, y2: mode, fill: 'side' })],
        });
  el.setAttribute('aria-hidden', 'true');
  roundGeometry(el);
  return el;
}

function histogramChart(dist: Histogram, { document, width = 560, height = 240, label, mode = 'percent' }: ChartOptions) {
  const domain = xDomain(dist.edges);
  const data = histogramData(dist);
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginLeft: 44,
    marginRight: 20,
    marginBottom: 36,
    ariaLabel: 'Histogram of reference and current values',
    color: COLOR,
    x: { label: label ?? 'value', labelAnchor: 'center', labelArrow: 'none', domain, tickFormat: tickFormatFor(domain) },
    y: { label: Y_LABEL[mode], grid: true, nice: true },
    marks: [
      ...histogramMarks(data, mode, 1.5, (d) => `${d.side}: ${formatBar(d, mode)} in [${formatNumber(d.x1)}, ${formatNumber(d.x2)})`),
      Plot.ruleY([0]),
      ...legendMarks(undefined),
    ],
  });
}

function categoriesChart(dist: Categories, options: ChartOptions) {
  const { document, width = 560, height = 240, label, mode = 'percent' } = options;
  const labels = categoryLabels(dist);
  const n = labels.length;
  const hasOther = n > dist.categories.length;
  const rotate = n > ROTATE_ABOVE;
  // ~6px per character of Plot's 10px system font.
  const maxChars = rotate ? 14 : Math.min(Math.max(Math.floor((width - 60) / Math.max(n, 1) / 6), 4), 24);
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginLeft: 44,
    marginRight: 16,
    marginBottom: rotate ? 64 : 36,
    ariaLabel: 'Category frequencies of reference and current values',
    color: COLOR,
    fx: {
      domain: range(n),
      axis: 'bottom',
      padding: 0.2,
      label: label ?? null,
      labelArrow: 'none',
      tickRotate: rotate ? -30 : 0,
      tickFormat: (i: number) => truncateLabel(labels[i] ?? '', maxChars),
    },
    x: { axis: null, domain: [...SIDES], padding: 0.05 },
    y: { label: Y_LABEL[mode], grid: true, nice: true },
    marks: [
      Plot.barY(categoryData(dist), {
        fx: 'index',
        x: 'side',
        y1: 0,
        y2: mode,
        fill: 'side',
        // The catch-all bar is lighter: it is not one category.
        fillOpacity: (d: { index: number }) => (hasOther && d.index === n - 1 ? 0.5 : 1),
        title: (d: { side: string; label: string; count: number; percent: number }) => `${d.label}\n${d.side}: ${formatBar(d, mode)}`,
      }),
      Plot.ruleY([0]),
      ...legendMarks('super'),
    ],
  });
  addTickTitles(el, document, labels);
  return el;
}

/** The full category label as a tooltip on each (possibly truncated) tick label. */
function addTickTitles(el: Element, document: Document, labels: string[]): void {
  const ticks = el.querySelectorAll('g[aria-label="fx-axis tick label"] text');
  ticks.forEach((text, i) => {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = labels[i] ?? '';
    text.appendChild(title);
  });
}

/** Semi-transparent bars per side, each side's outline on top so overlapping bins stay readable. */
function histogramMarks(data: BinDatum[], mode: Mode, strokeWidth: number, title?: (d: BinDatum) => string): Plot.Markish[] {
  return [
    Plot.rectY(data, { x1: 'x1', x2: 'x2', y1: 0, y2: mode, fill: 'side', fillOpacity: 0.35, insetLeft: 0.5, insetRight: 0.5, title }),
    Plot.lineY(outline(data, mode), { x: 'x', y: 'y', z: 'side', stroke: 'side', curve: 'step-after', strokeWidth }),
  ];
}

/** Step-line vertices: each bin's left edge, plus the last bin's right edge to close the step. */
function outline(data: BinDatum[], mode: Mode): { side: string; x: number; y: number }[] {
  const points = data.map((d) => ({ side: d.side, x: d.x1, y: d[mode] }));
  for (const side of SIDES) {
    const last = data.filter((d) => d.side === side).at(-1);
    if (last) points.push({ side, x: last.x2, y: last[mode] });
  }
  return points;
}

/** A constant column has one zero-width bin; extent widens it. */
function xDomain(edges: readonly number[]): [number, number] {
  const lo = edges[0] ?? 0;
  return extent(lo, edges[edges.length - 1] ?? lo);
}
