import * as Plot from '@observablehq/plot';
import { extent, formatNumber, tickFormatFor } from './chart-parts';
import type { ChartData, ChartDatum, ChartSide } from '../explore/chart-types';
import { truncateLabel } from './distribution-data';
import { SIDES, SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export interface CustomChartOptions {
  /** The browser's document, or linkedom's/jsdom's in Node. */
  document: Document;
  width?: number;
  height?: number;
}

// Wrapped panels: at most this many side by side (histogram, line, scatter).
const PANEL_COLUMNS = 3;
// Rotate category labels once they no longer fit side by side.
const ROTATE_ABOVE = 6;
const MARGIN = { top: 34, right: 20, bottom: 40, left: 52 };
const LEGEND_ROW = 16;

type Layout = {
  facet: 'super' | undefined;
  /** Mark options placing a datum in its panel. */
  place: { fx?: (d: ChartDatum) => number; fy?: (d: ChartDatum) => number | string };
  plot: Partial<Plot.PlotOptions>;
  marks: Plot.Markish[];
};

const num = (d: ChartDatum, field: string): number => d[field] as number;
const percent = (share: number): string => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
const MARK_NAMES = { histogram: 'Histogram', bar: 'Bar chart', line: 'Line chart', scatter: 'Scatter plot', box: 'Box plot' } as const;

/** A custom chart cell's figure, drawn from its aggregates (lib/charts/custom-chart-data.ts). */
export function customChart(data: ChartData, { document, width = 640, height = 300 }: CustomChartOptions): SVGSVGElement | HTMLElement {
  const sides = data.sides ?? SIDES.filter((side) => data.data.some((d) => d.side === side));
  const byCategory = data.mark === 'bar' || (data.mark === 'box' && data.domain !== undefined);
  const layout = byCategory ? rowsLayout(data, height) : gridLayout(data, height);
  const color = { domain: sides, range: sides.map((side) => SIDE_COLORS[side]) };
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: MARGIN.top,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    ariaLabel: `${MARK_NAMES[data.mark]} ${describeColumns(data)}: ${sides.join(' and ')}`,
    color,
    ...layout.plot,
    ...scales(data, byCategory),
    marks: [
      ...(data.data.length ? markSet(data, layout) : [Plot.text(['No values to draw'], { frameAnchor: 'middle', text: (d: string) => d })]),
      ...layout.marks,
      ...sideLegend(sides, layout.facet, layout.plot.marginTop ?? MARGIN.top),
    ],
  });
  roundGeometry(el);
  return el;
}

/** "of x and y", "of y by x", "of y" — for the figure's accessible name. */
function describeColumns({ mark, x, y, facet }: ChartData): string {
  const main = mark === 'box' ? `of ${y}${x ? ` by ${x}` : ''}` : `of ${x}${y ? ` and ${y}` : ''}`;
  return facet ? `${main}, one panel per ${facet}` : main;
}

/** Panels in a grid of up to three columns, each titled with its facet value. */
function gridLayout(data: ChartData, height: number): Layout {
  const facets = data.facets;
  if (!facets) return { facet: undefined, place: {}, plot: {}, marks: [] };
  const columns = Math.min(PANEL_COLUMNS, facets.length);
  const rows = Math.ceil(facets.length / columns);
  const panel = (d: ChartDatum) => Math.max(facets.indexOf(d.facet ?? ''), 0);
  const panelHeight = Math.max(140, Math.round((height - MARGIN.top - MARGIN.bottom) * 0.7));
  return {
    facet: 'super',
    place: { fx: (d) => panel(d) % columns, fy: (d) => Math.floor(panel(d) / columns) },
    plot: {
      // Room above the first row's titles for the legend.
      marginTop: MARGIN.top + LEGEND_ROW,
      height: MARGIN.top + LEGEND_ROW + MARGIN.bottom + rows * panelHeight,
      fx: { axis: null, domain: range(columns), padding: 0.12 },
      fy: { axis: null, domain: range(rows), padding: 0.18 },
    },
    marks: [
      Plot.text(facets, {
        fx: (_: string, i: number) => i % columns,
        fy: (_: string, i: number) => Math.floor(i / columns),
        text: (d: string) => truncateLabel(d, 28),
        title: (d: string) => `${data.facet}: ${d}`,
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        dy: -4,
        fontWeight: 600,
      }),
    ],
  };
}

