import * as Plot from '@observablehq/plot';
import type { RegressionMetricsResult, RegressionSegment, ResidualBin } from '../metrics/types';
import { type ChartOptions, COLOR, extent, formatNumber, legendMarks, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { SIDES, type Side } from './palette';
import { roundGeometry } from './round-svg';

export type RegressionChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;
export type SegmentErrorChartOptions = RegressionChartOptions & { segment?: string; metric?: 'mae' | 'rmse' | 'mean_error' };
export type ResidualFeatureChartOptions = RegressionChartOptions & { feature?: string };
type Results = Partial<Record<Side, RegressionMetricsResult>>;

const MARGIN = { marginTop: 30, marginRight: 20, marginBottom: 36, marginLeft: 52 };
const MAX_LABEL_CHARS = 20;
const ERROR_LABEL = 'error (predicted − actual)';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const sidesOf = (results: Results) => SIDES.filter((side) => results[side]);
const finish = (el: SVGSVGElement | HTMLElement) => (roundGeometry(el), el);

/** Predicted against actual for each side's row sample, over the y = x line of perfect predictions. */
export function predictedActualChart(results: Results, { document, width = 420, height = 400 }: RegressionChartOptions): SVGSVGElement | HTMLElement {
  const points = sidesOf(results).flatMap((side) => {
    const { actual, predicted } = results[side]!.predicted_vs_actual;
    return actual.flatMap((a, i) => (isFiniteNumber(a) && isFiniteNumber(predicted[i]) ? [{ side, actual: a, predicted: predicted[i]! }] : []));
  });
  const all = points.flatMap((p) => [p.actual, p.predicted]);
  const [lo, hi] = all.length ? extent(Math.min(...all), Math.max(...all)) : [0, 1];
  const sampled = sidesOf(results).map((side) => {
    const s = results[side]!.predicted_vs_actual;
    return `${side}: ${s.actual.length} of ${s.total} rows`;
  });
  return finish(
    Plot.plot({
      document,
      width,
      height,
      ...MARGIN,
      ariaLabel: 'Predicted against actual values',
      ariaDescription: sampled.join('; ') || 'no data',
      color: COLOR,
      x: { label: 'actual', domain: [lo, hi], nice: true, labelAnchor: 'center', labelArrow: 'none' },
      y: { label: 'predicted', domain: [lo, hi], nice: true, grid: true },
      marks: [
        Plot.line(
          [
            [lo, lo],
            [hi, hi],
          ],
          { stroke: 'currentColor', strokeOpacity: 0.4, strokeDasharray: '4,3', ariaDescription: 'y = x' },
        ),
        Plot.dot(points, { x: 'actual', y: 'predicted', fill: 'side', r: 2, fillOpacity: 0.5, ariaDescription: 'rows' }),
        ...legendMarks(undefined),
        ...(points.length ? [] : noDataMarks()),
      ],
    }),
  );
}

/** Each side's error histogram as percent of its rows, with zero error marked. */
export function residualHistogramChart(results: Results, { document, width = 560, height = 240 }: RegressionChartOptions): SVGSVGElement | HTMLElement {
  const bins = sidesOf(results).flatMap((side) => {
    const histogram = results[side]!.residual_histogram;
    if (!histogram) return [];
    const total = histogram.counts.reduce((a, b) => a + (isFiniteNumber(b) ? b : 0), 0);
    return histogram.counts.flatMap((count, i) => {
      const [x1, x2] = [histogram.edges[i], histogram.edges[i + 1]];
      return isFiniteNumber(count) && isFiniteNumber(x1) && isFiniteNumber(x2) && total > 0 ? [{ side, x1, x2, count, percent: (100 * count) / total }] : [];
    });
  });
  return finish(
    Plot.plot({
      document,
      width,
      height,
      ...MARGIN,
      ariaLabel: 'Histogram of prediction errors',
      ariaDescription: bins.length ? 'errors of reference and current, percent of rows per bin' : 'no data',
      color: COLOR,
      x: { label: ERROR_LABEL, labelAnchor: 'center', labelArrow: 'none', ...(bins.length ? {} : { domain: [-1, 1] }) },
      y: { label: '% of rows', grid: true, nice: true, ...(bins.length ? {} : { domain: [0, 1] }) },
      marks: [
        Plot.rectY(bins, {
          x1: 'x1',
          x2: 'x2',
          y1: 0,
          y2: 'percent',
          fill: 'side',
          fillOpacity: 0.4,
          stroke: 'side',
          insetLeft: 0.5,
          insetRight: 0.5,
          title: (d: { side: Side; x1: number; x2: number; count: number; percent: number }) =>
            `${d.side}: ${d.percent.toFixed(1)}% (${d.count}) in [${formatNumber(d.x1)}, ${formatNumber(d.x2)})`,
          ariaDescription: 'bins',
        }),
        Plot.ruleX([0], { stroke: 'currentColor', strokeDasharray: '4,3', ariaDescription: 'zero error' }),
        Plot.ruleY([0]),
        ...legendMarks(undefined),
        ...(bins.length ? [] : noDataMarks()),
      ],
    }),
  );
}

/** MAE (or RMSE, mean error) per value of one segment column, reference and current side by side. */
export function segmentErrorChart(results: Results, options: SegmentErrorChartOptions): SVGSVGElement | HTMLElement {
  const sides = sidesOf(results);
  const name = options.segment ?? sides.flatMap((side) => results[side]!.segments.map((s) => s.name))[0];
  const rows = sides.flatMap((side) => {
    const column = results[side]!.segments.find((s) => s.name === name);
    const groups: [string, RegressionSegment][] = (column?.groups ?? []).map((g) => [g.segment ?? '(missing)', g]);
    if (column?.other) groups.push(['(other)', column.other]);
    return groups.flatMap(([label, g]) => (isFiniteNumber(g[options.metric ?? 'mae']) ? [{ side, label, g }] : []));
  });
  const labels = [...new Set(rows.map((r) => r.label))];
  // Destructured here: the default height needs the number of segments.
  const { document, width = 560, height = 56 + 12 * sides.length * Math.max(labels.length, 2) + 6 * labels.length, metric = 'mae' } = options;
  const longest = Math.max(0, ...labels.map((l) => Math.min(Array.from(l).length, MAX_LABEL_CHARS)));
  return finish(
    Plot.plot({
      document,
      width,
      height,
      ...MARGIN,
      marginLeft: Math.max(44, 12 + 6 * longest),
      // Column and segment names are user data: drawn as text, kept out of attributes.
      ariaLabel: `${metric === 'mean_error' ? 'Mean error' : metric.toUpperCase()} per segment`,
      ariaDescription: labels.length ? `${labels.length} segments` : 'no data',
      color: COLOR,
      fy: { domain: labels, label: null, tickFormat: (l: string) => truncateLabel(l, MAX_LABEL_CHARS), padding: 0.15 },
      y: { domain: sides, axis: null, padding: 0.05 },
      x: { label: metric === 'mean_error' ? 'mean error' : metric.toUpperCase(), grid: true, nice: true, labelAnchor: 'center', labelArrow: 'none' },
      marks: [
        Plot.barX(rows, {
          fy: 'label',
          y: 'side',
          x1: 0,
          x2: (r: (typeof rows)[number]) => r.g[metric],
          fill: 'side',
          title: (r: (typeof rows)[number]) =>
            `${r.label} — ${r.side} (${r.g.count} rows)\nMAE ${formatNumber(r.g.mae)}, RMSE ${formatNumber(r.g.rmse)}, mean error ${formatNumber(r.g.mean_error)}`,
          ariaDescription: 'segment bars',
        }),
        Plot.ruleX([0]),
        ...legendMarks('super'),
        // facet 'super': drawn once over the whole figure, even when there is no facet to draw into.
        ...(rows.length ? [] : noDataMarks('no data', 'super')),
      ],
    }),
  );
}

/** Mean error per bin of one numeric feature (a line broken at empty bins), with zero error marked. */
export function residualFeatureChart(
  results: Results,
  { document, width = 560, height = 240, feature }: ResidualFeatureChartOptions,
): SVGSVGElement | HTMLElement {
  const sides = sidesOf(results);
  const name = feature ?? sides.flatMap((side) => results[side]!.residuals_by_feature.map((f) => f.name))[0];
  const points = sides.flatMap((side) =>
    (results[side]!.residuals_by_feature.find((f) => f.name === name)?.bins ?? []).flatMap((bin) => {
      const x = isFiniteNumber(bin.mean_feature) ? bin.mean_feature : (bin.lower + bin.upper) / 2;
      return isFiniteNumber(x) ? [{ side, x, y: isFiniteNumber(bin.mean_error) ? bin.mean_error : null, bin }] : [];
    }),
  );
  const drawn = points.filter((p) => p.y !== null);
  return finish(
    Plot.plot({
      document,
      width,
      height,
      ...MARGIN,
      ariaLabel: 'Mean error per feature bin',
      ariaDescription: drawn.length ? `${drawn.length} bins` : 'no data',
      color: COLOR,
      x: { label: name ?? 'feature', labelAnchor: 'center', labelArrow: 'none', ...(drawn.length ? {} : { domain: [0, 1] }) },
      y: { label: 'mean error', grid: true, nice: true, ...(drawn.length ? {} : { domain: [-1, 1] }) },
      r: { range: [1.5, 6] },
      marks: [
        Plot.ruleY([0], { stroke: 'currentColor', strokeDasharray: '4,3', ariaDescription: 'zero error' }),
        Plot.line(points, { x: 'x', y: 'y', z: 'side', stroke: 'side', strokeWidth: 1.5, ariaDescription: 'mean error line' }),
        Plot.dot(drawn, {
          x: 'x',
          y: 'y',
          r: (p: { bin: ResidualBin }) => p.bin.count,
          fill: 'side',
          title: (p: { side: Side; bin: ResidualBin }) =>
            `${p.side}: [${formatNumber(p.bin.lower)}, ${formatNumber(p.bin.upper)}], ${p.bin.count} rows\nmean error ${formatNumber(p.bin.mean_error ?? 0)}, MAE ${formatNumber(p.bin.mae ?? 0)}`,
          ariaDescription: 'bins',
        }),
        ...legendMarks(undefined),
        ...(drawn.length ? [] : noDataMarks()),
      ],
    }),
  );
}
