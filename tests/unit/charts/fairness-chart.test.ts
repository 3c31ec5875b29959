import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { disparityChart, fairnessChart } from '../../../lib/charts/fairness-chart';
import { computeFairness } from '../../../lib/fairness/fairness';

const document = parseHTML('<!doctype html><html><body></body></html>').document;
const HOSTILE = '<img src=x onerror=alert(1)>';

const input = {
  yTrue: [1, 0, 1, 1, 0, 0, 1, 0, 1, 1],
  yPred: [1, 0, 0, 1, 1, 0, 1, 0, 0, 1],
  sensitive: [{ name: 'group', values: ['a', 'a', 'a', 'b', 'b', 'b', HOSTILE, HOSTILE, 'c', 'c'] }],
};
const result = computeFairness(input);

const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);
const texts = (el: Element) => all(el, 'text').map((t) => t.textContent ?? '');

function scale(el: Element): (v: number) => number {
  const ticks = all(el, 'g[aria-label="x-axis tick label"] text').map((t) => ({
    value: Number(t.textContent),
    px: Number(/translate\(([^,]+),/.exec(t.getAttribute('transform') ?? '')?.[1]),
  }));
  const [a, b] = [ticks[0], ticks.at(-1)];
  if (!a || !b || a.value === b.value) throw new Error('no x ticks');
  return (v) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value);
}

function expectClean(el: Element, render?: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|Infinity|undefined/);
  // The hostile group name is only ever text: escaped in text nodes, absent from attributes.
  expect(markup).not.toContain('<img');
  if (render) expect(render().outerHTML).toBe(markup);
}

describe('fairnessChart', () => {
  const render = () => fairnessChart(result, { document });
  const el = render();

  it('draws a bar per group with the overall rate as a rule', () => {
    expectClean(el, render);
    const bars = marks(el, 'group bars', 'rect');
    expect(bars).toHaveLength(result.groups.length);
    const x = scale(el);
    result.groups.forEach((g, i) => {
      expect(Number(bars[i]?.getAttribute('width'))).toBeCloseTo(x(g.selection_rate ?? NaN) - x(0), 0);
    });
    const rule = marks(el, 'overall', 'line')[0];
    expect(Number(rule?.getAttribute('x1'))).toBeCloseTo(x(result.overall.selection_rate ?? NaN), 0);
    expect(texts(el)).toEqual(expect.arrayContaining(['overall 0.5', 'selection rate']));
  });

  it('labels the groups as text, escaping a hostile name', () => {
    const labels = all(el, 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent);
    expect(labels).toEqual(result.groups.map((g) => (g.group.length > 24 ? `${g.group.slice(0, 23)}…` : g.group)));
    expect(labels).toEqual(expect.arrayContaining(['a', 'b', 'c']));
    expect(el.outerHTML).toContain('&lt;img src=x onerror=alert(1)&gt; (2 rows)');
  });

  it('shows an undefined rate as "n/a" rather than a bar', () => {
    // Group c has no negatives: its FPR is undefined under the 'null' policy.
    const chart = fairnessChart(computeFairness(input, { undefinedRates: 'null' }), { document, metric: 'fpr' });
    expectClean(chart);
    expect(marks(chart, 'group bars', 'rect')).toHaveLength(result.groups.length - 1);
    const na = marks(chart, 'n/a values', 'text');
    expect(na.map((t) => t.firstChild?.textContent)).toEqual(['n/a']);
    expect(na[0]?.querySelector('title')?.textContent).toBe('c (2 rows)\nfalse positive rate n/a');
    expect(texts(chart)).toContain('false positive rate');
  });

  it('draws "no data" without groups', () => {
    const empty = fairnessChart({ ...result, groups: [] }, { document });
    expect(marks(empty, 'no data', 'text').map((t) => t.textContent)).toEqual(['no data']);
    expectClean(empty);
  });
});

describe('disparityChart', () => {
  const render = () => disparityChart(result, { document });
  const el = render();

  it('shades the parity band and draws parity at 1', () => {
    expectClean(el, render);
    const x = scale(el);
    const band = marks(el, 'parity band', 'rect')[0];
    const [lo, hi] = result.disparities.band;
    expect(Number(band?.getAttribute('x'))).toBeCloseTo(x(lo), 0);
    expect(Number(band?.getAttribute('width'))).toBeCloseTo(x(hi) - x(lo), 0);
    expect(Number(marks(el, 'parity', 'line')[0]?.getAttribute('x1'))).toBeCloseTo(x(1), 0);
    expect(texts(el)).toContain('parity band 0.8–1.25');
  });

  it('fills groups outside the band red and the others blue', () => {
    const fills = marks(el, 'group bars', 'rect').map((r) => r.getAttribute('fill'));
    const expected = result.disparities.groups.map((g) => (g.flagged.includes('pprev') ? '#e45756' : '#4c78a8'));
    expect(fills).toEqual(expected);
    expect(expected).toContain('#e45756');
    expect(expected).toContain('#4c78a8');
    expect(el.getAttribute('aria-description')).toBe(`parity band 0.8–1.25; ${expected.filter((f) => f === '#e45756').length} of 4 groups outside`);
    expect(texts(el)).toContain(`pprev disparity (vs ${result.disparities.reference_group})`);
  });

  it('shows undefined disparities as "n/a" and widens the axis to the largest ratio', () => {
    // The reference group's FPR is 0: every FPR disparity is undefined.
    const fpr = disparityChart(result, { document, metric: 'fpr' });
    expectClean(fpr);
    expect(marks(fpr, 'group bars', 'rect')).toHaveLength(0);
    expect(marks(fpr, 'n/a values', 'text')).toHaveLength(4);
    const wide = disparityChart(result, { document, metric: 'ppr' });
    const max = Math.max(...result.disparities.groups.map((g) => g.disparity.ppr ?? 0));
    expect(max).toBe(2);
    expect(Number(all(wide, 'g[aria-label="x-axis tick label"] text').at(-1)?.textContent)).toBeGreaterThanOrEqual(max);
  });
});
