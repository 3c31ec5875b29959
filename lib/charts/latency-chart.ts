import * as Plot from '@observablehq/plot';
import type { OperationalResult, OperationalWindow } from '../metrics/operational';
import { type ChartOptions, formatNumber, keyRow, noDataMarks } from './chart-parts';
import { roundGeometry } from './round-svg';

export type LatencyChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

type Percentile = 'p50' | 'p95' | 'p99';

interface LatencyPoint {
  percentile: Percentile;
  start: Date;
  /** Null in a window without latencies: the line breaks there. */
  ms: number | null;
  count: number;
}

const PERCENTILES: readonly Percentile[] = ['p50', 'p95', 'p99'];
const PERCENTILE_COLORS: Record<Percentile, string> = { p50: '#4c78a8', p95: '#f58518', p99: '#b279a2' };
const SLA_COLOR = '#e45756';
const MARGIN = { marginTop: 30, marginRight: 20, marginBottom: 36, marginLeft: 52 };

/** A window start in UTC, to the minute (to the second for sub-minute windows, the day for days). */
function formatStart(start: Date, windowMs: number): string {
  const iso = start.toISOString().replace('T', ' ');
  return windowMs >= 86_400_000 ? iso.slice(0, 10) : `${iso.slice(0, windowMs < 60_000 ? 19 : 16)} UTC`;
}

/**
 * Latency percentiles per time window as lines (broken where a window has no latency) with the
 * SLA as a horizontal rule.
 */
export function latencyChart(result: OperationalResult, { document, width = 640, height = 260 }: LatencyChartOptions): SVGSVGElement | HTMLElement {
  const windows = result.throughput?.windows.filter((w) => Number.isFinite(w.start)) ?? [];
  const windowMs = result.throughput?.ms ?? 60_000;
  const points = PERCENTILES.flatMap((percentile) =>
    windows.map((w): LatencyPoint => ({ percentile, start: new Date(w.start), ms: finiteOrNull(w[percentile]), count: w.count })),
  );
  const drawn = points.filter((p) => p.ms !== null);
  const sla = Number.isFinite(result.slaMs) ? result.slaMs : null;
  const title = (d: LatencyPoint) => `${formatStart(d.start, windowMs)}\n${d.percentile} ${formatNumber(d.ms ?? 0)} ms (${d.count} rows)`;
  const el = Plot.plot({
    document,
    width,
    height,
    ...MARGIN,
    ariaLabel: 'Latency percentiles per time window',
    ariaDescription: drawn.length
      ? `p50, p95 and p99 latency per ${result.throughput?.label ?? 'window'}${sla === null ? '' : `; SLA ${formatNumber(sla)} ms`}`
      : 'no data',
    color: { domain: [...PERCENTILES], range: PERCENTILES.map((p) => PERCENTILE_COLORS[p]) },
    x: { type: 'utc', label: null, ...(windows.length ? {} : { domain: [new Date(0), new Date(windowMs)], axis: null }) },
    y: { label: 'latency (ms)', grid: true, nice: true, zero: true },
    marks: [
      ...(sla === null
        ? []
        : [
            Plot.ruleY([sla], {
              stroke: SLA_COLOR,
              strokeDasharray: '5,3',
              strokeWidth: 1.5,
              title: () => `SLA ${formatNumber(sla)} ms`,
              ariaDescription: 'SLA',
            }),
            Plot.text([sla], {
              y: (d: number) => d,
              frameAnchor: 'left',
              dx: 4,
              dy: -6,
              text: (d: number) => `SLA ${formatNumber(d)} ms`,
              fill: SLA_COLOR,
              textAnchor: 'start',
              ariaDescription: 'SLA label',
            }),
          ]),
      Plot.line(points, { x: 'start', y: 'ms', z: 'percentile', stroke: 'percentile', strokeWidth: 1.5, ariaDescription: 'percentile lines' }),
      // A window between two gaps has no line segment: its dot keeps it visible.
      Plot.dot(drawn, { x: 'start', y: 'ms', fill: 'percentile', r: 1.5, title, ariaDescription: 'percentile points' }),
      // A key row, not direct labels: equal percentiles would stack them.
      ...keyRow(PERCENTILES.map((p) => [p, PERCENTILE_COLORS[p]])),
      ...(drawn.length ? [] : noDataMarks(windows.length ? 'no latencies in any window' : 'no data: needs timestamps')),
    ],
  });
  roundGeometry(el);
  return el;
}

/** Predictions per time window (the window's count in its rate unit) as a step area; empty windows are 0. */
export function throughputChart(result: OperationalResult, { document, width = 640, height = 200 }: LatencyChartOptions): SVGSVGElement | HTMLElement {
  const throughput = result.throughput;
  const windows = throughput?.windows.filter((w) => Number.isFinite(w.start) && Number.isFinite(w.throughput)) ?? [];
  const windowMs = throughput?.ms ?? 60_000;
  const unit = throughput?.rateUnit ?? 'minute';
  const last = windows.at(-1);
  // Each window holds its rate until the next starts; the last one's end closes the step.
  const steps = last ? [...windows.map((w) => ({ start: new Date(w.start), w })), { start: new Date(last.start + windowMs), w: last }] : [];
  const el = Plot.plot({
    document,
    width,
    height,
    ...MARGIN,
    ariaLabel: 'Throughput per time window',
    ariaDescription: windows.length ? `predictions per ${unit}, per ${throughput?.label ?? 'window'}` : 'no data',
    x: { type: 'utc', label: null, ...(windows.length ? {} : { domain: [new Date(0), new Date(windowMs)], axis: null }) },
    y: { label: `predictions / ${unit}`, grid: true, nice: true, zero: true, ...(windows.length ? {} : { domain: [0, 1] }) },
    marks: [
      Plot.areaY(steps, {
        x: 'start',
        y: (d: { w: OperationalWindow }) => d.w.throughput,
        curve: 'step-after',
        fill: PERCENTILE_COLORS.p50,
        fillOpacity: 0.25,
      }),
      Plot.lineY(steps, {
        x: 'start',
        y: (d: { w: OperationalWindow }) => d.w.throughput,
        curve: 'step-after',
        stroke: PERCENTILE_COLORS.p50,
        strokeWidth: 1.5,
        ariaDescription: 'throughput',
      }),
      // Invisible bars over each window carry its tooltip.
      Plot.rectY(windows, {
        x1: (w: OperationalWindow) => new Date(w.start),
        x2: (w: OperationalWindow) => new Date(w.start + windowMs),
        y1: 0,
        y2: 'throughput',
        fill: 'transparent',
        title: (w: OperationalWindow) => `${formatStart(new Date(w.start), windowMs)}\n${formatNumber(w.throughput)} / ${unit} (${w.count} rows)`,
        ariaDescription: 'window tooltips',
      }),
      Plot.ruleY([0]),
      ...(windows.length ? [] : noDataMarks('no data: needs timestamps')),
    ],
  });
  roundGeometry(el);
  return el;
}

const finiteOrNull = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
