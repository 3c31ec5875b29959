import * as Plot from '@observablehq/plot';
import type { MetricPoint } from '../tracking/types';
import { type ChartOptions, cornerKey, CURVE_CHART_MARGINS, noDataMarks } from './chart-parts';
import { roundGeometry } from './round-svg';

/** Tableau-10: one colour per run, in selection order (repeats after 10; the key names them). */
export const RUN_COLORS = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];
export const runColor = (i: number): string => RUN_COLORS[i % RUN_COLORS.length]!;

export type HistoryX = 'step' | 'wall' | 'relative';

export interface HistorySeries {
  /** The run's label (user text: drawn as text only). */
  label: string;
  points: readonly MetricPoint[];
  /** Already smoothed values, one per point (lib/tracking/compare.ts emaSmooth), when smoothing is on. */
  smoothed?: readonly number[];
}

export type HistoryChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & {
  metric: string;
  x?: HistoryX;
  log?: boolean;
};

interface Point {
  i: number;
  x: number | Date;
  y: number;
  raw: number;
}

const KEY_MAX = 10;

/**
 * One metric's history per run as lines: x = step, wall time (the point's timestamp) or time since the
 * run's first point (seconds); the smoothed values drawn over faint raw ones; log y drops values ≤ 0.
 * Non-finite values (NaN, ±inf) break the line and are not drawn.
 */
export function historyChart(
  series: readonly HistorySeries[],
  { document, width = 640, height = 320, metric, x = 'step', log = false }: HistoryChartOptions,
): SVGSVGElement | HTMLElement {
  const raw: Point[] = [];
  const smooth: Point[] = [];
  series.forEach((s, i) => {
    const t0 = s.points.length ? Math.min(...s.points.map((p) => p.timestamp)) : 0;
    s.points.forEach((p, j) => {
      const xv = x === 'step' ? p.step : x === 'wall' ? new Date(p.timestamp) : (p.timestamp - t0) / 1000;
      const keep = (v: number) => Number.isFinite(v) && (!log || v > 0);
      if (keep(p.value)) raw.push({ i, x: xv, y: p.value, raw: p.value });
      const sv = s.smoothed?.[j];
      if (sv !== undefined && keep(sv)) smooth.push({ i, x: xv, y: sv, raw: p.value });
    });
  });
  const drawn = smooth.length ? smooth : raw;
  const key = series.slice(0, KEY_MAX).map((s, i) => [s.label, runColor(i)] as const);
  if (series.length > KEY_MAX) key.push([`+${series.length - KEY_MAX} more runs`, 'currentColor']);
  const el = Plot.plot({
    document,
    width,
    height,
    ...CURVE_CHART_MARGINS,
    marginLeft: 56,
    ariaLabel: `History of a metric over ${x === 'step' ? 'steps' : x === 'wall' ? 'wall time' : 'relative time'}`,
    ariaDescription: `${series.length} runs`,
    x: { label: x === 'step' ? 'step' : x === 'wall' ? 'time' : 'seconds since the first point', type: x === 'wall' ? 'utc' : 'linear', inset: 6 },
    // Insets keep a point on the domain's edge (a one-point history, the extreme values) clear of the axes.
    y: { label: metric, type: log ? 'log' : 'linear', grid: true, inset: 6 },
    marks: [
      ...(smooth.length
        ? [Plot.line(raw, { x: 'x', y: 'y', z: 'i', stroke: (d: Point) => runColor(d.i), strokeOpacity: 0.25, strokeWidth: 1, ariaDescription: 'raw history' })]
        : []),
      Plot.line(drawn, {
        x: 'x',
        y: 'y',
        z: 'i',
        stroke: (d: Point) => runColor(d.i),
        strokeWidth: 1.6,
        // One title per run: a per-point title would cut the line into segments.
        title: (d: Point) => series[d.i]?.label ?? '',
        ariaDescription: smooth.length ? 'smoothed history' : 'history',
      }),
      Plot.dot(drawn, {
        x: 'x',
        y: 'y',
        fill: (d: Point) => runColor(d.i),
        r: drawn.length > 400 ? 0 : drawn.length > 100 ? 1.5 : 3,
        title: (d: Point) => `${series[d.i]?.label ?? ''}\n${metric} = ${d.raw}`,
        ariaDescription: 'points',
      }),
      ...cornerKey(key, 'top-left'),
      ...(drawn.length ? [] : noDataMarks(log && raw.length === 0 && series.some((s) => s.points.length) ? 'no value above 0 for a log scale' : 'no data')),
    ],
  });
  roundGeometry(el);
  return el;
}
