import * as Plot from '@observablehq/plot';
import type { MetricsAlertMarks } from '../alerts/metrics-samples';
import type { MetricsCellResult, MetricsTimelineOverlay } from '../notebook/kinds/metrics';
import { type ChartOptions, formatNumber, keyRow, noDataMarks } from './chart-parts';
import { SIDE_COLORS, VERDICT_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export type MetricsChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & {
  /** The shared time axis (ms): the series' and the timeline's times together (metricsTimeDomain). */
  domain?: readonly [number, number];
  alerts?: MetricsAlertMarks;
};

// Tableau 10, as Plot's default categorical scheme: the cell's legend shows the same colours.
const SCHEME = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];
const FIRING = VERDICT_COLORS.drifted;
const SEVERITY: Record<string, string> = { critical: '#c62828', warning: '#b26a00', info: '#546e7a' };
// Both charts keep these margins so their time axes line up, one above the other.
const MARGINS = { marginLeft: 56, marginRight: 24 } as const;

/** Each series' colour, in the result's order (the chart and its legend share it). */
export function seriesColors(result: Pick<MetricsCellResult, 'series'>): string[] {
  return result.series.map((_, i) => SCHEME[i % SCHEME.length]!);
}

/** The time span of the series and the timeline's windows (ms), or undefined when neither has a time. */
export function metricsTimeDomain(result: Pick<MetricsCellResult, 'series' | 'timeline'>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of result.series)
    for (const { t } of s.points) {
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
  for (const w of result.timeline?.windows ?? []) {
    lo = Math.min(lo, Date.parse(w.start));
    hi = Math.max(hi, Date.parse(w.end));
  }
  return lo <= hi ? [lo, hi === lo ? lo + 1000 : hi] : undefined;
}

export function transformLabel(result: Pick<MetricsCellResult, 'transform'>): string {
  const { id, quantile } = result.transform;
  return id === 'raw' ? 'value' : id === 'rate' ? 'per second' : `p${formatNumber((quantile ?? 0) * 100)}`;
}

const xScale = (domain: readonly [number, number] | undefined) =>
  domain ? { type: 'utc' as const, domain: domain.map((t) => new Date(t)), label: null } : { domain: [0, 1], axis: null };

interface Point {
  series: string;
  t: Date;
  v: number;
}

/**
 * The series over time, one line each (gaps where a point is missing), with the alert rules'
 * thresholds as dashed rules in their severity's colour and the points where a rule fired in red.
 */
export function metricsChart(
  result: MetricsCellResult,
  { document, width = 680, height = 280, domain, alerts }: MetricsChartOptions,
): SVGSVGElement | HTMLElement {
  const names = result.series.map((s) => s.name);
  const colors = seriesColors(result);
  const points: Point[] = result.series.flatMap((s) => s.points.map(({ t, v }) => ({ series: s.name, t: new Date(t), v: v ?? NaN })));
  const firing = (alerts?.firing ?? []).map((f) => ({ ...f, at: new Date(f.t) }));
  const thresholds = alerts?.thresholds ?? [];
  const x = xScale(domain ?? metricsTimeDomain(result));
  const el = Plot.plot({
    document,
    width,
    height,
    ...MARGINS,
    marginTop: 30,
    marginBottom: 32,
    ariaLabel: `${result.series.length} series over time`,
    ariaDescription: points.length ? `${result.series.length} series; ${thresholds.length} thresholds; ${firing.length} firing points` : 'no data',
    x,
    y: { label: transformLabel(result), grid: true, nice: true, ...(points.some((p) => p.v === p.v) ? {} : { domain: [0, 1] }) },
    color: { domain: names, range: colors },
    marks: [
      ...thresholds.map((r) =>
        Plot.ruleY([r.threshold], { stroke: SEVERITY[r.severity] ?? FIRING, strokeDasharray: '5,4', title: () => r.label, ariaDescription: 'threshold' }),
      ),
      Plot.line(points, { x: 't', y: 'v', z: 'series', stroke: 'series', strokeWidth: 1.5, title: (p: Point) => p.series, ariaDescription: 'series' }),
      Plot.dot(firing, {
        x: 'at',
        y: 'value',
        fill: FIRING,
        stroke: 'white',
        // Many firing steps in a row read as a red band: smaller dots.
        r: firing.length > 60 ? 2.5 : 4,
        title: (f: (typeof firing)[number]) => `${f.rule} firing: ${f.series} = ${formatNumber(f.value)} at ${f.at.toISOString()}`,
        ariaDescription: 'firing points',
      }),
      ...keyRow([...(thresholds.length ? [['threshold', SEVERITY.warning!] as const] : []), ...(firing.length ? [['firing', FIRING] as const] : [])]),
      ...(points.length ? [] : noDataMarks('no data: no points')),
    ],
  });
  roundGeometry(el);
  return el;
}

type OverlayWindow = MetricsTimelineOverlay['windows'][number];

const windowTitle = (w: OverlayWindow) =>
  `${w.label} (${w.start} – ${w.end})\nvalue ${w.value === null ? 'n/a' : formatNumber(w.value)}${w.flagged ? ' · flagged' : ''}`;

/** The timeline's metric per window on the same time axis: a segment over each window's span, flagged windows in red. */
export function metricsTimelineChart(
  overlay: MetricsTimelineOverlay,
  { document, width = 680, height = 150, domain }: Omit<MetricsChartOptions, 'alerts'>,
): SVGSVGElement | HTMLElement {
  const windows = overlay.windows
    .filter((w) => w.value !== null)
    .map((w) => ({ ...w, x1: new Date(w.start), x2: new Date(w.end), mid: new Date((Date.parse(w.start) + Date.parse(w.end)) / 2) }));
  const span = domain ?? metricsTimeDomain({ series: [], timeline: overlay });
  const el = Plot.plot({
    document,
    width,
    height,
    ...MARGINS,
    marginTop: 24,
    marginBottom: 28,
    ariaLabel: `${overlay.label} per window of ${overlay.title}`,
    ariaDescription: windows.length ? `${windows.length} windows; ${windows.filter((w) => w.flagged).length} flagged` : 'no data',
    x: xScale(span),
    y: { label: overlay.label, grid: true, nice: true, ...(windows.length ? {} : { domain: [0, 1] }) },
    marks: [
      Plot.link(windows, { x1: 'x1', x2: 'x2', y1: 'value', y2: 'value', stroke: SIDE_COLORS.current, strokeWidth: 2, ariaDescription: 'windows' }),
      Plot.dot(windows, {
        x: 'mid',
        y: 'value',
        fill: (w: (typeof windows)[number]) => (w.flagged ? FIRING : SIDE_COLORS.current),
        r: (w: (typeof windows)[number]) => (w.flagged ? 4.5 : 3),
        title: windowTitle,
        ariaDescription: 'window values',
      }),
      ...(windows.some((w) => w.flagged) ? keyRow([['flagged', FIRING]]) : []),
      ...(windows.length ? [] : noDataMarks('no windows with a value')),
    ],
  });
  roundGeometry(el);
  return el;
}
