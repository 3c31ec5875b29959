import * as Plot from '@observablehq/plot';
import type { DistributionSummary } from '../drift/types';
import { type BinDatum, categoryData, categoryLabels, histogramData, truncateLabel } from './distribution-data';
import { SIDES, SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export interface ChartOptions {
  /** The browser's document, or linkedom's/jsdom's in Node. */
  document: Document;
  width?: number;
  height?: number;
  /** x-axis label (e.g. the column name). Plot sets it as text content, so user data is safe. */
  label?: string;
}

type Histogram = Extract<DistributionSummary, { kind: 'histogram' }>;
type Categories = Extract<DistributionSummary, { kind: 'categories' }>;
type Facet = 'super' | undefined;

const SVG_NS = 'http://www.w3.org/2000/svg';
const COLOR = { domain: [...SIDES], range: SIDES.map((side) => SIDE_COLORS[side]) };
const Y_LABEL = '% of rows';
// Rotate category labels once they no longer fit side by side.
const ROTATE_ABOVE = 6;

const formatPercent = (p: number): string => `${p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
const formatEdge = (x: number): string => String(Number(x.toPrecision(4)));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Reference vs current distribution of one column, as percent of each side's total. */
export function distributionChart(dist: DistributionSummary, options: ChartOptions): SVGSVGElement | HTMLElement {
  const el = dist.kind === 'histogram' ? histogramChart(dist, options) : categoriesChart(dist, options);
  roundGeometry(el);
  return el;
}

/** A tiny chart without axes or legend, for table rows. */
export function sparkline(
  dist: DistributionSummary,
  { document, width = 120, height = 28 }: ChartOptions,
): SVGSVGElement | HTMLElement {
  const common = { document, width, height, margin: 1, color: COLOR, y: { axis: null } } as const;
  const el =
    dist.kind === 'histogram'
      ? Plot.plot({
          ...common,
          x: { axis: null, domain: xDomain(dist.edges) },
          marks: histogramMarks(histogramData(dist), 1),
        })
      : Plot.plot({
          ...common,
          fx: { axis: null, domain: range(categoryLabels(dist).length), padding: 0.2 },
          x: { axis: null, domain: [...SIDES], padding: 0 },
          marks: [Plot.barY(categoryData(dist), { fx: 'index', x: 'side', y1: 0, y2: 'percent', fill: 'side' })],
        });
  el.setAttribute('aria-hidden', 'true');
  roundGeometry(el);
  return el;
}

function histogramChart(dist: Histogram, { document, width = 560, height = 240, label }: ChartOptions) {
  const domain = xDomain(dist.edges);
  const data = histogramData(dist);
  // Large magnitudes as 20k, 1.5M so edge ticks fit; small ones keep Plot's default.
  const tickFormat = Math.max(Math.abs(domain[0]), Math.abs(domain[1])) >= 1e4 ? '~s' : undefined;
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
    x: { label: label ?? 'value', labelAnchor: 'center', labelArrow: 'none', domain, tickFormat },
    y: { label: Y_LABEL, grid: true, nice: true },
    marks: [
      ...histogramMarks(data, 1.5, (d) =>
        `${d.side}: ${formatPercent(d.percent)} (${d.count}) in [${formatEdge(d.x1)}, ${formatEdge(d.x2)})`,
      ),
      Plot.ruleY([0]),
      ...legendMarks(undefined),
    ],
  });
}

function categoriesChart(dist: Categories, { document, width = 560, height = 240, label }: ChartOptions) {
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
    y: { label: Y_LABEL, grid: true, nice: true },
    marks: [
      Plot.barY(categoryData(dist), {
        fx: 'index',
        x: 'side',
        y1: 0,
        y2: 'percent',
        fill: 'side',
        // The catch-all bar is lighter: it is not one category.
        fillOpacity: (d: { index: number }) => (hasOther && d.index === n - 1 ? 0.5 : 1),
        title: (d: { side: string; label: string; count: number; percent: number }) =>
          `${d.label}\n${d.side}: ${formatPercent(d.percent)} (${d.count})`,
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

/** An in-SVG legend at the top right, so the chart is a single <svg> element. */
function legendMarks(facet: Facet): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  let dx = 0;
  for (const side of [...SIDES].reverse()) {
    marks.push(Plot.text([side], { frameAnchor: 'top-right', dx, dy: -18, text: (d: string) => d, textAnchor: 'end', lineAnchor: 'middle', facet }));
    dx -= side.length * 5.6 + 9; // estimated text width, then the swatch
    const fill = SIDE_COLORS[side];
    marks.push(Plot.dot([side], { frameAnchor: 'top-right', dx, dy: -18, symbol: 'square', r: 4.5, fill, facet }));
    dx -= 16;
  }
  return marks;
}

/** Semi-transparent bars per side, each side's outline on top so overlapping bins stay readable. */
function histogramMarks(data: BinDatum[], strokeWidth: number, title?: (d: BinDatum) => string): Plot.Markish[] {
  return [
    Plot.rectY(data, { x1: 'x1', x2: 'x2', y1: 0, y2: 'percent', fill: 'side', fillOpacity: 0.35, insetLeft: 0.5, insetRight: 0.5, title }),
    Plot.lineY(outline(data), { x: 'x', y: 'percent', z: 'side', stroke: 'side', curve: 'step-after', strokeWidth }),
  ];
}

/** Step-line vertices: each bin's left edge, plus the last bin's right edge to close the step. */
function outline(data: BinDatum[]): { side: string; x: number; percent: number }[] {
  const points = data.map((d) => ({ side: d.side, x: d.x1, percent: d.percent }));
  for (const side of SIDES) {
    const last = data.filter((d) => d.side === side).at(-1);
    if (last) points.push({ side, x: last.x2, percent: last.percent });
  }
  return points;
}

function xDomain(edges: readonly number[]): [number, number] {
  const lo = edges[0] ?? 0;
  const hi = edges[edges.length - 1] ?? lo;
  // A constant column has one zero-width bin; widen so the scale is not degenerate.
  return hi > lo ? [lo, hi] : [lo - 0.5, lo + 0.5];
}
