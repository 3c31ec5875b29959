import * as Plot from '@observablehq/plot';
import type { CompareResult, PairComparison } from '../compare/types';
import { type ChartOptions, formatNumber, keyRow, labelledPointAxis, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { roundGeometry } from './round-svg';

export type ComparisonChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & { metric?: string };

/** Tableau-10, one colour per model or variant in result order (the first two are the reference/current colours). */
export const SERIES_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac', '#eeca3b'];
export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;

const MAX_LABEL_CHARS = 22;
const ZERO = '#9e9e9e';
const text = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : formatNumber(v));
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const marginFor = (labels: readonly string[]) => Math.max(48, 12 + 6 * Math.max(0, ...labels.map((l) => Math.min(Array.from(l).length, MAX_LABEL_CHARS))));

/** A model of a result that may carry its own bootstrap interval per metric. */
type ModelEntry = CompareResult['models'][number] & { ci?: Record<string, [number | null, number | null]> };

/** The metric a comparison is read by: accuracy (classification) or MAE (regression) when present, else the first. */
export function leadMetric(result: Pick<CompareResult, 'task' | 'models'>): string | undefined {
  const ids = Object.keys(result.models[0]?.metrics ?? {});
  const lead = result.task === 'regression' ? 'mae' : 'accuracy';
  return ids.includes(lead) ? lead : ids[0];
}

interface Row {
  label: string;
  value: number;
  lo: number | null;
  hi: number | null;
  color: string;
  title: string;
}

