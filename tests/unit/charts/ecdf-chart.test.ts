import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type KsMark, ecdfChart } from '../../../lib/charts/ecdf-chart';
import type { DistributionSummary } from '../../../lib/drift/types';

type Histogram = Extract<DistributionSummary, { kind: 'histogram' }>;

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;

const steps = (xs: number[]) => ({ x: xs, y: xs.map((_, i) => (i + 1) / xs.length) });
const dist: Histogram = {
  kind: 'histogram',
  edges: [0, 5, 10],
  reference: [5, 5],
  current: [3, 7],
  ecdf: { reference: steps([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), current: steps([1.5, 3, 4.5, 5.2, 6, 7.5, 8, 9, 9.5, 10]) },
};
const ks: KsMark = { statistic: 0.11623, location: { x: 3.7, reference: 0.4, current: 0.2 } };

const render = (options: Partial<Parameters<typeof ecdfChart>[1]> = {}) => ecdfChart(dist, { document: newDocument(), label: 'score', ks, ...options });

/** Pixel position of each labelled tick of an axis, from Plot's translate(x,y) transforms. */
function ticks(el: Element, axis: 'x' | 'y'): { value: number; px: number }[] {
  return Array.from(el.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)).map((t) => {
    const [, x = '', y = ''] = /translate\(([^,]+),([^)]+)\)/.exec(t.getAttribute('transform') ?? '') ?? [];
    return { value: Number(t.textContent), px: Number(axis === 'x' ? x : y) };
  });
}

/** The axis' linear scale, recovered from its first and last ticks. */
function scale(el: Element, axis: 'x' | 'y'): (v: number) => number {
  const list = ticks(el, axis);
  const a = list[0];
  const b = list.at(-1);
  if (!a || !b || a.value === b.value) throw new Error(`no ${axis} ticks`);
  return (v) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value);
}

const ksLine = (el: Element) => el.querySelector('g[aria-description="KS distance"] line');
const ksLabel = (el: Element) => el.querySelector('g[aria-description="KS distance label"] text');
const paths = (el: Element) => Array.from(el.querySelectorAll('g[aria-label="line"] path'));
const vertices = (d: string) => Array.from(d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g), (m) => [Number(m[1]), Number(m[2])]);

describe('ecdfChart', () => {
  const el = render();

  it('is one <svg> with a blue reference and an orange current step line', () => {
    expect(el.tagName.toLowerCase()).toBe('svg');
    const lines = paths(el);
    expect(lines.map((p) => p.getAttribute('stroke'))).toEqual(['#4c78a8', '#f58518']);
    for (const line of lines) {
      const points = vertices(line.getAttribute('d') ?? '');
      expect(points.length).toBeGreaterThan(10);
      // A step line only moves horizontally or vertically.
      points.slice(1).forEach(([x, y], i) => {
        const [px, py] = points[i] ?? [];
        expect(x === px || y === py).toBe(true);
      });
    }
  });

  it('runs each line from 0 at the left edge up to 1 at the right edge', () => {
    const y = scale(el, 'y');
    for (const line of paths(el)) {
      const points = vertices(line.getAttribute('d') ?? '');
      expect(points[0]?.[1]).toBeCloseTo(y(0), 1);
      expect(points.at(-1)?.[1]).toBeCloseTo(y(1), 1);
    }
  });

  it('puts the KS segment at location.x, from the reference CDF to the current CDF', () => {
    const x = scale(el, 'x');
    const y = scale(el, 'y');
    const line = ksLine(el);
    expect(line?.getAttribute('stroke-width') ?? line?.parentElement?.getAttribute('stroke-width')).toBe('2');
    const x1 = Number(line?.getAttribute('x1'));
    expect(Number(line?.getAttribute('x2'))).toBe(x1);
    expect(x1).toBeCloseTo(x(3.7), 0);
    // Between the plot's left and right bounds, in proportion.
    const frame = Array.from(el.querySelectorAll('g[aria-label="y-grid"] line'))[0];
    const [left, right] = [Number(frame?.getAttribute('x1')), Number(frame?.getAttribute('x2'))];
    expect(x1).toBeGreaterThan(left);
    expect(x1).toBeLessThan(right);
    const ys = [Number(line?.getAttribute('y1')), Number(line?.getAttribute('y2'))].sort((a, b) => a - b);
    expect(ys[0]).toBeCloseTo(y(0.4), 0); // SVG y grows downwards: the larger share is on top
    expect(ys[1]).toBeCloseTo(y(0.2), 0);
  });

  it('labels the distance with 4 significant digits and the axes', () => {
    expect(ksLabel(el)?.textContent).toBe('D = 0.1162');
    expect(render({ ks: { ...ks, statistic: 0.116 } }).querySelector('g[aria-description="KS distance label"] text')?.textContent).toBe('D = 0.116');
    const texts = Array.from(el.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['score', '↑ cumulative share', 'reference', 'current']));
    expect(ticks(el, 'y').map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('puts the label where neither CDF can be: above-left of the upper end, or below-right of the lower end', () => {
    const upper = ksLabel(el)?.parentElement;
    expect(upper?.getAttribute('text-anchor')).toBe('end');
    expect(upper?.getAttribute('transform')).toMatch(/translate\(-\d+,-\d+\)/);
    const nearTop = render({ ks: { statistic: 0.1, location: { x: 8.5, reference: 0.9, current: 1 } } });
    const lower = ksLabel(nearTop)?.parentElement;
    expect(lower?.getAttribute('text-anchor')).toBe('start');
    expect(lower?.getAttribute('transform')).toMatch(/translate\(\d+,\d+\)/);
  });

  it('draws no KS marks without `ks`, or with a non-finite one', () => {
    const plain = render({ ks: undefined });
    expect(ksLine(plain)).toBeNull();
    expect(plain.textContent).not.toContain('D =');
    expect(paths(plain)).toHaveLength(2);
    const bad = render({ ks: { ...ks, location: { ...ks.location, x: Number.NaN } } });
    expect(ksLine(bad)).toBeNull();
    expect(bad.outerHTML).not.toContain('NaN');
  });

  it('is identical across renders, rounded, with no external reference and no ids', () => {
    const markup = el.outerHTML;
    expect(render().outerHTML).toBe(markup);
    expect(markup).not.toContain('http');
    expect(markup).not.toMatch(/url\(|\bid="/);
    expect(markup).not.toMatch(/="[^"]*\d\.\d{3,}/); // in attributes: the D label has 4 digits
    expect(markup).not.toContain('NaN');
  });

  it('survives a constant column and complete separation (D = 1)', () => {
    const constant: Histogram = { ...dist, ecdf: { reference: { x: [3], y: [1] }, current: { x: [3], y: [1] } } };
    const one = ecdfChart(constant, { document: newDocument() });
    expect(paths(one)).toHaveLength(2);
    expect(one.outerHTML).not.toContain('NaN');
    const apart = render({ ks: { statistic: 1, location: { x: 9, reference: 1, current: 0 } } });
    expect(ksLabel(apart)?.textContent).toBe('D = 1');
    expect(apart.outerHTML).not.toContain('NaN');
  });

  it('throws a RangeError when the distribution has no ECDF', () => {
    const { ecdf: _, ...bare } = dist;
    expect(() => ecdfChart(bare, { document: newDocument() })).toThrow(new RangeError('ecdfChart: the distribution has no ECDF'));
  });
});
