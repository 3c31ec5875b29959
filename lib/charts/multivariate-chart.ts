import * as Plot from '@observablehq/plot';
import { formatScore } from '../format';
import type { MultivariateResult } from '../multivariate/multivariate';
import type { MultivariateChunk } from '../multivariate/reconstruction';
import { type ChartOptions, keyRow, noDataMarks } from './chart-parts';
import { SIDE_COLORS, VERDICT_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export type MultivariateChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

interface Datum {
  x: number;
  side: 'reference' | 'current';
  chunk: MultivariateChunk;
  value: number;
  alert: boolean;
}

const MAX_TICKS = 12;
const describe = (c: MultivariateChunk) => c.label ?? `rows ${String(c.start)}–${String(c.end)}`;

/**
 * The multivariate drift value per chunk — NannyML's plot: the reference's chunks, then the current
 * ones, one line, the thresholds as dashed rules, alerting chunks as red dots.
 */
export function multivariateChart(drift: MultivariateResult, { document, width = 640, height = 260 }: MultivariateChartOptions): SVGSVGElement | HTMLElement {
  const all = [
    ...drift.reference.chunks.map((chunk) => ({ side: 'reference' as const, chunk })),
    ...drift.current.chunks.map((chunk) => ({ side: 'current' as const, chunk })),
  ];
  const data: Datum[] = all.flatMap(({ side, chunk }, x) =>
    chunk.value === null ? [] : [{ x, side, chunk, value: chunk.value, alert: chunk.alert ?? false }],
  );
  const label = drift.method === 'pca' ? 'reconstruction error' : 'ROC AUC';
  const { lower, upper } = drift.threshold;
  const step = Math.max(1, Math.ceil(all.length / MAX_TICKS));
  const title = (d: Datum) => `${d.side} chunk ${describe(d.chunk)} (${d.chunk.rows} rows): ${label} ${formatScore(d.value)}${d.alert ? ' — alert' : ''}`;
  const rules = [lower, upper].filter((t): t is number => t !== null);
  const alerts = data.filter((d) => d.alert);
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 36,
    marginLeft: 48,
    ariaLabel: `Multivariate drift (${label}) per chunk`,
    ariaDescription: all.length
      ? `${drift.reference.chunks.length} reference and ${drift.current.chunks.length} current chunks; ${alerts.length} alert(s)`
      : 'no data',
    x: all.length
      ? { label: 'chunk', labelAnchor: 'center', labelArrow: 'none', ticks: all.map((_, i) => i).filter((i) => i % step === 0), tickFormat: 'd', inset: 8 }
      : { domain: [0, 1], axis: null },
    y: { label, grid: true, nice: true, ...(data.length ? {} : { domain: [0, 1] }) },
    marks: [
      ...rules.map((t) =>
        Plot.ruleY([t], { stroke: VERDICT_COLORS.drifted, strokeDasharray: '4,3', title: () => `threshold ${formatScore(t)}`, ariaDescription: 'threshold' }),
      ),
      Plot.line(data, { x: 'x', y: 'value', z: 'side', stroke: (d: Datum) => SIDE_COLORS[d.side], strokeWidth: 1.5, ariaDescription: 'value' }),
      Plot.dot(data, { x: 'x', y: 'value', fill: (d: Datum) => SIDE_COLORS[d.side], r: 2.5, title, ariaDescription: 'chunks' }),
      Plot.dot(alerts, { x: 'x', y: 'value', stroke: VERDICT_COLORS.drifted, strokeWidth: 2, fill: 'none', r: 5, title, ariaDescription: 'alerts' }),
      ...keyRow([
        ...(drift.reference.chunks.length ? [['reference', SIDE_COLORS.reference] as const] : []),
        ['current', SIDE_COLORS.current] as const,
        ...(rules.length ? [['threshold / alert', VERDICT_COLORS.drifted] as const] : []),
      ]),
      ...(all.length ? [] : noDataMarks('no data: no chunks')),
    ],
  });
  roundGeometry(el);
  return el;
}
