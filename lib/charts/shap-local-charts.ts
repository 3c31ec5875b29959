import * as Plot from '@observablehq/plot';
import type { ExplainedRow, LimeExplanation, PermutationImportance } from '../explain/types';
import { type ChartOptions, formatNumber, legendMarks, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';
import { LOW_HIGH } from './shap-charts';

/** One row's explanation (SHAP waterfall, LIME coefficients) and permutation importance, as Plot SVG. */

export type LocalChartOptions = Pick<ChartOptions, 'document' | 'width'>;

const MAX_LABEL_CHARS = 28;
const [NEGATIVE, POSITIVE] = LOW_HIGH;
const labelMargin = (labels: readonly string[]) => Math.max(56, 12 + 6 * Math.max(0, ...labels.map((l) => Math.min(Array.from(l).length, MAX_LABEL_CHARS))));

export interface WaterfallStep {
  /** "feature = value". */
  label: string;
  feature: string;
  shap: number;
  start: number;
  end: number;
}

const valueText = (v: number | string | null | undefined) => (v === null || v === undefined ? 'missing' : typeof v === 'number' ? formatNumber(v) : v);

/**
 * The waterfall's steps, largest |SHAP| first (the display order, top to bottom). As shap.plots.waterfall
 * draws it, the chain starts at the base value with the smallest push (the bottom row) and adds each
 * larger one above it, so the top row ends at f(x) = base + Σ φ.
 */
export function waterfallSteps(row: ExplainedRow, baseValue: number): WaterfallStep[] {
  const ordered = Object.entries(row.shap).sort(([, a], [, b]) => Math.abs(a) - Math.abs(b));
  let at = baseValue;
  const chain = ordered.map(([feature, shap]) => {
    const start = at;
    at += shap;
    return { label: `${feature} = ${valueText(row.values[feature])}`, feature, shap, start, end: at };
  });
  return chain.reverse();
}

/** SHAP waterfall of one row: from E[f(x)] at the bottom, each feature's push (red up, blue down), to f(x) at the top. */
export function waterfallChart(row: ExplainedRow, baseValue: number, { document, width = 560 }: LocalChartOptions): SVGSVGElement | HTMLElement {
  const steps = waterfallSteps(row, baseValue);
  const labels = steps.map((s) => s.label);
  const fx = steps[0]?.end ?? baseValue;
  const el = Plot.plot({
    document,
    width,
    height: 72 + 22 * Math.max(2, steps.length),
    marginTop: 28,
    marginRight: 64,
    marginBottom: 40,
    marginLeft: labelMargin(labels),
    ariaLabel: `SHAP waterfall of row ${row.index}`,
    ariaDescription: `base value ${formatNumber(baseValue)}, f(x) ${formatNumber(fx)}, ${steps.length} features`,
    x: { label: 'model output', grid: true, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: labels, label: null, tickFormat: (l: string) => truncateLabel(l, MAX_LABEL_CHARS), padding: 0.2 },
    marks: [
      Plot.ruleX([baseValue], { strokeDasharray: '4,3', strokeOpacity: 0.6, ariaDescription: 'base value' }),
      Plot.ruleX([fx], { strokeOpacity: 0.6, ariaDescription: 'prediction' }),
      Plot.barX(steps, {
        x1: 'start',
        x2: 'end',
        y: 'label',
        fill: (d: WaterfallStep) => (d.shap >= 0 ? POSITIVE : NEGATIVE),
        title: (d: WaterfallStep) => `${d.label}\nSHAP ${d.shap >= 0 ? '+' : ''}${formatNumber(d.shap)}`,
        ariaDescription: 'steps',
      }),
      Plot.text(steps, {
        x: (d: WaterfallStep) => Math.max(d.start, d.end),
        y: 'label',
        text: (d: WaterfallStep) => `${d.shap >= 0 ? '+' : '−'}${formatNumber(Math.abs(d.shap))}`,
        dx: 4,
        textAnchor: 'start',
        ariaDescription: 'step values',
      }),
      Plot.text([`E[f(x)] = ${formatNumber(baseValue)}`], { frameAnchor: 'bottom-left', dy: 34, text: (d: string) => d, textAnchor: 'start' }),
      Plot.text([`f(x) = ${formatNumber(fx)}`], { frameAnchor: 'top-right', dy: -16, text: (d: string) => d, textAnchor: 'end', fontWeight: 600 }),
      ...(steps.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

/** The LIME surrogate's coefficients (per standard deviation of each feature), with its fidelity in the description. */
export function limeChart(lime: LimeExplanation, { document, width = 560 }: LocalChartOptions): SVGSVGElement | HTMLElement {
  const bars = Object.entries(lime.coefficients)
    .map(([feature, value]) => ({ feature, value }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const features = bars.map((b) => b.feature);
  const el = Plot.plot({
    document,
    width,
    height: 64 + 22 * Math.max(2, bars.length),
    marginTop: 20,
    marginRight: 24,
    marginLeft: labelMargin(features),
    ariaLabel: `LIME surrogate coefficients of row ${lime.row}`,
    ariaDescription: `fidelity (weighted R²) ${formatNumber(lime.fidelity)}; ${lime.samples} perturbations, kernel width ${formatNumber(lime.kernelWidth)}`,
    x: { label: 'local coefficient (per standard deviation)', grid: true, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: features, label: null, tickFormat: (f: string) => truncateLabel(f, MAX_LABEL_CHARS), padding: 0.2 },
    marks: [
      Plot.barX(bars, {
        x: 'value',
        y: 'feature',
        fill: (d: { value: number }) => (d.value >= 0 ? POSITIVE : NEGATIVE),
        title: (d: { feature: string; value: number }) => `${d.feature}\ncoefficient ${formatNumber(d.value)}`,
        ariaDescription: 'coefficients',
      }),
      Plot.ruleX([0]),
      ...(bars.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

interface PermutationBar {
  feature: string;
  side: 'reference' | 'current';
  mean: number;
  std: number;
}

/** Permutation importance (mean decrease of the metric over the repeats, ± one std) per feature, reference and current. */
export function permutationChart(
  permutation: { reference?: PermutationImportance; current: PermutationImportance },
  { document, width = 560 }: LocalChartOptions,
): SVGSVGElement | HTMLElement {
  const sides = permutation.reference ? (['reference', 'current'] as const) : (['current'] as const);
  const features = Object.keys(permutation.current.features).sort(
    (a, b) => (permutation.current.features[b]?.mean ?? 0) - (permutation.current.features[a]?.mean ?? 0),
  );
  const bars: PermutationBar[] = features.flatMap((feature) =>
    sides.flatMap((side) => {
      const f = permutation[side]?.features[feature];
      return f ? [{ feature, side, mean: f.mean, std: f.std }] : [];
    }),
  );
  const el = Plot.plot({
    document,
    width,
    height: 56 + features.length * (12 * sides.length + 8),
    marginTop: 28,
    marginRight: 24,
    marginLeft: labelMargin(features),
    ariaLabel: `Permutation importance (decrease of ${permutation.current.metric}) per feature`,
    ariaDescription: `${features.length} features; ${permutation.current.nRepeats} repeats`,
    x: { label: `decrease of ${permutation.current.metric} when shuffled`, grid: true, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: [...sides], axis: null, padding: 0.1 },
    fy: { domain: features, label: null, tickFormat: (f: string) => truncateLabel(f, MAX_LABEL_CHARS), padding: 0.15 },
    marks: [
      Plot.barX(bars, {
        x: 'mean',
        y: 'side',
        fy: 'feature',
        fill: (d: PermutationBar) => SIDE_COLORS[d.side],
        title: (d: PermutationBar) => `${d.feature}\n${d.side}: ${formatNumber(d.mean)} ± ${formatNumber(d.std)}`,
        ariaDescription: 'importance bars',
      }),
      Plot.ruleY(bars, {
        x1: (d: PermutationBar) => d.mean - d.std,
        x2: (d: PermutationBar) => d.mean + d.std,
        y: 'side',
        fy: 'feature',
        ariaDescription: 'std',
      }),
      Plot.ruleX([0]),
      ...(sides.length === 2 ? legendMarks('super') : []),
      ...(bars.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}
