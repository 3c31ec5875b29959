import * as Plot from '@observablehq/plot';
import type { BatchPoint } from '../notebook/batch-summary';
import { type ChartOptions, formatNumber, keyRow, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { SIDE_COLORS, VERDICT_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export type BatchChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

const LINE = SIDE_COLORS.current;
const { drifted: DRIFTED, notDrifted: CALM, noValue: EMPTY, noValueKey: MISSING } = VERDICT_COLORS;
const MAX_TICKS = 12;

const text = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : formatNumber(v));

/** Batches are placed in history order (by date, then added); the axis shows their dates, at most MAX_TICKS. */
function xScale(points: readonly BatchPoint[]) {
  const step = Math.max(1, Math.ceil(points.length / MAX_TICKS));
  const labels = new Map(points.map((p) => [p.index, p.date]));
  return points.length
    ? {
        type: 'point' as const,
        domain: points.map((p) => p.index),
        ticks: points.filter((_, i) => i % step === 0).map((p) => p.index),
        tickFormat: (i: number) => labels.get(i) ?? '',
        label: null,
        inset: 12,
      }
    : { domain: [0, 1], axis: null };
}

const pointTitle = (p: BatchPoint) =>
  `${p.date} · ${p.name}\n${p.summary ? `drift share ${text(p.summary.driftShare)} (${p.summary.driftedColumns}/${p.summary.testedColumns} columns) · missing ${text(p.summary.missingShare)}` : 'not computed'}` +
  `${p.stale ? '\ncomputed against another reference' : ''}`;

/** Dataset drift share per batch (line and dots, drifted batches in red) with the drift threshold as a dashed rule. */
export function batchHistoryChart(points: readonly BatchPoint[], { document, width = 680, height = 240 }: BatchChartOptions): SVGSVGElement | HTMLElement {
  const valued = points.filter((p) => p.summary && !p.stale);
  const drifted = valued.filter((p) => p.summary!.datasetDrifted);
  const calm = valued.filter((p) => !p.summary!.datasetDrifted);
  const threshold = valued[0]?.summary?.driftThreshold;
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 40,
    marginLeft: 52,
    ariaLabel: 'Dataset drift share per batch',
    ariaDescription: points.length ? `${points.length} batches; ${drifted.length} drifted` : 'no batches',
    x: xScale(points),
    y: { label: 'drift share', domain: [0, 1], grid: true },
    marks: [
      ...(threshold === undefined ? [] : [Plot.ruleY([threshold], { stroke: DRIFTED, strokeDasharray: '4,3', ariaDescription: 'threshold' })]),
      Plot.line(points, {
        x: 'index',
        y: (p: BatchPoint) => (p.summary && !p.stale ? p.summary.driftShare : NaN),
        stroke: LINE,
        strokeWidth: 1.5,
        ariaDescription: 'drift share',
      }),
      Plot.dot(calm, { x: 'index', y: (p: BatchPoint) => p.summary!.driftShare, fill: LINE, r: 4, title: pointTitle, ariaDescription: 'batches' }),
      Plot.dot(drifted, {
        x: 'index',
        y: (p: BatchPoint) => p.summary!.driftShare,
        fill: DRIFTED,
        stroke: 'white',
        r: 5,
        title: pointTitle,
        ariaDescription: 'drifted batches',
      }),
      ...keyRow([['batch', LINE], ...(threshold === undefined ? [] : [['threshold', DRIFTED] as const])]),
      ...(valued.length ? [] : noDataMarks(points.length ? 'no batch computed against this reference yet' : 'no batches yet')),
    ],
  });
  roundGeometry(el);
  return el;
}

interface HeatCell {
  column: string;
  index: number;
  date: string;
  score: number | null;
  drifted: boolean | null;
}

/** Columns × batches, coloured by each column's drift verdict in each batch; columns sorted by their first drift. */
export function batchHeatmap(points: readonly BatchPoint[], { document, width = 680 }: BatchChartOptions): SVGSVGElement | HTMLElement {
  const valued = points.filter((p) => p.summary && !p.stale);
  const first = new Map<string, number>();
  for (const p of valued)
    for (const c of p.summary!.columns)
      if (!first.has(c.name) || (c.drifted && first.get(c.name)! > p.index)) first.set(c.name, c.drifted ? p.index : Infinity);
  const columns = [...first.keys()].sort((a, b) => first.get(a)! - first.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const cells: HeatCell[] = points.flatMap((p) =>
    columns.map((column) => {
      const c = p.stale ? undefined : p.summary?.columns.find((x) => x.name === column);
      return { column, index: p.index, date: p.date, score: c?.score ?? null, drifted: c ? c.drifted : null };
    }),
  );
  const verdict = (c: HeatCell) => (c.drifted === null ? 'no value' : c.drifted ? 'drifted' : 'not drifted');
  const el = Plot.plot({
    document,
    width,
    height: 70 + 18 * Math.max(columns.length, 2),
    marginTop: 30,
    marginLeft: 120,
    marginBottom: 40,
    ariaLabel: 'Drift per column and batch',
    ariaDescription: columns.length ? `${columns.length} columns × ${points.length} batches` : 'no data',
    x: { ...xScale(points), type: points.length ? 'band' : undefined, padding: 0.05 },
    y: { domain: columns, tickFormat: (name: string) => truncateLabel(name, 18), label: null },
    color: { domain: ['drifted', 'not drifted', 'no value'], range: [DRIFTED, CALM, EMPTY] },
    marks: [
      Plot.cell(cells, {
        x: 'index',
        y: 'column',
        fill: verdict,
        title: (c: HeatCell) => `${c.column} · ${c.date}: ${verdict(c)} (score ${text(c.score)})`,
        ariaDescription: 'cells',
      }),
      ...keyRow([
        ['drifted', DRIFTED],
        ['not drifted', CALM],
        ['no value', MISSING],
      ]),
      ...(columns.length ? [] : noDataMarks('no columns tested yet')),
    ],
  });
  roundGeometry(el);
  return el;
}
