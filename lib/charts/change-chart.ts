import * as Plot from '@observablehq/plot';
import type { ChangeCellResult } from '../notebook/kinds/change';
import { type ChartOptions, keyRow, noDataMarks } from './chart-parts';
import { SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export type ChangeChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

const VALUES = SIDE_COLORS.reference;
const WARNING = '#e0a100';
const DRIFT = '#d62728';

type X = number | Date;
type Bucket = ChangeCellResult['series'][number];

/** Every value 0 or 1 (as far as the buckets tell): an error indicator, drawn as a rate — its raw line is a barcode. */
const isZeroOne = (series: readonly Bucket[]) => series.length > 0 && series.every((b) => (b.min === 0 || b.min === 1) && (b.max === 0 || b.max === 1));

/** Trailing positions averaged for a 0/1 stream: DDM's warm-up (30), or a 50th of the stream when longer. */
const rateWindow = (positions: number) => Math.max(30, Math.round(positions / 50));

/** The mean of each bucket's trailing `window` positions, by whole buckets (exact when every bucket is one value). */
function trailingMeans(series: readonly Bucket[], window: number): { bucket: Bucket; mean: number }[] {
  const out: { bucket: Bucket; mean: number }[] = [];
  let from = 0;
  let sum = 0;
  let count = 0;
  for (const b of series) {
    sum += b.mean * (b.end - b.start);
    count += b.end - b.start;
    while (count - (series[from]!.end - series[from]!.start) >= window) {
      sum -= series[from]!.mean * (series[from]!.end - series[from]!.start);
      count -= series[from]!.end - series[from]!.start;
      from++;
    }
    out.push({ bucket: b, mean: sum / count });
  }
  return out;
}

/** The value axis names what the detector read: the column, the absolute error, or the metric per window. */
function axisLabel(result: Pick<ChangeCellResult, 'column'> & Partial<Pick<ChangeCellResult, 'source'>>): string {
  if (result.source === 'abs_error') return `absolute error ${result.column}`;
  if (result.source === 'error') return `error (1 = wrong): ${result.column}`;
  return result.column;
}

/**
 * The monitored stream (bucket means, with the min–max range when a bucket holds several values; a
 * 0/1 stream as the mean of its trailing values, the error rate the binary detectors watch)
 * along stream positions — or time, when the cell ordered the rows by a timestamp — with every drift
 * as a red rule and the warning runs as amber bands.
 */
export function changeChart(
  result: Pick<ChangeCellResult, 'series' | 'detections' | 'warnings' | 'column' | 'orderBy' | 'label'> & Partial<Pick<ChangeCellResult, 'source'>>,
  { document, width = 640, height = 240 }: ChangeChartOptions,
): SVGSVGElement | HTMLElement {
  const time = result.orderBy !== undefined;
  const series = result.series;
  const bucketed = series.some((b) => b.end - b.start > 1);
  const xOfBucket = (b: Bucket): X => (time && b.time !== undefined ? new Date(b.time) : b.start);
  const zeroOne = isZeroOne(series);
  const window = rateWindow(series.length ? series[series.length - 1]!.end : 0);
  const rate = zeroOne ? trailingMeans(series, window) : [];
  const byIndex = new Map(result.warnings.map((w) => [w.index, w]));
  const xOfPoint = (p: { index: number; timestamp?: string }): X => (time && p.timestamp ? new Date(p.timestamp) : p.index);
  // Warning positions grouped into runs of consecutive positions: one band each.
  const runs: { x1: X; x2: X; first: number; last: number }[] = [];
  for (const w of result.warnings) {
    const run = runs[runs.length - 1];
    if (run && run.last === w.index - 1) {
      run.last = w.index;
      run.x2 = xOfPoint(w);
    } else runs.push({ x1: xOfPoint(w), x2: xOfPoint(w), first: w.index, last: w.index });
  }
  const runTitle = (r: (typeof runs)[number]) => {
    const first = byIndex.get(r.first)!;
    const last = byIndex.get(r.last)!;
    const when = (p: { index: number; timestamp?: string }) => `${p.index}${p.timestamp ? ` (${p.timestamp})` : ''}`;
    return r.first === r.last ? `warning at ${when(first)}` : `warnings ${when(first)} – ${when(last)}`;
  };
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 36,
    marginLeft: 52,
    ariaLabel: `${result.label}: the stream with its drifts and warnings`,
    ariaDescription: series.length ? `${result.detections.length} drifts; ${result.warnings.length} warning positions` : 'no data',
    x: time
      ? { type: 'utc', label: null }
      : { label: 'position', labelAnchor: 'center', labelArrow: 'none', ...(series.length ? {} : { domain: [0, 1], axis: null }) },
    y: zeroOne
      ? {
          label: `${result.source === 'error' ? `error rate (${result.column})` : result.column}: mean of the last ${window} values`,
          grid: true,
          domain: [0, 1],
        }
      : { label: axisLabel(result), grid: true, nice: true },
    marks: [
      Plot.rectX(runs, {
        x1: 'x1',
        x2: 'x2',
        fill: WARNING,
        fillOpacity: 0.22,
        stroke: WARNING,
        strokeOpacity: 0.5,
        title: runTitle,
        ariaDescription: 'warnings',
      }),
      ...(zeroOne
        ? [
            Plot.line(rate, {
              x: (r: (typeof rate)[number]) => xOfBucket(r.bucket),
              y: 'mean',
              stroke: VALUES,
              strokeWidth: 1.5,
              ariaDescription: 'trailing mean',
            }),
          ]
        : [
            ...(bucketed
              ? [Plot.areaY(series, { x: xOfBucket, y1: 'min', y2: 'max', fill: VALUES, fillOpacity: 0.2, curve: 'step-after', ariaDescription: 'range' })]
              : []),
            Plot.line(series, { x: xOfBucket, y: 'mean', stroke: VALUES, strokeWidth: 1.2, ariaDescription: bucketed ? 'mean per bucket' : 'values' }),
          ]),
      Plot.ruleX(result.detections, {
        x: xOfPoint,
        stroke: DRIFT,
        strokeWidth: 1.5,
        title: (d: { index: number; timestamp?: string }) => `drift at ${d.index}${d.timestamp ? ` (${d.timestamp})` : ''}`,
        ariaDescription: 'drifts',
      }),
      ...keyRow([
        [zeroOne ? `mean of the last ${window}` : bucketed ? 'mean (range)' : 'value', VALUES],
        ...(result.warnings.length ? [['warning', WARNING] as const] : []),
        ...(result.detections.length ? [['drift', DRIFT] as const] : []),
      ]),
      ...(series.length ? [] : noDataMarks('no data')),
    ],
  });
  roundGeometry(el);
  return el;
}
