/**
 * lib/prom against a real Prometheus (Debian 2.42, tests/support/prometheus.ts): our rate/increase/delta
 * (port of promql/functions.go extrapolatedRate) and histogram_quantile (port of promql/quantile.go
 * bucketQuantile) over the raw samples Prometheus holds must equal what Prometheus computes itself.
 * 2.42 predates correctPrecisionErrors (PR #13153, 2.49), so histogram comparisons use precisionTolerance 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { histogramQuantileSeries } from '../../../lib/prom/histogram-quantile';
import { parseQueryRange } from '../../../lib/prom/query-range';
import { rateSeries, stepTimes, type RateFunction } from '../../../lib/prom/rate';
import { seriesName } from '../../../lib/prom/series-name';
import type { PromSeries } from '../../../lib/prom/types';
import { startPrometheus, type RunningPrometheus } from '../../support/prometheus';

// Prometheus multiplies by one factor (extrapolated/sampled interval ÷ range); rounding order can differ in the last bits.
const RTOL = 1e-12;

let prom: RunningPrometheus;
let end: number; // ms, whole seconds, safely in the past
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function api(path: string, params: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${prom.url}/api/v1/${path}?${new URLSearchParams(params)}`);
  return response.json();
}

/** Prometheus' own range query. */
const queryRange = async (query: string, startMs: number, endMs: number) =>
  parseQueryRange(await api('query_range', { query, start: String(startMs / 1000), end: String(endMs / 1000), step: '1' }));

/** The raw samples of `selector` over [from, to] (an instant query of a range vector answers a matrix). */
const rawSamples = async (selector: string, fromMs: number, toMs: number) =>
  parseQueryRange(await api('query', { query: `${selector}[${toMs - fromMs}ms]`, time: String(toMs / 1000) }));

function expectSameSeries(ours: PromSeries[], theirs: PromSeries[]): number {
  const byName = new Map(theirs.map((s) => [seriesName(s.metric), s]));
  let compared = 0;
  for (const s of ours) {
    if (s.points.length === 0) continue;
    const other = byName.get(seriesName(s.metric));
    expect(other, seriesName(s.metric)).toBeDefined();
    expect(s.points.map((p) => p.t)).toEqual(other!.points.map((p) => p.t));
    s.points.forEach((p, i) => {
      const v = other!.points[i]!.v;
      if (Number.isNaN(v) || !Number.isFinite(v)) expect(p.v, `${seriesName(s.metric)} @${p.t}`).toBe(v);
      else expect(Math.abs(p.v - v), `${seriesName(s.metric)} @${p.t}: ${p.v} vs ${v}`).toBeLessThanOrEqual(RTOL * Math.max(1, Math.abs(v)));
      compared++;
    });
  }
  expect(ours.filter((s) => s.points.length > 0)).toHaveLength(theirs.filter((s) => s.points.length > 0).length);
  return compared;
}

beforeAll(async () => {
  prom = await startPrometheus({ minSamples: 3 });
  // A counter with resets, scraped from node exporter's textfile collector: 5, 10, 20, 3 (reset), 8, 15, 1 (reset), 4.
  for (const value of [5, 10, 20, 3, 8, 15, 1, 4]) {
    prom.writeTextfile('driftbook', `# TYPE driftbook_test_events_total counter\ndriftbook_test_events_total ${value}\n`);
    await sleep(1300);
  }
  await sleep(1500);
  end = Math.floor(Date.now() / 1000) * 1000 - 2000;
}, 120_000);

afterAll(async () => {
  await prom?.stop();
});

async function compareRate(fn: RateFunction, selector: string, range: string, rangeMs: number): Promise<number> {
  const start = end - 8000;
  const theirs = await queryRange(`${fn}(${selector}[${range}])`, start, end);
  const raw = await rawSamples(selector, start - rangeMs, end);
  const ours = raw.map((s) => rateSeries(fn, s, stepTimes(start, end, 1000), { rangeMs }));
  return expectSameSeries(ours, theirs);
}

describe('rate, increase, delta = Prometheus 2.42 (promql/functions.go extrapolatedRate)', () => {
  it('rate(node_cpu_seconds_total[5s]) from node exporter, every CPU and mode', async () => {
    expect(await compareRate('rate', 'node_cpu_seconds_total', '5s', 5000)).toBeGreaterThan(50);
  });

  it('rate and increase of a counter with two resets (textfile collector)', async () => {
    const raw = await rawSamples('driftbook_test_events_total', end - 20_000, end);
    const values = raw[0]!.points.map((p) => p.v);
    expect(values.some((v, i) => i > 0 && v < values[i - 1]!)).toBe(true);
    expect(await compareRate('rate', 'driftbook_test_events_total', '4s', 4000)).toBeGreaterThan(5);
    expect(await compareRate('increase', 'driftbook_test_events_total', '7s', 7000)).toBeGreaterThan(5);
  });

  it('increase of prometheus_http_requests_total and delta of a gauge', async () => {
    expect(await compareRate('increase', 'prometheus_http_requests_total', '6s', 6000)).toBeGreaterThan(5);
    expect(await compareRate('delta', 'node_memory_MemFree_bytes', '5s', 5000)).toBeGreaterThan(5);
  });
});

describe('histogram_quantile = Prometheus 2.42 (promql/quantile.go bucketQuantile)', () => {
  const start = () => end - 8000;

  it.each([0, 0.25, 0.5, 0.9, 0.99, 1])('q = %s over prometheus_http_request_duration_seconds_bucket', async (q) => {
    const buckets = await queryRange('prometheus_http_request_duration_seconds_bucket', start(), end);
    const theirs = await queryRange(`histogram_quantile(${q}, prometheus_http_request_duration_seconds_bucket)`, start(), end);
    expect(expectSameSeries(histogramQuantileSeries(q, buckets, { precisionTolerance: 0 }), theirs)).toBeGreaterThan(5);
  });

  it('q = 0.9 over rate(…_bucket[5s]) — our rate, then our quantile', async () => {
    const theirs = await queryRange('histogram_quantile(0.9, rate(prometheus_http_request_duration_seconds_bucket[5s]))', start(), end);
    const raw = await rawSamples('prometheus_http_request_duration_seconds_bucket', start() - 5000, end);
    const rates = raw.map((s) => rateSeries('rate', s, stepTimes(start(), end, 1000), { rangeMs: 5000 }));
    expect(expectSameSeries(histogramQuantileSeries(0.9, rates, { precisionTolerance: 0 }), theirs)).toBeGreaterThan(5);
  });
});
