import * as Plot from '@observablehq/plot';
import type { CbpeChunk, CbpeResult, MetricName } from '../metrics/cbpe';
import { type ChartOptions, keyRow, noDataMarks } from './chart-parts';
import { SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export type CbpeChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & {
  metric?: MetricName;
  /** Chunks are time windows (start/end in ms since epoch) rather than row ranges. */
  time?: boolean;
};

interface ChunkDatum {
  x: number | Date;
  chunk: CbpeChunk;
  estimated: number | null;
  lower: number | null;
  upper: number | null;
  realized: number | null;
}

const METRIC_LABELS: Record<MetricName, string> = { accuracy: 'accuracy', precision: 'precision', recall: 'recall', f1: 'F1', rocAuc: 'ROC AUC' };
const ESTIMATED = SIDE_COLORS.current;
const REFERENCE = SIDE_COLORS.reference;
const MAX_TICKS = 10;

const finiteOrNull = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const formatScore = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(3));

/**
 * CBPE's estimated metric per chunk of current data with its sampling band (estimate ∓ 3 sampling
 * errors), the realized metric where labels exist, and the reference's realized value as a rule.
 */
export function cbpeChart(
  result: Pick<CbpeResult, 'chunks' | 'reference'>,
  { document, width = 640, height = 260, metric = 'rocAuc', time = false }: CbpeChartOptions,
): SVGSVGElement | HTMLElement {
  const chunks = (result.chunks ?? []).filter((c) => Number.isFinite(c.start) && Number.isFinite(c.end));
  const data = chunks.map((chunk): ChunkDatum => ({
    x: time ? new Date(chunk.start) : chunk.index,
    chunk,
    estimated: finiteOrNull(chunk.estimated[metric]),
    lower: finiteOrNull(chunk.lower[metric]),
    upper: finiteOrNull(chunk.upper[metric]),
    realized: finiteOrNull(chunk.realized?.[metric]),
  }));
  const estimated = data.filter((d) => d.estimated !== null);
  const realized = data.filter((d) => d.realized !== null);
  const band = data.filter((d) => d.lower !== null && d.upper !== null);
  const reference = finiteOrNull(result.reference.realized[metric]);
  const label = METRIC_LABELS[metric];
  const step = Math.max(1, Math.ceil(chunks.length / MAX_TICKS));
  const title = (d: ChunkDatum) =>
    `chunk ${d.chunk.index}: ${time ? `${new Date(d.chunk.start).toISOString()} – ${new Date(d.chunk.end).toISOString()}` : `rows ${d.chunk.start}–${d.chunk.end - 1}`}\n` +
    `estimated ${formatScore(d.estimated)} [${formatScore(d.lower)}, ${formatScore(d.upper)}]; realized ${formatScore(d.realized)}`;
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 36,
    marginLeft: 44,
    ariaLabel: `Estimated ${label} per chunk (CBPE)`,
    ariaDescription: chunks.length
      ? `${chunks.length} chunks; ${realized.length} with realized ${label}${reference === null ? '' : `; reference ${formatScore(reference)}`}`
      : 'no data',
    x: time
      ? { type: 'utc', label: null }
      : {
          label: 'chunk',
          labelAnchor: 'center',
          labelArrow: 'none',
          ...(chunks.length
            ? { ticks: chunks.filter((_, i) => i % step === 0).map((c) => c.index), tickFormat: 'd', inset: 8 }
            : { domain: [0, 1], axis: null }),
        },
    y: { label, grid: true, nice: true, ...(estimated.length || realized.length ? {} : { domain: [0, 1] }) },
    marks: [
      Plot.areaY(band, { x: 'x', y1: 'lower', y2: 'upper', fill: ESTIMATED, fillOpacity: 0.18, ariaDescription: 'sampling band' }),
      // One chunk has no area to draw: show its band as an error bar.
      ...(band.length === 1
        ? [Plot.ruleX(band, { x: 'x', y1: 'lower', y2: 'upper', stroke: ESTIMATED, strokeOpacity: 0.5, strokeWidth: 3, ariaDescription: 'sampling band' })]
        : []),
      ...(reference === null
        ? []
        : [
            Plot.ruleY([reference], {
              stroke: REFERENCE,
              strokeDasharray: '4,3',
              title: () => `reference (realized) ${formatScore(reference)}`,
              ariaDescription: 'reference',
            }),
          ]),
      Plot.line(data, { x: 'x', y: 'estimated', stroke: ESTIMATED, strokeWidth: 1.5, ariaDescription: 'estimated' }),
      Plot.dot(estimated, { x: 'x', y: 'estimated', fill: ESTIMATED, r: 2.5, title, ariaDescription: 'estimated points' }),
      Plot.line(data, { x: 'x', y: 'realized', stroke: 'currentColor', strokeWidth: 1, strokeDasharray: '2,2', ariaDescription: 'realized' }),
      Plot.dot(realized, { x: 'x', y: 'realized', stroke: 'currentColor', fill: 'none', r: 3, title, ariaDescription: 'realized points' }),
      ...keyRow([
        ...(estimated.length ? [['estimated ± 3 SE', ESTIMATED] as const] : []),
        ...(realized.length ? [['realized', 'currentColor'] as const] : []),
        ...(reference === null ? [] : [['reference', REFERENCE] as const]),
      ]),
      ...(chunks.length ? [] : noDataMarks('no data: no chunks')),
    ],
  });
  roundGeometry(el);
  return el;
}
