import { describe, expect, it } from 'vitest';
import { latencyChart, throughputChart } from '../../../lib/charts/latency-chart';
import { computeOperationalMetrics } from '../../../lib/metrics/operational';
import { document, MINUTE, operational, all, marks, texts, scale, expectClean, noData } from '../../support/charts/operational';

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
