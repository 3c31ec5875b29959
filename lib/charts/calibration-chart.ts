import * as Plot from '@observablehq/plot';
import type { CalibrationResult, ClassificationMetricsResult } from '../metrics/types';
import { type ChartOptions, COLOR, cornerKey, CURVE_CHART_MARGINS, noDataMarks } from './chart-parts';
import { SIDES, SIDE_COLORS, type Side } from './palette';
import { roundGeometry } from './round-svg';

export type CalibrationChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

interface BinDatum {
  side: Side;
  predicted: number;
  observed: number;
  count: number;
}

const AXES: Record<CalibrationResult['kind'], { x: string; y: string }> = {
  positive: { x: 'mean predicted probability', y: 'fraction of positives' },
  'top-label': { x: 'mean top-label confidence', y: 'accuracy' },
};

const formatShare = (v: number): string => v.toFixed(2);

/**
 * Reliability diagram of reference and current: each non-empty bin's mean predicted probability
 * against its observed rate (sklearn calibration_curve), dot area ∝ rows in the bin, over the
 * perfect-calibration diagonal; ECE in the key.
 */
export function calibrationChart(
  results: Partial<Record<Side, Pick<ClassificationMetricsResult, 'calibration'>>>,
  { document, width = 400, height = 380 }: CalibrationChartOptions,
): SVGSVGElement | HTMLElement {
  const sides = SIDES.filter((side) => results[side]?.calibration);
  const bins = sides.flatMap((side) => binsOf(side, results[side]?.calibration));
  const kind = results[sides.at(-1) ?? 'current']?.calibration?.kind ?? 'positive';
  const key = sides.map((side) => {
    const ece = results[side]?.calibration?.ece;
    return { side, text: `${side}  ECE ${typeof ece === 'number' && Number.isFinite(ece) ? ece.toFixed(3) : 'n/a'}` };
  });
  const el = Plot.plot({
    document,
    width,
    height,
    ...CURVE_CHART_MARGINS,
    ariaLabel: 'Reliability diagram of reference and current',
    ariaDescription: key.map((k) => k.text).join('; ') || 'no data',
    color: COLOR,
    x: { label: AXES[kind].x, domain: [0, 1], labelAnchor: 'center', labelArrow: 'none' },
    y: { label: AXES[kind].y, domain: [0, 1], grid: true },
    r: { range: [2, 9] },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: 'currentColor', strokeOpacity: 0.4, strokeDasharray: '4,3', ariaDescription: 'perfect calibration' },
      ),
      Plot.line(bins, { x: 'predicted', y: 'observed', z: 'side', stroke: 'side', strokeWidth: 1.5, ariaDescription: 'calibration curve' }),
      Plot.dot(bins, {
        x: 'predicted',
        y: 'observed',
        r: 'count',
        fill: 'side',
        fillOpacity: 0.7,
        stroke: 'white',
        strokeWidth: 0.5,
        title: (d: BinDatum) => `${d.side}: predicted ${formatShare(d.predicted)}, observed ${formatShare(d.observed)}\n${d.count} rows`,
        ariaDescription: 'calibration bins',
      }),
      // Top left: a bin rarely has a low predicted probability and a high observed rate.
      ...cornerKey(
        key.map(({ side, text }) => [text, SIDE_COLORS[side]]),
        'top-left',
      ),
      ...(bins.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

/** The non-empty bins with finite coordinates, in order of predicted probability. */
function binsOf(side: Side, calibration: CalibrationResult | null | undefined): BinDatum[] {
  if (!calibration) return [];
  const { prob_pred, prob_true, counts } = calibration;
  const bins: BinDatum[] = [];
  for (let i = 0; i < prob_pred.length; i++) {
    const predicted = prob_pred[i];
    const observed = prob_true[i];
    const count = counts[i] ?? 0;
    if (isFiniteNumber(predicted) && isFiniteNumber(observed) && count > 0) bins.push({ side, predicted, observed, count });
  }
  return bins;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
