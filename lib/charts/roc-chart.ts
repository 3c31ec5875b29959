import * as Plot from '@observablehq/plot';
import type { ClassificationMetricsResult, RocCurve } from '../metrics/types';
import { type ChartOptions, cornerKey, CURVE_CHART_MARGINS, noDataMarks } from './chart-parts';
import { SIDES, SIDE_COLORS, type Side } from './palette';
import { roundGeometry } from './round-svg';

export type RocChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & {
  /** Whose one-vs-rest curves a multiclass chart draws; default current when given. */
  side?: Side;
};

interface Series {
  key: string;
  auc: number | null;
  color: string;
  curve: RocCurve;
}

interface RocPoint {
  key: string;
  fpr: number;
  tpr: number;
}

// Tableau-10 with the side colours last, so class a is not read as "reference".
const CLASS_COLORS = ['#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac', '#4c78a8', '#f58518'];

const formatScore = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(3));

/**
 * ROC curves of reference and current (binary), or one side's one-vs-rest curve per class
 * (multiclass, at most 10 classes), over the chance diagonal; AUCs in the key.
 */
export function rocChart(
  results: Partial<Record<Side, ClassificationMetricsResult>>,
  { document, width = 400, height = 380, side }: RocChartOptions,
): SVGSVGElement | HTMLElement {
  const { series, hidden, multiclass } = seriesOf(results, side);
  const points = series.flatMap(pointsOf);
  const key = series.map((s) => `${s.key}  AUC ${formatScore(s.auc)}`);
  if (hidden > 0) key.push(`+${hidden} more classes not drawn`);
  const el = Plot.plot({
    document,
    width,
    height,
    ...CURVE_CHART_MARGINS,
    ariaLabel: multiclass ? 'One-vs-rest ROC curves per class' : 'ROC curves of reference and current',
    // Class labels are user data: drawn as text, kept out of attributes.
    ariaDescription: multiclass ? `${series.length} classes` : key.join('; ') || 'no data',
    color: { domain: series.map((s) => s.key), range: series.map((s) => s.color) },
    x: { label: 'false positive rate', domain: [0, 1], labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'true positive rate', domain: [0, 1], grid: true },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: 'currentColor', strokeOpacity: 0.4, strokeDasharray: '4,3', ariaDescription: 'chance diagonal' },
      ),
      Plot.line(points, {
        x: 'fpr',
        y: 'tpr',
        z: 'key',
        stroke: 'key',
        strokeWidth: 1.5,
        title: (d: RocPoint) => key[series.findIndex((s) => s.key === d.key)] ?? d.key,
        ariaDescription: 'ROC curve',
      }),
      ...cornerKey(
        key.map((text, i) => [text, series[i]?.color ?? 'currentColor']),
        'bottom-right',
      ),
      ...(points.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

/** Binary: one curve per side. Multiclass (on the chosen side): one curve per class with a curve. */
function seriesOf(
  results: Partial<Record<Side, ClassificationMetricsResult>>,
  side: Side | undefined,
): { series: Series[]; hidden: number; multiclass: boolean } {
  const chosen = side ?? (results.current ? 'current' : 'reference');
  const result = results[chosen];
  if (result?.task === 'multiclass') {
    const classes = (result.curves.roc_ovr ?? []).flatMap((c) => (c.curve ? [{ key: c.label, auc: c.auc, curve: c.curve }] : []));
    const drawn = classes.slice(0, CLASS_COLORS.length);
    const series = drawn.map((c, i) => ({ ...c, color: CLASS_COLORS[i] ?? 'currentColor' }));
    return { series, hidden: classes.length - drawn.length, multiclass: true };
  }
  const series = SIDES.flatMap((s) => {
    const r = results[s];
    return r?.task === 'binary' && r.curves.roc ? [{ key: s, auc: r.roc_auc, color: SIDE_COLORS[s], curve: r.curves.roc }] : [];
  });
  return { series, hidden: 0, multiclass: false };
}

/** The curve's finite vertices (a malformed point is skipped, not drawn at NaN). */
function pointsOf({ key, curve }: Series): RocPoint[] {
  const n = Math.min(curve.fpr.length, curve.tpr.length);
  const points: RocPoint[] = [];
  for (let i = 0; i < n; i++) {
    const fpr = curve.fpr[i];
    const tpr = curve.tpr[i];
    if (typeof fpr === 'number' && typeof tpr === 'number' && Number.isFinite(fpr) && Number.isFinite(tpr)) {
      points.push({ key, fpr, tpr });
    }
  }
  return points;
}
