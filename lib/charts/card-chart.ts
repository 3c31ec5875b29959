import * as Plot from '@observablehq/plot';
import type { CardSide } from '../cards/types';
import { type ChartOptions, extent, formatNumber, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { SIDES, SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';

/** One number of a model card to draw: a row (metric or group), a side, the value and its interval. */
export interface IntervalPoint {
  /** The row: a metric's name (per-side chart) or a group (per-group chart). */
  row: string;
  side: CardSide;
  value: number;
  lower?: number;
  upper?: number;
  /** A small multiple (the metric of a per-group chart); absent for a single panel. */
  facet?: string;
}

export type IntervalChartOptions = Pick<ChartOptions, 'document' | 'width'> & {
  /** The x domain; default: the values and intervals, widened a little. */
  domain?: [number, number];
  /** The x axis label. */
  label?: string;
  ariaLabel?: string;
};

const MAX_LABEL_CHARS = 34;
const ROW = 30;
/** Reference above, current below, inside a row. */
const OFFSET: Record<CardSide, number> = { reference: -4, current: 4 };

const hasInterval = (p: IntervalPoint): p is IntervalPoint & { lower: number; upper: number } =>
  p.lower !== undefined && p.upper !== undefined && Number.isFinite(p.lower) && Number.isFinite(p.upper);

/** The domain of the values and intervals, padded by 5% each side. */
function dataDomain(points: readonly IntervalPoint[]): [number, number] {
  const xs = points.flatMap((p) => (hasInterval(p) ? [p.value, p.lower, p.upper] : [p.value]));
  const [lo, hi] = extent(Math.min(...xs), Math.max(...xs));
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/**
 * Model card numbers as dots with their 95% interval as whiskers, a row per metric (or group),
 * reference above current in each row, in the side colours; with `facet`s, one panel per facet
 * side by side sharing the rows (a column per metric of a per-group chart). Labels are user text:
 * Plot writes them as text nodes, and every host passes the SVG through chart-text.ts.
 */
export function intervalChart(
  points: readonly IntervalPoint[],
  { document, width = 600, domain, label, ariaLabel = 'model card metrics' }: IntervalChartOptions,
): SVGSVGElement | HTMLElement {
  const finite = points.filter((p) => Number.isFinite(p.value));
  const rows = [...new Set(finite.map((p) => p.row))];
  const facets = [...new Set(finite.flatMap((p) => (p.facet === undefined ? [] : [p.facet])))];
  const sides = SIDES.filter((side) => finite.some((p) => p.side === side));
  const faceted = facets.length > 0;
  const longest = Math.max(0, ...rows.map((r) => Math.min(Array.from(r).length, MAX_LABEL_CHARS)));
  const fx = faceted ? (p: IntervalPoint) => p.facet : undefined;
  const marks: Plot.Markish[] = [];
  for (const side of sides) {
    const mine = finite.filter((p) => p.side === side);
    const dy = sides.length > 1 ? OFFSET[side] : 0;
    const stroke = SIDE_COLORS[side];
    const title = (p: IntervalPoint) =>
      `${p.facet === undefined ? '' : `${p.facet} · `}${p.row} (${side})\n${formatNumber(p.value)}${hasInterval(p) ? ` [${formatNumber(p.lower)}, ${formatNumber(p.upper)}]` : ''}`;
    marks.push(
      Plot.ruleY(mine.filter(hasInterval), {
        y: 'row',
        x1: 'lower',
        x2: 'upper',
        fx,
        dy,
        stroke,
        strokeWidth: 2,
        strokeOpacity: 0.75,
        ariaDescription: `${side} intervals`,
      }),
      Plot.dot(mine, { y: 'row', x: 'value', fx, dy, r: 3.5, fill: stroke, stroke: 'white', strokeWidth: 0.75, title, ariaDescription: `${side} values` }),
    );
  }
  const el = Plot.plot({
    document,
    width,
    height: 62 + ROW * Math.max(rows.length, 1) + (faceted ? 18 : 0),
    marginTop: faceted ? 44 : 26,
    marginRight: 16,
    marginBottom: 36,
    // ~6px per character of Plot's 10px font.
    marginLeft: Math.max(48, 14 + 6 * longest),
    ariaLabel,
    ariaDescription: `${rows.length} rows${faceted ? ` in ${facets.length} panels` : ''}; ${sides.join(' and ') || 'no'} data`,
    x: {
      domain: domain ?? (finite.length ? dataDomain(finite) : [0, 1]),
      label: label ?? null,
      nice: domain === undefined,
      grid: true,
      ticks: faceted ? 3 : 6,
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { domain: rows, label: null, tickFormat: (r: string) => truncateLabel(r, MAX_LABEL_CHARS), padding: 0.3 },
    ...(faceted ? { fx: { domain: facets, label: null, tickFormat: (f: string) => truncateLabel(f, 22), padding: 0.22 } } : {}),
    marks: [Plot.frame({ strokeOpacity: 0.15 }), ...marks, ...(finite.length ? sideKey(sides, faceted) : noDataMarks())],
  });
  roundGeometry(el);
  return el;
}

/** The sides drawn, in their colours, above the plot at the right (once, not per panel). */
function sideKey(sides: readonly CardSide[], faceted: boolean): Plot.Markish[] {
  let dx = 0;
  return [...sides].reverse().map((side) => {
    const mark = Plot.text([`● ${side}`], {
      frameAnchor: 'top-right',
      dx,
      dy: faceted ? -34 : -16,
      text: (d: string) => d,
      fill: SIDE_COLORS[side],
      textAnchor: 'end',
      lineAnchor: 'middle',
      fontWeight: 600,
      facet: faceted ? 'super' : undefined,
      ariaDescription: 'key',
    });
    // Estimated width of Plot's 10px bold font, then a gap.
    dx -= side.length * 6 + 24;
    return mark;
  });
}
