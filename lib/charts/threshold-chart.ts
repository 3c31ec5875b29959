import * as Plot from '@observablehq/plot';
import type { ThresholdSweep } from '../metrics/types';
import { type ChartOptions, formatNumber, keyRow, noDataMarks } from './chart-parts';
import { roundGeometry } from './round-svg';

export type SweepMetric = 'precision' | 'recall' | 'f1' | 'selection_rate' | 'accuracy';

export type ThresholdChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & {
  /** The decision threshold in use, drawn as a vertical rule. */
  threshold?: number | null;
  metrics?: readonly SweepMetric[];
};

interface SweepPoint {
  metric: SweepMetric;
  threshold: number;
  value: number;
}

const METRIC_LABELS: Record<SweepMetric, string> = {
  precision: 'precision',
  recall: 'recall',
  f1: 'F1',
  selection_rate: 'selection rate',
  accuracy: 'accuracy',
};
const METRIC_COLORS: Record<SweepMetric, string> = {
  precision: '#4c78a8',
  recall: '#f58518',
  f1: '#54a24b',
  selection_rate: '#b279a2',
  accuracy: '#9d755d',
};

/**
 * Binary metrics against the decision threshold (score ≥ t is positive), one line per metric; the
 * threshold in use as a rule and the best-F1 threshold as a dot.
 */
export function thresholdChart(
  result: { threshold_sweep: ThresholdSweep | null },
  { document, width = 560, height = 280, threshold = null, metrics = ['precision', 'recall', 'f1', 'selection_rate'] }: ThresholdChartOptions,
): SVGSVGElement | HTMLElement {
  const sweep = result.threshold_sweep;
  const points = sweep ? metrics.flatMap((metric) => pointsOf(sweep, metric)) : [];
  const chosen = typeof threshold === 'number' && Number.isFinite(threshold) ? threshold : null;
  const best = sweep?.best_f1 && Number.isFinite(sweep.best_f1.threshold) && Number.isFinite(sweep.best_f1.f1) ? sweep.best_f1 : null;
  const xs = [...points.map((p) => p.threshold), ...(chosen === null ? [] : [chosen])];
  const domain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  if (domain[0] === domain[1]) domain[1] = domain[0] + 1;
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginLeft: 44,
    marginRight: 20,
    marginBottom: 36,
    ariaLabel: 'Classification metrics against the decision threshold',
    ariaDescription:
      [chosen === null ? '' : `threshold in use ${formatNumber(chosen)}`, best ? `best F1 ${best.f1.toFixed(3)} at ${formatNumber(best.threshold)}` : '']
        .filter(Boolean)
        .join('; ') || (points.length ? 'threshold sweep' : 'no data'),
    color: { domain: [...metrics], range: metrics.map((m) => METRIC_COLORS[m]) },
    x: { label: 'threshold (score ≥ t is positive)', domain, labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'rate', domain: [0, 1], grid: true },
    marks: [
      Plot.line(points, {
        x: 'threshold',
        y: 'value',
        z: 'metric',
        stroke: 'metric',
        strokeWidth: 1.5,
        title: (d: SweepPoint) => METRIC_LABELS[d.metric],
        ariaDescription: 'metric lines',
      }),
      ...(chosen === null
        ? []
        : [
            Plot.ruleX([chosen], { stroke: 'currentColor', strokeDasharray: '4,3', ariaDescription: 'threshold in use' }),
            Plot.text([chosen], {
              x: (d: number) => d,
              frameAnchor: 'top',
              dy: 2,
              dx: 4,
              text: (d: number) => `t = ${formatNumber(d)}`,
              textAnchor: 'start',
              lineAnchor: 'top',
            }),
          ]),
      ...(best
        ? [
            Plot.dot([best], {
              x: 'threshold',
              y: 'f1',
              r: 4,
              stroke: METRIC_COLORS.f1,
              fill: 'white',
              strokeWidth: 1.5,
              title: (d: { threshold: number; f1: number }) => `best F1 ${d.f1.toFixed(3)} at t = ${formatNumber(d.threshold)}`,
              ariaDescription: 'best F1',
            }),
          ]
        : []),
      // A key row, not direct labels: the lines meet at the ends.
      ...keyRow(metrics.map((m) => [METRIC_LABELS[m], METRIC_COLORS[m]])),
      ...(points.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

function pointsOf(sweep: ThresholdSweep, metric: SweepMetric): SweepPoint[] {
  const values = sweep[metric];
  const points: SweepPoint[] = [];
  sweep.thresholds.forEach((threshold, i) => {
    const value = values[i];
    if (Number.isFinite(threshold) && typeof value === 'number' && Number.isFinite(value)) points.push({ metric, threshold, value });
  });
  return points;
}
