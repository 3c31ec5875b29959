/**
 * A Metrics cell's series as alert observations, and the chart's firing points. The `for` reference is
 * Prometheus' AlertingRule.Eval (rules/alerting.go) written as a plain loop over one series: pending at the
 * first true step (ActiveAt), firing once ts − ActiveAt ≥ for, back to inactive at the first false or
 * missing step — the marks must be exactly the steps where that loop says firing.
 */
import { describe, expect, it } from 'vitest';
import { metricsAlertMarks, metricsObservations, watchingRules } from '../../../lib/alerts/metrics-samples';
import type { AlertRule } from '../../../lib/alerts/types';
import { computeMetrics } from '../../../lib/notebook/kinds/metrics';
import { ingestCsv } from '../../../lib/data/ingest';
import { readFixture } from '../../support';

const result = async () =>
  computeMetrics({ reference: await ingestCsv(readFixture('tests/fixtures/metrics-cell/input.csv'), 'input.csv') }, { transform: 'rate', rangeSeconds: 120 });

const rule = (patch: Partial<AlertRule>): AlertRule => ({
  id: 'r1',
  name: 'High request rate',
  metric: 'series_value',
  labels: {},
  comparator: '>',
  threshold: 12,
  for: '1m',
  severity: 'warning',
  summary: '{{ $labels.series }} is {{ $value }}',
  ...patch,
});

/** Prometheus' pending → firing loop over one series' points (ms), as rules/alerting.go evaluates each step. */
function firingSteps(points: { t: number; v: number | null }[], above: number, forMs: number): number[] {
  const out: number[] = [];
  let activeAt: number | null = null;
  for (const { t, v } of points) {
    if (v === null || !(v > above)) {
      activeAt = null;
      continue;
    }
    activeAt ??= t;
    if (t - activeAt >= forMs) out.push(t);
  }
  return out;
}

describe('metricsObservations', () => {
  it('gives one observation per timestamp, ascending, with series_value{series} of every series present then', async () => {
    const r = await result();
    const observations = metricsObservations('w1', { id: 'c1', title: 'Traffic' }, r);
    const times = [...new Set(r.series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
    expect(observations.map((o) => Date.parse(o.at))).toEqual(times);
    expect(observations[0]!.source).toEqual({ workspaceId: 'w1', key: 'metrics:c1', cellId: 'c1', cellTitle: 'Traffic', kind: 'metrics' });
    const samples = observations.reduce((n, o) => n + o.samples.length, 0);
    expect(samples).toBe(r.series.reduce((n, s) => n + s.points.length, 0));
    for (const o of observations) for (const s of o.samples) expect(s.metric).toBe('series_value');
  });
});

describe('metricsAlertMarks', () => {
  it.each(['0s', '1m', '2m'])('marks exactly the steps Prometheus would be firing at (for %s)', async (hold) => {
    const r = await result();
    const name = r.series.find((s) => s.name.includes('code="200"'))!.name;
    const rules = [rule({ labels: { series: name }, for: hold })];
    const marks = metricsAlertMarks(rules, metricsObservations('w1', { id: 'c1' }, r), r);
    const forMs = { '0s': 0, '1m': 60_000, '2m': 120_000 }[hold]!;
    const want = firingSteps(r.series.find((s) => s.name === name)!.points, 12, forMs);
    expect(want.length).toBeGreaterThan(0);
    expect(marks.firing.map((f) => f.t)).toEqual(want);
    expect(new Set(marks.firing.map((f) => f.series))).toEqual(new Set([name]));
    expect(marks.thresholds).toEqual([{ ruleId: 'r1', label: 'High request rate: > 12', severity: 'warning', threshold: 12 }]);
  });

  it('a rule without a series label watches every series; other families, disabled rules and unknown series are not drawn', async () => {
    const r = await result();
    const rules = [
      rule({ id: 'all', for: '0s', threshold: 0.5 }),
      rule({ id: 'other', metric: 'dataset_drift_share' }),
      rule({ id: 'off', enabled: false }),
      rule({ id: 'gone', labels: { series: 'not charted' } }),
    ];
    expect(watchingRules(rules, r).map((x) => x.id)).toEqual(['all']);
    const marks = metricsAlertMarks(rules, metricsObservations('w1', { id: 'c1' }, r), r);
    const want = r.series.flatMap((s) => firingSteps(s.points, 0.5, 0).map((t) => `${s.name}@${t}`)).sort();
    expect(marks.firing.map((f) => `${f.series}@${f.t}`).sort()).toEqual(want);
  });
});
