import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { beeswarmChart, dependenceChart, featureOrder, importanceChart, swarmData } from '../../../lib/charts/shap-charts';
import { limeChart, permutationChart, waterfallChart, waterfallSteps } from '../../../lib/charts/shap-local-charts';
import type { ExplainResult } from '../../../lib/explain/types';

const document = parseHTML('<!doctype html><html><body></body></html>').document;
const HOSTILE = '<img src=x onerror=alert(1)>';
const FEATURES = ['age', HOSTILE, 'plan'];

/** A small result by hand: three rows, a numeric, a hostile-named numeric and a categorical feature. */
const rows = [
  { index: 0, prediction: 0.7, shap: { age: 0.2, [HOSTILE]: -0.05, plan: 0.1 }, values: { age: 30, [HOSTILE]: 1, plan: 'pro' } },
  { index: 4, prediction: 0.3, shap: { age: -0.15, [HOSTILE]: 0.01, plan: -0.01 }, values: { age: 60, [HOSTILE]: 5, plan: 'free' } },
  { index: 9, prediction: 0.5, shap: { age: 0.05, [HOSTILE]: -0.02, plan: 0.02 }, values: { age: 45, [HOSTILE]: null, plan: 'team' } },
];
const result: ExplainResult = {
  schemaVersion: 1,
  model: null,
  output: 'probability',
  method: 'exact',
  coalitions: 8,
  baseValue: 0.45,
  background: { source: 'reference', rows: 3, seed: 42 },
  features: FEATURES,
  rows,
  global: { age: 0.4 / 3, [HOSTILE]: 0.08 / 3, plan: 0.13 / 3 },
  reference: { rows: 3, global: { age: 0.05, [HOSTILE]: 0.09, plan: 0.01 } },
  permutation: {
    current: {
      metric: 'accuracy',
      nRepeats: 3,
      seed: 42,
      rows: 3,
      baseline: 0.9,
      features: {
        age: { mean: 0.2, std: 0.05, importances: [0.2, 0.25, 0.15] },
        [HOSTILE]: { mean: 0, std: 0, importances: [0, 0, 0] },
        plan: { mean: 0.05, std: 0.01, importances: [0.05, 0.04, 0.06] },
      },
    },
    reference: {
      metric: 'accuracy',
      nRepeats: 3,
      seed: 42,
      rows: 3,
      baseline: 0.8,
      features: {
        age: { mean: 0.1, std: 0, importances: [0.1, 0.1, 0.1] },
        [HOSTILE]: { mean: 0.1, std: 0, importances: [0.1, 0.1, 0.1] },
        plan: { mean: 0, std: 0, importances: [0, 0, 0] },
      },
    },
  },
  warnings: [],
};

const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);

function expectClean(el: Element, render: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|Infinity|undefined/);
  // The hostile feature name is only ever text: escaped, never markup or an attribute.
  expect(markup).not.toContain('<img');
  expect(render().outerHTML).toBe(markup);
}

describe('SHAP charts', () => {
  it('orders features by current mean |SHAP| (reference breaks ties), as shap does', () => {
    expect(featureOrder(result)).toEqual(['age', 'plan', HOSTILE]);
  });

  it('importance: a bar per feature and side, widths proportional to mean |SHAP|', () => {
    const render = () => importanceChart(result, { document });
    const el = render();
    expectClean(el, render);
    const bars = marks(el, 'importance bars', 'rect');
    expect(bars).toHaveLength(6);
    const widths = bars.map((b) => Number(b.getAttribute('width')));
    // Per facet (feature in featureOrder), reference then current; age current = 0.1333 is the widest.
    const max = Math.max(...widths);
    const values = featureOrder(result).flatMap((f) => [result.reference!.global[f]!, result.global[f]!]);
    const unit = max / Math.max(...values);
    widths.forEach((w, i) => expect(w).toBeCloseTo(values[i]! * unit, 0));
    expect(el.outerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('beeswarm: one dot per row and feature with a finite SHAP value, coloured by value; categories grey', () => {
    const dots = swarmData(result);
    expect(dots).toHaveLength(9);
    expect(dots.filter((d) => d.feature === 'age').map((d) => d.level)).toEqual([0, 1, 0.5]);
    expect(dots.filter((d) => d.feature === 'plan').every((d) => d.level === null)).toBe(true);
    expect(dots.find((d) => d.feature === HOSTILE && d.index === 9)?.level).toBeNull();
    // Distinct bins: every dot on its row's centre line; a tie is stacked above/below within ±0.4 of the row.
    expect(dots.map((d) => d.offset)).toEqual(new Array(9).fill(0));
    const tied = swarmData({
      features: ['x'],
      rows: [0, 1, 2, 3, 4].map((index) => ({ index, prediction: null, shap: { x: index < 4 ? 0.5 : 1 }, values: { x: index } })),
    });
    expect(tied.map((d) => d.offset)).toEqual([0, -0.2, 0.2, -0.4, 0]);
    const render = () => beeswarmChart(result, { document });
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'rows', 'circle')).toHaveLength(9);
  });

  it('dependence: a point per row with a value, categorical values on a point scale', () => {
    for (const feature of ['age', 'plan', HOSTILE]) {
      const render = () => dependenceChart(result, { document, feature });
      const el = render();
      expectClean(el, render);
      expect(marks(el, 'rows', 'circle')).toHaveLength(feature === HOSTILE ? 2 : 3);
    }
  });
});

describe('local charts', () => {
  it('waterfall: from the base value (smallest push, bottom) up to f(x) = base + Σφ (largest, top)', () => {
    const steps = waterfallSteps(rows[0]!, 0.45);
    expect(steps.map((s) => s.feature)).toEqual(['age', 'plan', HOSTILE]);
    expect(steps.at(-1)).toMatchObject({ feature: HOSTILE, start: 0.45 });
    for (let i = 0; i < steps.length - 1; i++) expect(steps[i]!.start).toBe(steps[i + 1]!.end);
    expect(steps[0]).toMatchObject({ label: 'age = 30' });
    expect(steps[0]!.end).toBeCloseTo(0.45 + 0.2 + 0.1 - 0.05, 12);
    const render = () => waterfallChart(rows[2]!, 0.45, { document });
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'steps', 'rect')).toHaveLength(3);
    expect(all(el, 'text').map((t) => t.textContent)).toEqual(expect.arrayContaining(['E[f(x)] = 0.45', 'f(x) = 0.5']));
    expect(waterfallSteps(rows[2]!, 0.45).find((s) => s.feature === HOSTILE)?.label).toBe(`${HOSTILE} = missing`);
  });

  it('LIME: a bar per coefficient, the fidelity in the description', () => {
    const lime = {
      row: 4,
      samples: 5000,
      kernelWidth: 1.5,
      alpha: 1,
      intercept: 0.4,
      coefficients: { age: -0.1, [HOSTILE]: 0.02 },
      localPrediction: 0.31,
      prediction: 0.3,
      fidelity: 0.93,
    };
    const render = () => limeChart(lime, { document });
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'coefficients', 'rect')).toHaveLength(2);
    expect(el.getAttribute('aria-description')).toContain('fidelity (weighted R²) 0.93');
  });

  it('permutation importance: a bar per feature and side with ± std rules', () => {
    const render = () => permutationChart(result.permutation!, { document });
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'importance bars', 'rect')).toHaveLength(6);
    expect(marks(el, 'std', 'line')).toHaveLength(6);
  });
});
