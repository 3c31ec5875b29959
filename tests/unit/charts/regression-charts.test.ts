import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { predictedActualChart, residualFeatureChart, residualHistogramChart, segmentErrorChart } from '../../../lib/charts/regression-charts';
import { computeRegressionMetrics } from '../../../lib/metrics';

const document = parseHTML('<!doctype html><html><body></body></html>').document;
const HOSTILE = '<img src=x onerror=alert(1)>';

const reference = computeRegressionMetrics(
  {
    target: [1, 2, 3, 4, 5, 6],
    prediction: [1.1, 2.5, 2.8, 4.2, 5.5, 5.9],
    segments: [{ name: 'region', values: ['north', 'north', 'south', 'south', null, 'north'] }],
    features: [{ name: 'age', values: [1, 2, 3, 4, 5, 6] }],
  },
  { featureBins: 3 },
);
// A NaN target is excluded; the feature leaves the middle bins empty.
const current = computeRegressionMetrics(
  {
    target: [1, 2, 3, 4, 5, 6, 7, Number.NaN],
    prediction: [2, 2.5, 3.8, 4.2, 6, 5.9, 8, 1],
    segments: [{ name: 'region', values: ['north', HOSTILE, 'south', 'south', 'north', 'north', HOSTILE, 'south'] }],
    features: [{ name: 'age', values: [1, 2, 3, 4, 5, 6, 20, 1] }],
  },
  { featureBins: 4 },
);

const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);
const texts = (el: Element) => all(el, 'text').map((t) => t.textContent ?? '');

function expectClean(el: Element, render?: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|Infinity|undefined/);
  if (render) expect(render().outerHTML).toBe(markup);
}

const expectNoData = (el: Element) => {
  expect(marks(el, 'no data', 'text').map((t) => t.textContent)).toEqual(['no data']);
  expect(all(el, 'rect[aria-label="frame"]')).toHaveLength(1);
  expectClean(el);
};

describe('predictedActualChart', () => {
  it('draws each side’s sampled rows over the y = x line, with the side legend', () => {
    const render = () => predictedActualChart({ reference, current }, { document });
    const el = render();
    expectClean(el, render);
    const dots = marks(el, 'rows', 'circle');
    expect(dots).toHaveLength(reference.predicted_vs_actual.actual.length + current.predicted_vs_actual.actual.length);
    expect(new Set(dots.map((d) => d.getAttribute('fill')))).toEqual(new Set(['#4c78a8', '#f58518']));
    expect(marks(el, 'y = x', 'path')).toHaveLength(1);
    expect(texts(el)).toEqual(expect.arrayContaining(['actual', '↑ predicted', 'reference', 'current']));
  });

  it('draws "no data" without results', () => {
    expectNoData(predictedActualChart({}, { document }));
  });
});

describe('residualHistogramChart', () => {
  it('draws a bar per bin and side as percent of the side’s rows, with zero error marked', () => {
    const el = residualHistogramChart({ reference, current }, { document });
    expectClean(el);
    const bins = (r: typeof reference) => r.residual_histogram?.counts.length ?? 0;
    const bars = marks(el, 'bins', 'rect');
    expect(bars).toHaveLength(bins(reference) + bins(current));
    expect(bars[0]?.textContent).toMatch(/^reference: \d+\.\d% \(\d+\) in \[/);
    expect(marks(el, 'zero error', 'line')).toHaveLength(1);
  });

  it('draws "no data" when no side has a histogram', () => {
    expectNoData(residualHistogramChart({ current: { ...current, residual_histogram: null } }, { document }));
  });
});

describe('segmentErrorChart', () => {
  const el = segmentErrorChart({ reference, current }, { document });

  it('draws a bar per segment and side, missing segments labelled, names only as escaped text', () => {
    expectClean(el);
    const rows = (r: typeof reference) => r.segments[0]?.groups.length ?? 0;
    expect(marks(el, 'segment bars', 'rect')).toHaveLength(rows(reference) + rows(current));
    const labels = all(el, 'g[aria-label="fy-axis tick label"] text').map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['north', 'south', '(missing)', HOSTILE.slice(0, 19) + '…']));
    expect(el.outerHTML).not.toContain('<img');
    expect(all(el, 'title').some((t) => t.textContent?.startsWith(`${HOSTILE} — current (2 rows)`))).toBe(true);
    expect(texts(el)).toContain('MAE');
  });

  it('draws the chosen metric, negative mean errors to the left of zero', () => {
    const signed = computeRegressionMetrics({
      target: [5, 5, 1, 1],
      prediction: [4, 4.5, 2, 1.5],
      segments: [{ name: 'tier', values: ['low', 'low', 'high', 'high'] }],
    });
    const mean = segmentErrorChart({ current: signed }, { document, metric: 'mean_error' });
    expect(texts(mean)).toContain('mean error');
    expectClean(mean);
    const bar = (name: string) => marks(mean, 'segment bars', 'rect').find((r) => r.textContent?.startsWith(`${name} —`));
    const [low, high] = [bar('low'), bar('high')];
    const zero = Number(all(mean, 'g[aria-label="rule"] line')[0]?.getAttribute('x1'));
    expect(Number(low?.getAttribute('x')) + Number(low?.getAttribute('width'))).toBeCloseTo(zero, 0);
    expect(Number(high?.getAttribute('x'))).toBeCloseTo(zero, 0);
    expect(low?.textContent).toMatch(/mean error -0\.75$/);
    expectNoData(segmentErrorChart({ reference }, { document, segment: 'no such column' }));
  });
});

describe('residualFeatureChart', () => {
  it('draws a dot per non-empty bin and breaks the line at empty ones', () => {
    const el = residualFeatureChart({ reference, current }, { document });
    expectClean(el);
    const filled = (r: typeof reference) => r.residuals_by_feature[0]?.bins.filter((b) => b.count > 0).length ?? 0;
    expect(marks(el, 'bins', 'circle')).toHaveLength(filled(reference) + filled(current));
    const [ref, cur] = marks(el, 'mean error line', 'path').map((p) => p.getAttribute('d') ?? '');
    expect(ref?.match(/M/g)).toHaveLength(1);
    expect(current.residuals_by_feature[0]?.bins.some((b) => b.count === 0)).toBe(true);
    expect(cur?.match(/M/g)?.length).toBeGreaterThan(1);
    expect(marks(el, 'zero error', 'line')).toHaveLength(1);
    expect(texts(el)).toContain('age');
  });

  it('draws "no data" for an unknown feature', () => {
    expectNoData(residualFeatureChart({ reference, current }, { document, feature: 'height' }));
  });
});
