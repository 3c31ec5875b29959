import * as Plot from '@observablehq/plot';
import type { TimelineCellResult, TimelineWindow } from '../notebook/kinds/timeline';
import { type ChartOptions, formatNumber, keyRow, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { SIDE_COLORS, VERDICT_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export type TimelineChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

const LINE = SIDE_COLORS.current;
const BAND = SIDE_COLORS.reference;
const FLAGGED = VERDICT_COLORS.drifted;
const NOT_DRIFTED = VERDICT_COLORS.notDrifted;
const SMALL = '#9e9e9e';
const MAX_TICKS = 12;
const MAX_LABEL_CHARS = 22;

const text = (v: number | null) => (v === null ? 'n/a' : formatNumber(v));

/** Every k-th window label, so at most MAX_TICKS show. */
function ticksOf(windows: readonly TimelineWindow[]): number[] {
  const step = Math.max(1, Math.ceil(windows.length / MAX_TICKS));
  return windows.filter((_, i) => i % step === 0).map((w) => w.index);
}

const windowTitle = (w: TimelineWindow) =>
  `${w.label}${w.start ? ` (${w.start} – ${w.end})` : ''}\n${w.rows} rows · value ${text(w.value)}` +
  `${w.flagged ? ' · flagged' : ''}${w.outsideBand ? ' (outside the band)' : ''}${w.crossed ? ' (past the threshold)' : ''}${w.small ? ' · small window' : ''}${w.error ? `\n${w.error}` : ''}`;

function xScale(windows: readonly TimelineWindow[]) {
  const labels = new Map(windows.map((w) => [w.index, truncateLabel(w.label, MAX_LABEL_CHARS)]));
  return windows.length
    ? {
        type: 'point' as const,
        domain: windows.map((w) => w.index),
        ticks: ticksOf(windows),
        tickFormat: (i: number) => labels.get(i) ?? '',
        label: null,
        inset: 8,
      }
    : { domain: [0, 1], axis: null };
}

/**
 * The scalar per window as a line, the reference band (mean ± k·std of the reference chunks) shaded,
 * the method's own threshold as a dashed rule, flagged windows in red and small windows in grey.
 */
export function timelineChart(result: TimelineCellResult, { document, width = 680, height = 260 }: TimelineChartOptions): SVGSVGElement | HTMLElement {
  const { windows, band, threshold } = result;
  const valued = windows.filter((w) => w.value !== null);
  const flagged = valued.filter((w) => w.flagged);
  const small = valued.filter((w) => w.small);
  const normal = valued.filter((w) => !w.flagged && !w.small);
  const ends = windows.length ? [windows[0]!.index, windows[windows.length - 1]!.index] : [];
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 48,
    marginLeft: 52,
    ariaLabel: `${result.scalar.label} per window`,
    ariaDescription: windows.length
      ? `${windows.length} windows; ${flagged.length} flagged; ${small.length} small${band ? `; band ${text(band.lower)} to ${text(band.upper)}` : ''}`
      : 'no data',
    x: xScale(windows),
    y: {
      label: result.scalar.column ? `${result.scalar.id} · ${result.scalar.column}` : result.scalar.id,
      grid: true,
      nice: true,
      ...(valued.length ? {} : { domain: [0, 1] }),
    },
    marks: [
      ...(band && ends.length
        ? [
            Plot.areaY(
              ends.map((x) => ({ x, lower: band.lower, upper: band.upper })),
              { x: 'x', y1: 'lower', y2: 'upper', fill: BAND, fillOpacity: 0.15, ariaDescription: 'reference band' },
            ),
            Plot.ruleY([band.mean], { stroke: BAND, strokeOpacity: 0.6, ariaDescription: 'reference mean' }),
          ]
        : []),
      ...(threshold ? [Plot.ruleY([threshold.value], { stroke: FLAGGED, strokeDasharray: '4,3', ariaDescription: 'threshold' })] : []),
      Plot.line(windows, { x: 'index', y: (w: TimelineWindow) => w.value ?? NaN, stroke: LINE, strokeWidth: 1.5, ariaDescription: 'value' }),
      Plot.dot(normal, { x: 'index', y: 'value', fill: LINE, r: 3, title: windowTitle, ariaDescription: 'windows' }),
      Plot.dot(small, { x: 'index', y: 'value', fill: SMALL, r: 3, title: windowTitle, ariaDescription: 'small windows' }),
      Plot.dot(flagged, { x: 'index', y: 'value', fill: FLAGGED, stroke: 'white', r: 5, title: windowTitle, ariaDescription: 'flagged windows' }),
      ...keyRow([
        ...(band ? [[`reference ± ${formatNumber(band.multiplier)}σ`, BAND] as const] : []),
        ...(threshold ? [['threshold', FLAGGED] as const] : []),
        ...(flagged.length ? [['flagged', FLAGGED] as const] : []),
        ...(small.length ? [['small', SMALL] as const] : []),
      ]),
      ...(windows.length ? [] : noDataMarks('no data: no windows')),
    ],
  });
  roundGeometry(el);
  return el;
}

