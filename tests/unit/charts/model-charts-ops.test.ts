import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cbpeChart } from '../../../lib/charts/cbpe-chart';
import { latencyChart, throughputChart } from '../../../lib/charts/latency-chart';
import { estimatePerformanceCbpe } from '../../../lib/metrics/cbpe';
import { computeOperationalMetrics } from '../../../lib/metrics/operational';

const document = parseHTML('<!doctype html><html><body></body></html>').document;

const MINUTE = 60_000;
// Minutes 0, 5, 7 (latency missing) and 9 have rows; the others are empty windows.
const operational = computeOperationalMetrics([10, 20, 30, 400, 50, 60, Number.NaN], {
  slaMs: 100,
  timestamps: [0, 1000, 2000, 5 * MINUTE, 5 * MINUTE + 10, 9 * MINUTE, 7 * MINUTE],
  window: 'minute',
});

const refScores = Array.from({ length: 40 }, (_, i) => ((i * 37) % 100) / 100);
const refLabels = refScores.map((s, i) => (s > 0.5 ? (i % 5 ? 1 : 0) : i % 4 ? 0 : 1));
const curScores = Array.from({ length: 30 }, (_, i) => ((i * 53) % 100) / 100);
// The last chunk has no labels yet: no realized metric there.
const curLabels = curScores.map((s, i) => (i < 20 ? (s > 0.5 ? 1 : 0) : Number.NaN));
const cbpe = estimatePerformanceCbpe({ scores: refScores, labels: refLabels }, { scores: curScores, labels: curLabels }, { chunks: { by: 'count', count: 3 } });

const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);
const texts = (el: Element) => all(el, 'text').map((t) => t.textContent ?? '');

function scale(el: Element, axis: 'x' | 'y'): (v: number) => number {
  const ticks = all(el, `g[aria-label="${axis}-axis tick label"] text`).map((t) => {
    const [, x = '', y = ''] = /translate\(([^,]+),([^)]+)\)/.exec(t.getAttribute('transform') ?? '') ?? [];
    return { value: Number(t.textContent), px: Number(axis === 'x' ? x : y) };
  });
  const [a, b] = [ticks[0], ticks.at(-1)];
  if (!a || !b || a.value === b.value) throw new Error(`no ${axis} ticks`);
  return (v) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value);
}

function expectClean(el: Element, render?: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|Infinity|undefined|Invalid Date/);
  if (render) expect(render().outerHTML).toBe(markup);
}

const noData = (el: Element) => marks(el, 'no data', 'text').map((t) => t.textContent);

describe('latencyChart', () => {
  const render = () => latencyChart(operational, { document });
  const el = render();
  const windows = operational.throughput?.windows ?? [];

  it('draws p50, p95 and p99 per window, broken where a window has no latency', () => {
    expectClean(el, render);
    const lines = marks(el, 'percentile lines', 'path');
    expect(lines.map((p) => p.getAttribute('stroke'))).toEqual(['#4c78a8', '#f58518', '#b279a2']);
    // Minutes 0, 5 and 9 have latencies, separated by empty windows: three pieces per line.
    for (const line of lines) expect(line.getAttribute('d')?.match(/M/g)).toHaveLength(3);
    const withLatency = windows.filter((w) => w.p50 !== null).length;
    expect(withLatency).toBe(3);
    expect(marks(el, 'percentile points', 'circle')).toHaveLength(3 * withLatency);
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual(['p50', 'p95', 'p99']);
    expect(all(el, 'title').map((t) => t.textContent)).toContain('1970-01-01 00:05 UTC\np95 382.5 ms (2 rows)');
  });

  it('draws the SLA as a labelled horizontal rule', () => {
    const y = scale(el, 'y');
    const rule = marks(el, 'SLA', 'line')[0];
    expect(Number(rule?.getAttribute('y1'))).toBeCloseTo(y(100), 0);
    expect(rule?.getAttribute('y2')).toBe(rule?.getAttribute('y1'));
    expect(texts(el)).toContain('SLA 100 ms');
  });

  it('draws "no data" without timestamps or without any latency', () => {
    const none = latencyChart(computeOperationalMetrics([10, 20], { slaMs: 100 }), { document });
    expect(noData(none)).toEqual(['no data: needs timestamps']);
    expectClean(none);
    const missing = latencyChart(computeOperationalMetrics([Number.NaN, Number.NaN], { slaMs: 100, timestamps: [0, MINUTE] }), { document });
    expect(noData(missing)).toEqual(['no latencies in any window']);
    expectClean(missing);
  });
});