/** One panel row per facet value (labelled on the right); bar and box use fx for their categories. */
function rowsLayout(data: ChartData, height: number): Layout {
  const facets = data.facets;
  const domain = data.domain ?? [];
  const rotate = domain.length > ROTATE_ABOVE;
  const bottom = rotate ? 72 : MARGIN.bottom;
  const fx = data.domain
    ? {
        domain,
        padding: 0.2,
        label: data.xLabel ?? null,
        labelArrow: 'none' as const,
        tickRotate: rotate ? -30 : 0,
        tickFormat: (c: string) => truncateLabel(c, rotate ? 14 : 18),
      }
    : undefined;
  // Categories on fx are facets too: the legend is drawn once, over all of them.
  const facet = fx ? ('super' as const) : undefined;
  if (!facets) return { facet, place: {}, plot: { ...(fx ? { fx } : {}), marginBottom: bottom }, marks: [] };
  const panelHeight = Math.max(120, Math.round((height - MARGIN.top - MARGIN.bottom) * 0.6));
  return {
    facet: 'super',
    place: { fy: (d) => d.facet ?? '' },
    plot: {
      height: MARGIN.top + bottom + facets.length * panelHeight,
      marginBottom: bottom,
      marginRight: 90,
      ...(fx ? { fx } : {}),
      fy: { domain: facets, padding: 0.15, label: data.facet ?? null, tickFormat: (f: string) => truncateLabel(f, 16) },
    },
    marks: [],
  };
}

function scales(data: ChartData, byCategory: boolean): Partial<Plot.PlotOptions> {
  const y = { label: data.yLabel ?? null, grid: true, nice: true } as const;
  const sides = data.sides ?? [...SIDES];
  if (data.mark === 'bar') return { x: { axis: null, domain: sides, padding: 0.1 }, y: { ...y, label: '% of rows', percent: true } };
  if (data.mark === 'box') {
    // Ungrouped: one box per side, named on the axis; grouped: sides side by side in each group.
    const x = byCategory ? { axis: null, domain: sides, padding: 0.15 } : { domain: sides, padding: 0.6, label: null };
    return { x, y };
  }
  const xs = data.data.flatMap((d) => (data.mark === 'scatter' ? [num(d, 'x')] : [num(d, 'x0'), num(d, 'x1')]));
  const domain = xs.length ? extent(Math.min(...xs), Math.max(...xs)) : ([0, 1] as [number, number]);
  const x = { label: data.xLabel ?? null, labelAnchor: 'center', labelArrow: 'none', domain } as const;
  // Time ticks take two lines (month, then year).
  if (data.xType === 'time') return { x: { ...x, type: 'utc' }, y, marginBottom: MARGIN.bottom + 10 };
  return {
    x: { ...x, tickFormat: tickFormatFor(domain) },
    y: data.mark === 'histogram' ? { ...y, label: '% of rows', percent: true } : y,
  };
}

