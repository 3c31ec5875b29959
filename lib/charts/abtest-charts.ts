import * as Plot from '@observablehq/plot';
import type { AbTestResult } from '../compare/types';
import { type ChartOptions, formatNumber, keyRow, labelledPointAxis, noDataMarks } from './chart-parts';
import { seriesColor } from './comparison-charts';
import { truncateLabel } from './distribution-data';
import { roundGeometry } from './round-svg';

export type AbTestChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

const MAX_LABEL_CHARS = 22;
const pct = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? `${formatNumber(100 * v)}%` : 'n/a');
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

interface RateRow {
  name: string;
  rate: number;
  lo: number | null;
  hi: number | null;
  color: string;
  title: string;
}

/** Each variant's rate as a dot with its Wilson 95% interval; the control's rate as a dashed rule. */
export function variantRateChart(
  result: Pick<AbTestResult, 'variants' | 'control'>,
  { document, width = 560, height }: AbTestChartOptions,
): SVGSVGElement | HTMLElement {
  const rows = result.variants.flatMap((v, i): RateRow[] =>
    finite(v.rate)
      ? [
          {
            name: v.name,
            rate: v.rate,
            lo: v.ci?.[0] ?? null,
            hi: v.ci?.[1] ?? null,
            color: seriesColor(i),
            title: `${v.name}${v.name === result.control ? ' (control)' : ''}: ${v.conversions ?? 0} of ${v.n}\nrate ${pct(v.rate)} [${pct(v.ci?.[0])}, ${pct(v.ci?.[1])}]`,
          },
        ]
      : [],
  );
  const control = result.variants.find((v) => v.name === result.control)?.rate;
  const names = rows.map((r) => r.name);
  const spans = rows.filter((r) => r.lo !== null && r.hi !== null);
  const el = Plot.plot({
    document,
    width,
    height: height ?? 60 + 30 * Math.max(rows.length, 2),
    marginTop: 20,
    marginRight: 28,
    marginBottom: 36,
    marginLeft: Math.max(48, 12 + 6 * Math.max(0, ...names.map((n) => Math.min(Array.from(n).length, MAX_LABEL_CHARS)))),
    ariaLabel: 'Rate per variant with Wilson 95% intervals',
    ariaDescription: `${rows.length} variants`,
    x: { label: 'rate', grid: true, nice: true, tickFormat: '%', labelAnchor: 'center', labelArrow: 'none', ...(rows.length ? {} : { domain: [0, 1] }) },
    y: { domain: names, label: null, tickFormat: (n: string) => truncateLabel(n, MAX_LABEL_CHARS), padding: 0.4 },
    marks: [
      ...(finite(control) ? [Plot.ruleX([control], { stroke: '#9e9e9e', strokeDasharray: '4,3', ariaDescription: 'control rate' })] : []),
      Plot.ruleY(spans, { y: 'name', x1: 'lo', x2: 'hi', stroke: 'color', strokeWidth: 2, ariaDescription: 'intervals' }),
      Plot.tickX(spans, { y: 'name', x: 'lo', stroke: 'color', ariaDescription: 'interval ends' }),
      Plot.tickX(spans, { y: 'name', x: 'hi', stroke: 'color', ariaDescription: 'interval ends' }),
      Plot.dot(rows, { y: 'name', x: 'rate', fill: 'color', r: 4.5, title: 'title', ariaDescription: 'rates' }),
      ...(rows.length ? [] : noDataMarks('no rates (no binary outcome)')),
    ],
  });
  roundGeometry(el);
  return el;
}

interface WindowPoint {
  i: number;
  name: string;
  rate: number;
  lo: number | null;
  hi: number | null;
  n: number;
  window: string;
}

/** Each variant's rate per time window as a line, its Wilson interval as a band. */
export function variantWindowChart(
  result: Pick<AbTestResult, 'variants' | 'windows'>,
  { document, width = 640, height = 260 }: AbTestChartOptions,
): SVGSVGElement | HTMLElement {
  const windows = result.windows ?? [];
  const names = result.variants.map((v) => v.name);
  const points: WindowPoint[] = windows.flatMap((w, i) =>
    w.variants.flatMap((v) =>
      finite(v.rate) ? [{ i, name: v.name, rate: v.rate, lo: v.ci?.[0] ?? null, hi: v.ci?.[1] ?? null, n: v.n, window: w.label }] : [],
    ),
  );
  // About one label per 90px, so dates do not overlap.
  const color = { domain: names, range: names.map((_, i) => seriesColor(i)) };
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 48,
    marginLeft: 52,
    ariaLabel: 'Rate per variant per window',
    ariaDescription: `${windows.length} windows; ${names.length} variants`,
    x: labelledPointAxis(
      windows.map((w) => w.label),
      width,
    ),
    y: { label: 'rate', grid: true, nice: true, tickFormat: '%', ...(points.length ? {} : { domain: [0, 1] }) },
    color,
    marks: [
      Plot.areaY(
        points.filter((p) => p.lo !== null && p.hi !== null),
        { x: 'i', y1: 'lo', y2: 'hi', z: 'name', fill: 'name', fillOpacity: 0.12, ariaDescription: 'intervals' },
      ),
      Plot.line(points, { x: 'i', y: 'rate', z: 'name', stroke: 'name', strokeWidth: 1.5, ariaDescription: 'lines' }),
      Plot.dot(points, {
        x: 'i',
        y: 'rate',
        fill: 'name',
        r: 2.5,
        title: (d: WindowPoint) => `${d.window}\n${d.name}: ${pct(d.rate)} [${pct(d.lo)}, ${pct(d.hi)}] of ${d.n}`,
        ariaDescription: 'points',
      }),
      ...keyRow(names.slice(0, 6).map((n, i) => [truncateLabel(n, 14), seriesColor(i)] as const)),
      ...(points.length ? [] : noDataMarks('no windows (no timestamp)')),
    ],
  });
  roundGeometry(el);
  return el;
}