describe('throughputChart', () => {
  const el = throughputChart(operational, { document });

  it('draws a step area and line of predictions per window, empty windows at zero', () => {
    expectClean(el);
    expect(all(el, 'g[aria-label="area"] path')).toHaveLength(1);
    const line = marks(el, 'throughput', 'path')[0]?.getAttribute('d') ?? '';
    // A single piece: empty windows are 0, not gaps.
    expect(line.match(/M/g)).toHaveLength(1);
    const tooltips = marks(el, 'window tooltips', 'rect');
    expect(tooltips).toHaveLength(operational.throughput?.windows.length ?? -1);
    expect(tooltips[5]?.textContent).toBe('1970-01-01 00:05 UTC\n2 / minute (2 rows)');
    expect(texts(el)).toContain('↑ predictions / minute');
  });

  it('draws "no data" without timestamps', () => {
    const none = throughputChart(computeOperationalMetrics([10], { slaMs: 100 }), { document });
    expect(noData(none)).toEqual(['no data: needs timestamps']);
    expectClean(none);
  });
});

describe('cbpeChart', () => {
  const render = () => cbpeChart(cbpe, { document });
  const el = render();
  const chunks = cbpe.chunks ?? [];

  it('draws the estimate per chunk inside its sampling band, and realized values where labelled', () => {
    expectClean(el, render);
    expect(chunks).toHaveLength(3);
    expect(marks(el, 'sampling band', 'path')).toHaveLength(1);
    expect(marks(el, 'estimated points', 'circle')).toHaveLength(3);
    expect(marks(el, 'realized points', 'circle')).toHaveLength(2);
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual(['estimated ± 3 SE', 'realized', 'reference']);
    const y = scale(el, 'y');
    const dot = marks(el, 'estimated points', 'circle')[0];
    expect(Number(dot?.getAttribute('cy'))).toBeCloseTo(y(chunks[0]?.estimated.rocAuc ?? NaN), 0);
    expect(dot?.textContent).toMatch(/^chunk 0: rows 0–9\nestimated 0\.\d{3} \[0\.\d{3}, 1\.000\]; realized 1\.000$/);
  });

  it('draws the reference’s realized value as a rule', () => {
    const y = scale(el, 'y');
    const rule = marks(el, 'reference', 'line')[0];
    expect(Number(rule?.getAttribute('y1'))).toBeCloseTo(y(cbpe.reference.realized.rocAuc ?? NaN), 0);
  });

  it('draws another metric, a lone chunk’s band as an error bar, and "no data" without chunks', () => {
    const accuracy = cbpeChart(cbpe, { document, metric: 'accuracy' });
    expect(texts(accuracy)).toContain('↑ accuracy');
    expectClean(accuracy);
    const one = cbpeChart({ ...cbpe, chunks: chunks.slice(2) }, { document });
    expect(marks(one, 'sampling band', 'line')).toHaveLength(1);
    expect(marks(one, 'realized points', 'circle')).toHaveLength(0);
    expectClean(one);
    const none = cbpeChart({ ...cbpe, chunks: undefined }, { document });
    expect(noData(none)).toEqual(['no data: no chunks']);
    expectClean(none);
  });

  it('puts time chunks on a UTC time axis', () => {
    const timed = cbpeChart(cbpe, { document, time: true });
    expectClean(timed);
    expect(marks(timed, 'estimated points', 'circle')[0]?.textContent).toMatch(/^chunk 0: 1970-01-01T00:00:00.000Z – /);
  });
});