function markSet(data: ChartData, layout: Layout): Plot.Markish[] {
  const { place } = layout;
  const rows = data.data;
  switch (data.mark) {
    case 'histogram':
      return [
        Plot.rectY(rows, {
          ...place,
          x1: 'x0',
          x2: 'x1',
          y1: 0,
          y2: 'share',
          fill: 'side',
          fillOpacity: 0.35,
          stroke: 'side',
          strokeWidth: 1,
          insetLeft: 0.5,
          insetRight: 0.5,
          title: (d: ChartDatum) =>
            `${d.side}: ${percent(num(d, 'share'))} (${num(d, 'count')}) in [${formatNumber(num(d, 'x0'))}, ${formatNumber(num(d, 'x1'))})`,
        }),
        Plot.ruleY([0]),
      ];
    case 'bar':
      return [
        Plot.barY(rows, {
          ...place,
          fx: 'category',
          x: 'side',
          y1: 0,
          y2: 'share',
          fill: 'side',
          // The catch-all bar is lighter: it is not one category.
          fillOpacity: (d: ChartDatum) => (d.category === data.otherLabel ? 0.5 : 1),
          title: (d: ChartDatum) => `${d.category}\n${d.side}: ${percent(num(d, 'share'))} (${num(d, 'count')})`,
        }),
        Plot.ruleY([0]),
      ];
    case 'line': {
      const y = data.y ? 'mean' : 'count';
      const mid = (d: ChartDatum) => (num(d, 'x0') + num(d, 'x1')) / 2;
      const title = (d: ChartDatum) =>
        `${d.side}: ${data.y ? `mean ${formatNumber(num(d, 'mean'))}` : `${num(d, 'count')} rows`} (${num(d, 'count')} rows in bin)`;
      return [
        Plot.lineY(rows, { ...place, x: mid, y, z: 'side', stroke: 'side', strokeWidth: 1.5 }),
        Plot.dot(
          rows.filter((d) => d[y] !== null),
          { ...place, x: mid, y, fill: 'side', r: 2, title },
        ),
        ...(data.y ? [] : [Plot.ruleY([0])]),
      ];
    }
    case 'scatter':
      return [Plot.dot(rows, { ...place, x: 'x', y: 'y', fill: 'side', fillOpacity: 0.55, r: 2 })];
    case 'box':
      return boxMarks(rows, place, data.domain !== undefined);
  }
}

/** Tukey boxes from precomputed quartiles: whisker rule, IQR bar, median tick, extreme outliers as rings. */
function boxMarks(rows: ChartDatum[], place: Layout['place'], grouped: boolean): Plot.Markish[] {
  const at = { ...place, ...(grouped ? { fx: 'group' } : {}), x: 'side' };
  const title = (d: ChartDatum) =>
    `${grouped ? `${d.group}\n` : ''}${d.side}: n ${num(d, 'count')}\n` +
    `median ${formatNumber(num(d, 'median'))}, quartiles ${formatNumber(num(d, 'q1'))} – ${formatNumber(num(d, 'q3'))}\n` +
    `whiskers ${formatNumber(num(d, 'whiskerLow'))} – ${formatNumber(num(d, 'whiskerHigh'))}, ${num(d, 'outliers')} outliers ` +
    `(min ${formatNumber(num(d, 'min'))}, max ${formatNumber(num(d, 'max'))})`;
  const extremes = rows.flatMap((d) => [
    ...(num(d, 'min') < num(d, 'whiskerLow') ? [{ ...d, value: num(d, 'min') }] : []),
    ...(num(d, 'max') > num(d, 'whiskerHigh') ? [{ ...d, value: num(d, 'max') }] : []),
  ]);
  return [
    Plot.ruleX(rows, { ...at, y1: 'whiskerLow', y2: 'whiskerHigh', stroke: 'side' }),
    Plot.barY(rows, { ...at, y1: 'q1', y2: 'q3', fill: 'side', fillOpacity: 0.35, stroke: 'side', insetLeft: 4, insetRight: 4, title }),
    Plot.tickY(rows, { ...at, y: 'median', stroke: 'side', strokeWidth: 2, insetLeft: 4, insetRight: 4 }),
    Plot.dot(extremes, { ...at, y: 'value', stroke: 'side', r: 3, title: (d: ChartDatum) => `${d.side}: outlier ${formatNumber(num(d, 'value'))}` }),
  ];
}

/** The drawn sides as an in-SVG legend at the top right (once, above the panels, when faceted). */
function sideLegend(sides: readonly ChartSide[], facet: 'super' | undefined, marginTop: number): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  const dy = 14 - marginTop;
  let dx = 0;
  for (const side of [...sides].reverse()) {
    marks.push(
      Plot.text([side], {
        frameAnchor: 'top-right',
        dx,
        dy,
        text: (d: string) => d,
        textAnchor: 'end',
        lineAnchor: 'middle',
        facet,
        ariaDescription: 'legend',
      }),
    );
    dx -= side.length * 5.6 + 9; // estimated text width, then the swatch
    marks.push(Plot.dot([side], { frameAnchor: 'top-right', dx, dy, symbol: 'square', r: 4.5, fill: SIDE_COLORS[side], facet, ariaDescription: 'legend' }));
    dx -= 16;
  }
  return marks;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
