import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format';
import { type ChartOptions, CURVE_CHART_MARGINS, noDataMarks } from './chart-parts';
import { roundGeometry } from './round-svg';

export type TrackingChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

/** One run's point: x a number (numeric param or metric) or a category (categorical param), y a metric. */
export interface ScatterPoint {
  label: string;
  x: number | string;
  y: number;
  color: string;
}

/**
 * A param or metric (x) against a metric (y), one dot per run: a scatter when x is numeric, boxes
 * (quartiles, whiskers to 1.5 IQR, outliers as dots) per category when x is a categorical param,
 * with every run's dot over its box. Non-finite values are left out (and counted in the description).
 */
export function scatterChart(
  points: readonly ScatterPoint[],
  { document, width = 480, height = 320, xLabel, yLabel }: TrackingChartOptions & { xLabel: string; yLabel: string },
): SVGSVGElement | HTMLElement {
  const drawn = points.filter((p) => Number.isFinite(p.y) && (typeof p.x === 'string' || Number.isFinite(p.x)));
  const categorical = drawn.some((p) => typeof p.x === 'string');
  const left = points.length - drawn.length;
  const title = (d: ScatterPoint) => `${d.label}\n${xLabel} = ${typeof d.x === 'number' ? formatNumber(d.x) : d.x}\n${yLabel} = ${formatNumber(d.y)}`;
  const el = Plot.plot({
    document,
    width,
    height,
    ...CURVE_CHART_MARGINS,
    marginLeft: 56,
    ariaLabel: categorical ? 'Box plot of a metric per value of a categorical param' : 'Scatter of runs',
    ariaDescription: `${drawn.length} runs drawn${left ? `, ${left} without a finite value left out` : ''}`,
    x: categorical ? { label: xLabel, type: 'band', domain: [...new Set(drawn.map((p) => String(p.x)))].sort() } : { label: xLabel, grid: true, inset: 8 },
    y: { label: yLabel, grid: true, inset: 8 },
    marks: [
      ...(categorical && drawn.length
        ? [
            Plot.boxY(drawn, {
              x: (d: ScatterPoint) => String(d.x),
              y: 'y',
              stroke: 'currentColor',
              fill: '#4c78a8',
              fillOpacity: 0.15,
              r: 0,
              ariaDescription: 'box',
            }),
          ]
        : []),
      Plot.dot(drawn, {
        x: (d: ScatterPoint) => (categorical ? String(d.x) : d.x),
        y: 'y',
        fill: 'color',
        r: 4,
        stroke: 'white',
        strokeWidth: 0.5,
        title,
        ariaDescription: 'runs',
      }),
      ...(drawn.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}
