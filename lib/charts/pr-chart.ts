import * as Plot from '@observablehq/plot';
import type { ClassificationMetricsResult } from '../metrics/types';
import { type ChartOptions, COLOR, cornerKey, CURVE_CHART_MARGINS, noDataMarks } from './chart-parts';
import { SIDES, SIDE_COLORS, type Side } from './palette';
import { roundGeometry } from './round-svg';

export type PrChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

interface PrPoint {
  side: Side;
  recall: number;
  precision: number;
}

const formatScore = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(3));

/**
 * Precision-recall curves of reference and current (binary only) as steps, drawn like sklearn's
 * PrecisionRecallDisplay (drawstyle="steps-post" over decreasing recall); average precision in the key.
 */
export function prChart(
  results: Partial<Record<Side, ClassificationMetricsResult>>,
  { document, width = 400, height = 380 }: PrChartOptions,
): SVGSVGElement | HTMLElement {
  const sides = SIDES.filter((side) => results[side]?.curves.precision_recall);
  const points = sides.flatMap((side) => pointsOf(side, results[side]));
  const key = sides.map((side) => ({ side, text: `${side}  AP ${formatScore(results[side]?.average_precision ?? null)}` }));
  const el = Plot.plot({
    document,
    width,
    height,
    ...CURVE_CHART_MARGINS,
    ariaLabel: 'Precision-recall curves of reference and current',
    ariaDescription: key.map((k) => k.text).join('; ') || 'no data',
    color: COLOR,
    x: { label: 'recall', domain: [0, 1], labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'precision', domain: [0, 1], grid: true },
    marks: [
      Plot.line(points, {
        x: 'recall',
        y: 'precision',
        z: 'side',
        stroke: 'side',
        strokeWidth: 1.5,
        curve: 'step-after',
        title: (d: PrPoint) => key.find((k) => k.side === d.side)?.text ?? d.side,
        ariaDescription: 'precision-recall curve',
      }),
      // Bottom left: low recall with low precision is the corner a PR curve rarely visits.
      ...cornerKey(
        key.map(({ side, text }) => [text, SIDE_COLORS[side]]),
        'bottom-left',
      ),
      ...(points.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

/** The curve's finite vertices in sklearn's order (recall decreasing). */
function pointsOf(side: Side, result: ClassificationMetricsResult | undefined): PrPoint[] {
  const curve = result?.curves.precision_recall;
  if (!curve) return [];
  const n = Math.min(curve.precision.length, curve.recall.length);
  const points: PrPoint[] = [];
  for (let i = 0; i < n; i++) {
    const precision = curve.precision[i];
    const recall = curve.recall[i];
    if (isFiniteNumber(precision) && isFiniteNumber(recall)) points.push({ side, recall, precision });
  }
  return points;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