function dotsWithIntervals(
  rows: Row[],
  layout: { document: Document; width: number; height: number; axis: string; ariaLabel: string; ariaDescription: string; zero: boolean },
) {
  const { document, width, height, axis, ariaLabel, ariaDescription, zero } = layout;
  const labels = rows.map((r) => r.label);
  const spans = rows.filter((r) => r.lo !== null && r.hi !== null);
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 20,
    marginRight: 28,
    marginBottom: 36,
    marginLeft: marginFor(labels),
    ariaLabel,
    ariaDescription,
    x: { label: axis, grid: true, nice: true, labelAnchor: 'center', labelArrow: 'none', ...(rows.length ? {} : { domain: [0, 1] }) },
    y: { domain: labels, label: null, tickFormat: (l: string) => truncateLabel(l, MAX_LABEL_CHARS), padding: 0.4 },
    marks: [
      ...(zero ? [Plot.ruleX([0], { stroke: ZERO, strokeDasharray: '4,3', ariaDescription: 'zero' })] : []),
      Plot.ruleY(spans, { y: 'label', x1: 'lo', x2: 'hi', stroke: 'color', strokeWidth: 2, ariaDescription: 'intervals' }),
      Plot.tickX(spans, { y: 'label', x: 'lo', stroke: 'color', ariaDescription: 'interval ends' }),
      Plot.tickX(spans, { y: 'label', x: 'hi', stroke: 'color', ariaDescription: 'interval ends' }),
      Plot.dot(rows, { y: 'label', x: 'value', fill: 'color', r: 4.5, title: 'title', ariaDescription: 'values' }),
      ...(rows.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

/** One metric of every model as a dot, with its 95% interval where the result has one. */
export function modelMetricChart(
  result: Pick<CompareResult, 'task' | 'models'>,
  { document, width = 560, height, metric = leadMetric(result) }: ComparisonChartOptions,
): SVGSVGElement | HTMLElement {
  const models = result.models as ModelEntry[];
  const rows = models.flatMap((m, i): Row[] => {
    const value = metric === undefined ? null : m.metrics[metric];
    if (!finite(value)) return [];
    const [lo = null, hi = null] = (metric && m.ci?.[metric]) || [];
    return [
      {
        label: m.name,
        value,
        lo,
        hi,
        color: seriesColor(i),
        title: `${m.name} (${m.n} rows)\n${metric} ${text(value)}${lo !== null ? ` [${text(lo)}, ${text(hi)}]` : ''}`,
      },
    ];
  });
  return dotsWithIntervals(rows, {
    document,
    width,
    height: height ?? 60 + 30 * Math.max(rows.length, 2),
    axis: metric ?? 'metric',
    ariaLabel: `${metric ?? 'metric'} per model`,
    ariaDescription: `${rows.length} models`,
    zero: false,
  });
}

/** Each pair's difference (a − b) of one metric with its paired-bootstrap 95% interval, zero as a dashed rule. */
export function pairDeltaChart(
  result: Pick<CompareResult, 'task' | 'models' | 'pairs'>,
  { document, width = 560, height, metric = leadMetric(result) }: ComparisonChartOptions,
): SVGSVGElement | HTMLElement {
  const rows = result.pairs.flatMap((p): Row[] => {
    const d = metric === undefined ? undefined : p.deltas[metric];
    if (!d || !finite(d.value)) return [];
    const [lo, hi] = d.ci;
    const excludes = finite(lo) && finite(hi) && (lo > 0 || hi < 0);
    return [
      {
        label: `${p.a} − ${p.b}`,
        value: d.value,
        lo: finite(lo) ? lo : null,
        hi: finite(hi) ? hi : null,
        color: excludes ? '#e45756' : '#4c78a8',
        title: `${p.a} − ${p.b}\nΔ ${metric} ${text(d.value)} [${text(lo)}, ${text(hi)}]${excludes ? ' — the interval excludes 0' : ''}`,
      },
    ];
  });
  return dotsWithIntervals(rows, {
    document,
    width,
    height: height ?? 60 + 30 * Math.max(rows.length, 2),
    axis: `Δ ${metric ?? 'metric'} (a − b), 95% interval`,
    ariaLabel: `Difference of ${metric ?? 'metric'} per pair`,
    ariaDescription: `${rows.length} pairs; ${rows.filter((r) => r.color === '#e45756').length} with an interval excluding 0`,
    zero: true,
  });
}

interface HeatCell {
  a: number;
  b: number;
  count: number;
  share: number;
}

/** A pair's predictions against each other: rows a's label, columns b's; off-diagonal cells are disagreements. */
export function disagreementChart(
  pair: Pick<PairComparison, 'a' | 'b' | 'disagreement'>,
  { document, width = 420, height = 380 }: ComparisonChartOptions,
): SVGSVGElement | HTMLElement {
  const labels = pair.disagreement?.labels ?? [];
  const counts = pair.disagreement?.counts ?? [];
  const total = counts.flat().reduce((s, c) => s + c, 0);
  const cells: HeatCell[] = counts.flatMap((row, a) => row.map((count, b) => ({ a, b, count, share: total ? count / total : 0 })));
  const indices = labels.map((_, i) => i);
  const tickFormat = (i: number) => truncateLabel(labels[i] ?? '', 16);
  const disagree = cells.filter((c) => c.a !== c.b).reduce((s, c) => s + c.count, 0);
  const most = Math.max(1, ...cells.filter((c) => c.a !== c.b).map((c) => c.count));
  const cellTitle = (d: HeatCell) => `${pair.a}: ${labels[d.a] ?? ''}, ${pair.b}: ${labels[d.b] ?? ''}\n${d.count} rows (${(100 * d.share).toFixed(1)}%)`;
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 20,
    marginLeft: marginFor(labels.map((l) => l.slice(0, 16))) + 12,
    marginRight: 12,
    marginBottom: 44,
    ariaLabel: 'Disagreement matrix',
    ariaDescription: `${labels.length} labels; ${disagree} of ${total} rows disagree`,
    x: { domain: indices, tickFormat, label: `prediction of ${truncateLabel(pair.b, MAX_LABEL_CHARS)}`, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: indices, tickFormat, label: `prediction of ${truncateLabel(pair.a, MAX_LABEL_CHARS)}`, labelAnchor: 'center', labelArrow: 'none' },
    color: { type: 'linear', domain: [0, most], range: ['#fdd9b5', '#d9480f'] },
    marks: [
      // The diagonal (agreement) is grey: the colour scale is for the disagreements.
      Plot.cell(
        cells.filter((d) => d.a === d.b),
        { x: 'b', y: 'a', fill: '#eeeeee', inset: 0.5, title: cellTitle, ariaDescription: 'cells' },
      ),
      Plot.cell(
        cells.filter((d) => d.a !== d.b),
        { x: 'b', y: 'a', fill: 'count', inset: 0.5, title: cellTitle, ariaDescription: 'cells' },
      ),
      ...(labels.length <= 12
        ? [
            Plot.text(cells, {
              x: 'b',
              y: 'a',
              text: (d: HeatCell) => String(d.count),
              fill: (d: HeatCell) => (d.a !== d.b && d.count > most / 2 ? 'white' : 'black'),
              ariaDescription: 'cell values',
            }),
          ]
        : []),
      ...(cells.length ? [] : noDataMarks('no disagreement matrix')),
    ],
  });
  roundGeometry(el);
  return el;
}

/** The Friedman blocks: each model's per-block metric as a line, in block order. */
export function blockMetricChart(
  result: Pick<CompareResult, 'models' | 'friedman'>,
  { document, width = 640, height = 260 }: ComparisonChartOptions,
): SVGSVGElement | HTMLElement {
  const f = result.friedman;
  const blocks = f?.blocks ?? [];
  const names = result.models.map((m) => m.name);
  const points = blocks.flatMap((b, i) => names.flatMap((name) => (finite(b.metrics[name]) ? [{ i, name, value: b.metrics[name]!, block: b.label }] : [])));
  // About one label per 90px, so block labels do not overlap.
  const color = { domain: names, range: names.map((_, i) => seriesColor(i)) };
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginRight: 20,
    marginBottom: 48,
    marginLeft: 52,
    ariaLabel: `${f?.metric ?? 'metric'} per block per model`,
    ariaDescription: `${blocks.length} blocks; ${names.length} models`,
    x: labelledPointAxis(
      blocks.map((w) => w.label),
      width,
    ),
    y: { label: f?.metric ?? 'metric', grid: true, nice: true, ...(points.length ? {} : { domain: [0, 1] }) },
    color,
    marks: [
      Plot.line(points, { x: 'i', y: 'value', z: 'name', stroke: 'name', strokeWidth: 1.5, ariaDescription: 'lines' }),
      Plot.dot(points, {
        x: 'i',
        y: 'value',
        fill: 'name',
        r: 3,
        title: (d: (typeof points)[number]) => `${d.block}\n${d.name}: ${text(d.value)}`,
        ariaDescription: 'points',
      }),
      ...keyRow(names.slice(0, 6).map((n, i) => [truncateLabel(n, 14), seriesColor(i)] as const)),
      ...(points.length ? [] : noDataMarks('no blocks')),
    ],
  });
  roundGeometry(el);
  return el;
}
