import * as Plot from '@observablehq/plot';
import type { ExplainResult } from '../explain/types';
import { type ChartOptions, formatNumber, keyRow, legendMarks, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';

/** Global explanations as Plot SVG: importance (reference vs current), the beeswarm summary, a dependence plot. */

export type ShapChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

const MAX_LABEL_CHARS = 24;
/** SHAP's summary plot colours: low feature values blue, high red; categories and missing values grey. */
export const LOW_HIGH = ['#1e88e5', '#ff0d57'] as const;
const NO_VALUE = '#9e9e9e';

/** Room for feature names on the left: ~6px per character of Plot's 10px font. */
const labelMargin = (features: readonly string[]) =>
  Math.max(48, 12 + 6 * Math.max(0, ...features.map((f) => Math.min(Array.from(f).length, MAX_LABEL_CHARS))));

/** Features by decreasing mean |SHAP| on the current side (reference as the tie-break), as shap orders its plots. */
export function featureOrder(result: Pick<ExplainResult, 'features' | 'global' | 'reference'>): string[] {
  const ref = result.reference?.global ?? {};
  return [...result.features].sort((a, b) => (result.global[b] ?? 0) - (result.global[a] ?? 0) || (ref[b] ?? 0) - (ref[a] ?? 0));
}

interface ImportanceBar {
  feature: string;
  side: 'reference' | 'current';
  value: number;
}

/** Mean |SHAP| per feature, reference and current side by side (one facet row per feature, a bar per side). */
export function importanceChart(result: ExplainResult, { document, width = 560, height }: ShapChartOptions): SVGSVGElement | HTMLElement {
  const features = featureOrder(result);
  const sides = result.reference ? (['reference', 'current'] as const) : (['current'] as const);
  const bars: ImportanceBar[] = features.flatMap((feature) =>
    sides.map((side) => ({ feature, side, value: (side === 'reference' ? result.reference?.global : result.global)?.[feature] ?? 0 })),
  );
  const el = Plot.plot({
    document,
    width,
    height: height ?? 56 + features.length * (12 * sides.length + 8),
    marginTop: 28,
    marginRight: 24,
    marginLeft: labelMargin(features),
    ariaLabel: 'Mean absolute SHAP value per feature',
    ariaDescription: `${features.length} features; ${sides.join(' and ')}`,
    x: { label: 'mean |SHAP value|', grid: true, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: [...sides], axis: null, padding: 0.1 },
    fy: { domain: features, label: null, tickFormat: (f: string) => truncateLabel(f, MAX_LABEL_CHARS), padding: 0.15 },
    marks: [
      Plot.barX(bars, {
        x: 'value',
        y: 'side',
        fy: 'feature',
        fill: (d: ImportanceBar) => SIDE_COLORS[d.side],
        title: (d: ImportanceBar) => `${d.feature}\n${d.side}: mean |SHAP| ${formatNumber(d.value)}`,
        ariaDescription: 'importance bars',
      }),
      Plot.ruleX([0]),
      ...(sides.length === 2 ? legendMarks('super') : []),
      ...(features.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

interface SwarmDot {
  feature: string;
  index: number;
  shap: number;
  value: number | string | null;
  /** The value's position in its feature's range (0 low, 1 high), null for categories and missing values. */
  level: number | null;
  /** Vertical offset within the feature's row, in [−0.4, 0.4] (see swarmData). */
  offset: number;
}

const SWARM_BINS = 100;
const SWARM_HALF_HEIGHT = 0.4;

/**
 * Each explained row's SHAP values, one dot per row and feature, coloured by the feature's value, and
 * stacked as shap.plots.beeswarm does: values binned into 100 bins of the feature's SHAP range, the
 * k-th dot of a bin placed alternately above and below the row's centre, offsets scaled so the fullest
 * bin fills the row — a bounded height whatever the number of rows.
 */
export function swarmData(result: Pick<ExplainResult, 'rows' | 'features'>): SwarmDot[] {
  const out: SwarmDot[] = [];
  for (const feature of result.features) {
    const numbers = result.rows.map((r) => r.values[feature]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    let [lo, hi] = [Infinity, -Infinity];
    for (const v of numbers) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    const rows = result.rows.filter((r) => r.shap[feature] !== undefined && Number.isFinite(r.shap[feature]));
    const shaps = rows.map((r) => r.shap[feature]!);
    const [min, max] = [Math.min(...shaps), Math.max(...shaps)];
    const counts = new Map<number, number>();
    const raw = shaps.map((v) => {
      const bin = max > min ? Math.min(SWARM_BINS - 1, Math.floor(((v - min) / (max - min)) * SWARM_BINS)) : 0;
      const k = counts.get(bin) ?? 0;
      counts.set(bin, k + 1);
      return (k % 2 ? -1 : 1) * Math.ceil(k / 2);
    });
    const widest = Math.max(1, ...raw.map(Math.abs));
    rows.forEach((row, i) => {
      const value = row.values[feature] ?? null;
      const level = typeof value === 'number' && Number.isFinite(value) ? (hi > lo ? (value - lo) / (hi - lo) : 0.5) : null;
      out.push({ feature, index: row.index, shap: shaps[i]!, value, level, offset: (raw[i]! / widest) * SWARM_HALF_HEIGHT });
    });
  }
  return out;
}

/** The beeswarm summary: per feature (most important first), each row's SHAP value stacked in its row, blue low → red high value. */
export function beeswarmChart(result: ExplainResult, { document, width = 640 }: ShapChartOptions): SVGSVGElement | HTMLElement {
  const features = featureOrder(result);
  const position = new Map(features.map((f, i) => [f, i]));
  const dots = swarmData(result);
  const el = Plot.plot({
    document,
    width,
    height: 64 + 40 * Math.max(1, features.length),
    marginTop: 28,
    marginRight: 24,
    marginLeft: labelMargin(features),
    ariaLabel: 'SHAP value of each explained row per feature (beeswarm)',
    ariaDescription: `${result.rows.length} rows × ${features.length} features; colour: the feature's value from low (blue) to high (red)`,
    x: { label: 'SHAP value (impact on the model output)', grid: true, labelAnchor: 'center', labelArrow: 'none' },
    y: {
      domain: [features.length - 0.5, -0.5],
      ticks: features.map((_, i) => i),
      tickFormat: (i: number) => truncateLabel(features[i] ?? '', MAX_LABEL_CHARS),
      tickSize: 0,
      label: null,
    },
    color: { type: 'linear', domain: [0, 1], range: [...LOW_HIGH], unknown: NO_VALUE },
    marks: [
      Plot.ruleX([0], { strokeOpacity: 0.4 }),
      Plot.dot(dots, {
        x: 'shap',
        y: (d: SwarmDot) => position.get(d.feature)! - d.offset,
        r: 1.8,
        fill: 'level',
        title: (d: SwarmDot) => `row ${d.index}\n${d.feature} = ${d.value === null ? 'missing' : String(d.value)}\nSHAP ${formatNumber(d.shap)}`,
        ariaDescription: 'rows',
      }),
      ...keyRow([
        ['low value', LOW_HIGH[0]],
        ['high value', LOW_HIGH[1]],
      ]),
      ...(dots.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

/** One feature's SHAP value against its value, one dot per explained row (shap's dependence plot). */
export function dependenceChart(
  result: ExplainResult,
  { document, width = 560, height = 300, feature }: ShapChartOptions & { feature: string },
): SVGSVGElement | HTMLElement {
  const points = result.rows.flatMap((r) => {
    const shap = r.shap[feature];
    const value = r.values[feature];
    return shap === undefined || value === null || value === undefined || !Number.isFinite(shap) ? [] : [{ index: r.index, value, shap }];
  });
  const categorical = points.some((p) => typeof p.value === 'string');
  const el = Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    marginBottom: 40,
    ariaLabel: 'SHAP value against the feature value (dependence plot)',
    ariaDescription: `${points.length} rows`,
    x: categorical
      ? { type: 'point', label: feature, tickFormat: (v: string) => truncateLabel(v, 12) }
      : { label: feature, grid: true, labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'SHAP value', grid: true },
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.4 }),
      Plot.dot(points, {
        x: (d: { value: number | string }) => (categorical ? String(d.value) : d.value),
        y: 'shap',
        r: 2.5,
        fill: SIDE_COLORS.current,
        fillOpacity: 0.7,
        title: (d: { index: number; value: number | string; shap: number }) => `row ${d.index}\n${feature} = ${String(d.value)}\nSHAP ${formatNumber(d.shap)}`,
        ariaDescription: 'rows',
      }),
      ...(points.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}
