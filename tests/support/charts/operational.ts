// Shared by the latency, throughput and CBPE chart tests: results and SVG probes.
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { estimatePerformanceCbpe } from '../../../lib/metrics/cbpe';
import { computeOperationalMetrics } from '../../../lib/metrics/operational';

export const document = parseHTML('<!doctype html><html><body></body></html>').document;

export const MINUTE = 60_000;
// Minutes 0, 5, 7 (latency missing) and 9 have rows; the others are empty windows.
export const operational = computeOperationalMetrics([10, 20, 30, 400, 50, 60, Number.NaN], {
  slaMs: 100,
  timestamps: [0, 1000, 2000, 5 * MINUTE, 5 * MINUTE + 10, 9 * MINUTE, 7 * MINUTE],
  window: 'minute',
});

export const refScores = Array.from({ length: 40 }, (_, i) => ((i * 37) % 100) / 100);
export const refLabels = refScores.map((s, i) => (s > 0.5 ? (i % 5 ? 1 : 0) : i % 4 ? 0 : 1));
export const curScores = Array.from({ length: 30 }, (_, i) => ((i * 53) % 100) / 100);
// The last chunk has no labels yet: no realized metric there.
export const curLabels = curScores.map((s, i) => (i < 20 ? (s > 0.5 ? 1 : 0) : Number.NaN));
export const cbpe = estimatePerformanceCbpe(
  { scores: refScores, labels: refLabels },
  { scores: curScores, labels: curLabels },
  { chunks: { by: 'count', count: 3 } },
);

export const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
export const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);
export const texts = (el: Element) => all(el, 'text').map((t) => t.textContent ?? '');

export function scale(el: Element, axis: 'x' | 'y'): (v: number) => number {
  const ticks = all(el, `g[aria-label="${axis}-axis tick label"] text`).map((t) => {
    const [, x = '', y = ''] = /translate\(([^,]+),([^)]+)\)/.exec(t.getAttribute('transform') ?? '') ?? [];
    return { value: Number(t.textContent), px: Number(axis === 'x' ? x : y) };
  });
  const [a, b] = [ticks[0], ticks.at(-1)];
  if (!a || !b || a.value === b.value) throw new Error(`no ${axis} ticks`);
  return (v) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value);
}

export function expectClean(el: Element, render?: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|Infinity|undefined|Invalid Date/);
  if (render) expect(render().outerHTML).toBe(markup);
}

export const noData = (el: Element) => marks(el, 'no data', 'text').map((t) => t.textContent);
