import { describe, expect, it } from 'vitest';
import type { MetricsAlertMarks } from '../../../lib/alerts/metrics-samples';
import { metricsChart, metricsTimeDomain, metricsTimelineChart, seriesColors } from '../../../lib/charts/metrics-chart';
import type { MetricsCellResult, MetricsTimelineOverlay } from '../../../lib/notebook/kinds/metrics';
import { all, document, expectClean, marks, noData, scale } from '../../support/charts/operational';

const T = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const result: MetricsCellResult = {
  kind: 'metrics',
  dataset: { name: 'q.json', rows: 4 },
  timeColumn: 'time',
  transform: { id: 'raw' },
  series: [
    { name: 'up{job="a"}', points: [0, 1, 2, 3].map((i) => ({ t: T + i * MIN, v: i === 2 ? null : i })) },
    { name: 'up{job="<b>"}', points: [0, 1].map((i) => ({ t: T + i * MIN, v: 5 })) },
  ],
  warnings: [],
};
const overlay: MetricsTimelineOverlay = {
  cellId: 'c',
  title: 'Accuracy per hour',
  label: 'Accuracy',
  windows: [
    { label: 'h0', start: new Date(T - 30 * MIN).toISOString(), end: new Date(T).toISOString(), value: 0.9, flagged: false },
    { label: 'h1', start: new Date(T).toISOString(), end: new Date(T + 30 * MIN).toISOString(), value: 0.7, flagged: true },
  ],
};
const alerts: MetricsAlertMarks = {
  thresholds: [{ ruleId: 'r', label: 'r: > 2', severity: 'critical', threshold: 2 }],
  firing: [{ ruleId: 'r', rule: 'r', severity: 'critical', series: 'up{job="a"}', t: T + 3 * MIN, value: 3 }],
};

describe('metricsChart', () => {
  const render = () => metricsChart(result, { document, alerts });
  const el = render();

  it('draws one line per series in its colour, broken at a missing point', () => {
    expectClean(el, render);
    const lines = marks(el, 'series', 'path');
    expect(lines.map((p) => p.getAttribute('stroke'))).toEqual(seriesColors(result));
    expect(lines[0]!.getAttribute('d')?.match(/M/g)).toHaveLength(2);
  });

  it('draws the threshold and the firing point where they are', () => {
    const y = scale(el, 'y');
    const rule = marks(el, 'threshold', 'line')[0]!;
    expect(Number(rule.getAttribute('y1'))).toBeCloseTo(y(2), 0);
    const dots = marks(el, 'firing points', 'circle');
    expect(dots).toHaveLength(1);
    expect(Number(dots[0]!.getAttribute('cy'))).toBeCloseTo(y(3), 0);
    expect(all(el, 'title').map((t) => t.textContent)).toContain('r firing: up{job="a"} = 3 at 2026-01-01T00:03:00.000Z');
  });

  it('shares its time axis with the timeline chart', () => {
    const domain = metricsTimeDomain({ ...result, timeline: overlay })!;
    expect(domain).toEqual([T - 30 * MIN, T + 30 * MIN]);
    const series = metricsChart(result, { document, domain });
    const timeline = metricsTimelineChart(overlay, { document, domain });
    // The same tick labels at the same x in both charts: their axes line up one above the other.
    const ticks = (el: Element) =>
      all(el, 'g[aria-label="x-axis tick label"] text').map((t) => `${t.textContent}@${/translate\(([^,]+),/.exec(t.getAttribute('transform') ?? '')?.[1]}`);
    expect(ticks(series).length).toBeGreaterThan(2);
    expect(ticks(timeline)).toEqual(ticks(series));
    const flagged = marks(timeline, 'window values', 'circle').filter((c) => c.getAttribute('fill') !== '#f58518');
    expect(flagged).toHaveLength(1);
  });

  it('says when there is nothing to draw', () => {
    expect(noData(metricsChart({ ...result, series: [] }, { document }))).toEqual(['no data: no points']);
  });
});
