// Shared by the classification chart tests (roc, pr, confusion, calibration, threshold): results and SVG probes.
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { computeClassificationMetrics } from '../../../lib/metrics';

export const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
export const document = newDocument();
export const HOSTILE = '<img src=x onerror=alert(1)>';

export const target = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0];
export const reference = computeClassificationMetrics(
  { target, score: [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.7, 0.55, 0.3, 0.65, 0.05] },
  { calibrationBins: 4 },
);
export const current = computeClassificationMetrics({ target, score: [0.5, 0.2, 0.3, 0.9, 0.6, 0.45, 0.7, 0.4, 0.8, 0.1, 0.35, 0.25] }, { calibrationBins: 4 });
export const proba = {
  labels: ['a', 'b', HOSTILE],
  columns: [
    [0.6, 0.2, 0.1, 0.5, 0.3, 0.2, 0.7, 0.1],
    [0.3, 0.6, 0.2, 0.3, 0.4, 0.2, 0.2, 0.3],
    [0.1, 0.2, 0.7, 0.2, 0.3, 0.6, 0.1, 0.6],
  ],
};
export const multiclass = computeClassificationMetrics({ target: ['a', 'b', HOSTILE, 'a', 'b', HOSTILE, 'b', HOSTILE], proba });

export const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
export const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);
export const texts = (el: Element) => all(el, 'text').map((t) => t.textContent ?? '');
export const vertices = (d: string) => Array.from(d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g), (m) => [Number(m[1]), Number(m[2])] as const);

/** The axis' linear scale, recovered from its first and last tick labels (as in ecdf-chart.test.ts). */
export function scale(el: Element, axis: 'x' | 'y'): (v: number) => number {
  const ticks = all(el, `g[aria-label="${axis}-axis tick label"] text`).map((t) => {
    const [, x = '', y = ''] = /translate\(([^,]+),([^)]+)\)/.exec(t.getAttribute('transform') ?? '') ?? [];
    return { value: Number(t.textContent?.replace('−', '-')), px: Number(axis === 'x' ? x : y) };
  });
  const [a, b] = [ticks[0], ticks.at(-1)];
  if (!a || !b || a.value === b.value) throw new Error(`no ${axis} ticks`);
  return (v) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value);
}

/** What every chart must satisfy: one <svg>, no NaN/Infinity/undefined anywhere, deterministic. */
export function expectClean(el: Element, render?: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|Infinity|undefined/);
  expect(markup).not.toMatch(/\bid="|url\(/);
  if (render) expect(render().outerHTML).toBe(markup);
}

export const expectNoData = (el: Element) => {
  expect(marks(el, 'no data', 'text').map((t) => t.textContent)).toEqual([expect.stringMatching(/^no data/)]);
  expect(all(el, 'rect[aria-label="frame"]')).toHaveLength(1);
  expectClean(el);
};