/** Rows per window under the timeline: bars, small windows (and gaps) in grey. */
export function timelineRowsChart(result: TimelineCellResult, { document, width = 680, height = 110 }: TimelineChartOptions): SVGSVGElement | HTMLElement {
  const { windows } = result;
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 12,
    marginRight: 20,
    marginBottom: 28,
    marginLeft: 52,
    ariaLabel: 'Rows per window',
    ariaDescription: windows.length ? `${windows.length} windows; minimum ${result.minWindowRows} rows` : 'no data',
    x: { ...xScale(windows), type: windows.length ? 'band' : undefined, padding: 0.2 },
    y: { label: 'rows', grid: true, nice: true },
    marks: [
      Plot.barY(windows, {
        x: 'index',
        y: 'rows',
        fill: (w: TimelineWindow) => (w.small ? SMALL : BAND),
        title: (w: TimelineWindow) => `${w.label}: ${w.rows} rows${w.small ? ` (fewer than ${result.minWindowRows}: small)` : ''}`,
        ariaDescription: 'rows',
      }),
      ...(result.minWindowRows > 0 ? [Plot.ruleY([result.minWindowRows], { stroke: SMALL, strokeDasharray: '3,3', ariaDescription: 'minimum rows' })] : []),
      ...(windows.length ? [] : noDataMarks('no data')),
    ],
  });
  roundGeometry(el);
  return el;
}

interface HeatCell {
  column: string;
  window: number;
  score: number | null;
  drifted: boolean;
}

/** Columns × windows, each cell coloured by the column's drift verdict in that window; columns sorted by their first drift. */
export function driftHeatmap(result: TimelineCellResult, { document, width = 680 }: TimelineChartOptions): SVGSVGElement | HTMLElement {
  const heatmap = result.heatmap;
  const columns = heatmap?.columns ?? [];
  const labels = new Map(result.windows.map((w) => [w.index, w.label]));
  const cells: HeatCell[] = heatmap
    ? columns.flatMap((c, i) =>
        result.windows.map((w, j) => ({ column: c.name, window: w.index, score: heatmap.scores[i]![j] ?? null, drifted: heatmap.drifted[i]![j] ?? false })),
      )
    : [];
  const verdict = (c: HeatCell) => (c.score === null && !c.drifted ? 'no value' : c.drifted ? 'drifted' : 'not drifted');
  const el = Plot.plot({
    document,
    width,
    height: 60 + 18 * Math.max(columns.length, 2),
    marginTop: 30,
    marginLeft: 120,
    marginBottom: 40,
    ariaLabel: 'Drift per column and window',
    ariaDescription: columns.length ? `${columns.length} columns × ${result.windows.length} windows` : 'no data',
    x: { ...xScale(result.windows), type: result.windows.length ? 'band' : undefined, padding: 0.05 },
    y: { domain: columns.map((c) => c.name), tickFormat: (name: string) => truncateLabel(name, 18), label: null },
    color: { domain: ['drifted', 'not drifted', 'no value'], range: [FLAGGED, NOT_DRIFTED, VERDICT_COLORS.noValue] },
    marks: [
      Plot.cell(cells, {
        x: 'window',
        y: 'column',
        fill: verdict,
        title: (c: HeatCell) => `${c.column} · ${labels.get(c.window) ?? c.window}: ${verdict(c)} (score ${text(c.score)})`,
        ariaDescription: 'cells',
      }),
      ...keyRow([
        ['drifted', FLAGGED],
        ['not drifted', NOT_DRIFTED],
      ]),
      ...(columns.length ? [] : noDataMarks('no columns tested')),
    ],
  });
  roundGeometry(el);
  return el;
}

/** Concept drift: the window's error (rate or mean absolute error) against the reference's, with the Mann–Whitney p-value in each point's title. */
export function conceptChart(result: TimelineCellResult, { document, width = 680, height = 200 }: TimelineChartOptions): SVGSVGElement | HTMLElement {
  const concept = result.concept;
  const points = result.windows.flatMap((w, i) => {
    const p = concept?.windows[i];
    return p && p.current !== null ? [{ index: w.index, label: w.label, ...p, significant: (p.mwuPValue ?? 1) < 0.05 }] : [];
  });
  type Point = (typeof points)[number];
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 40,
    marginLeft: 52,
    ariaLabel: 'Concept drift per window',
    ariaDescription: points.length ? `${points.length} windows; ${points.filter((p) => p.significant).length} with p < 0.05` : 'no data',
    x: xScale(result.windows),
    y: { label: concept?.task === 'regression' ? 'mean absolute error' : 'error rate', grid: true, nice: true },
    marks: [
      ...(concept?.reference === null || concept?.reference === undefined
        ? []
        : [Plot.ruleY([concept.reference], { stroke: BAND, strokeDasharray: '4,3', ariaDescription: 'reference error' })]),
      Plot.line(points, { x: 'index', y: 'current', stroke: LINE, ariaDescription: 'error' }),
      Plot.dot(points, {
        x: 'index',
        y: 'current',
        fill: (p: Point) => (p.significant ? FLAGGED : LINE),
        r: 3,
        title: (p: Point) =>
          `${p.label}: ${text(p.current)} vs reference ${text(p.reference)} (${p.n} rows)\nMann–Whitney U ${text(p.mwuStatistic)}, p ${text(p.mwuPValue)}` +
          (p.zPValue === undefined ? '' : `\nerror rates z ${text(p.zStatistic ?? null)}, p ${text(p.zPValue)}`),
        ariaDescription: 'windows',
      }),
      ...keyRow([
        ['reference', BAND],
        ['p < 0.05', FLAGGED],
      ]),
      ...(points.length ? [] : noDataMarks('no concept drift series')),
    ],
  });
  roundGeometry(el);
  return el;
}
