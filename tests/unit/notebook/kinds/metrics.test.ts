/**
 * The Metrics cell against Prometheus 2.42 itself: tests/fixtures/generate_metrics_cell.mts backfills
 * series on a 15 s grid, and saves Prometheus' own range queries (step 15 s) of the raw series, of
 * rate(x[2m]) and of histogram_quantile(0.9, …) with and without rate. The cell reads the raw answer as
 * the app stores it (a time column + one column per series, named as lib/prom/series-name.ts writes
 * them) and its transforms must give Prometheus' numbers at every step.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../lib/data/types';
import { ingestCsv } from '../../../../lib/data/ingest';
import { computeMetrics, metricsKind, MAX_SERIES, type MetricsCellConfig } from '../../../../lib/notebook/kinds/metrics';
import { parseQueryRange } from '../../../../lib/prom/query-range';
import { seriesCsv } from '../../../../lib/cli/prom-command';
import type { PromSeries } from '../../../../lib/prom/types';
import { readJson } from '../../../support';

const fixture = (name: string) => parseQueryRange(readJson(`tests/fixtures/metrics-cell/${name}`));
// Prometheus multiplies by one factor (extrapolated interval ÷ range) and interpolates buckets linearly: rounding order may differ in the last bits.
const RTOL = 1e-12;

async function seriesDataset(series: PromSeries[], name = 'prometheus-query-range.json'): Promise<Dataset> {
  return ingestCsv(new TextEncoder().encode(seriesCsv(series)), name);
}

/** Every Prometheus series equals the cell's series whose name `nameOf` gives, point by point. */
function expectSame(result: Awaited<ReturnType<typeof computeMetrics>>, theirs: PromSeries[], nameOf: (s: PromSeries) => string) {
  expect(result.series.map((s) => s.name).sort()).toEqual(theirs.map(nameOf).sort());
  let compared = 0;
  for (const other of theirs) {
    const ours = result.series.find((s) => s.name === nameOf(other))!;
    expect(
      ours.points.map((p) => p.t),
      nameOf(other),
    ).toEqual(other.points.map((p) => p.t));
    other.points.forEach((p, i) => {
      const v = ours.points[i]!.v!;
      expect(Math.abs(v - p.v), `${nameOf(other)} @${p.t}: ${v} vs ${p.v}`).toBeLessThanOrEqual(RTOL * Math.max(1, Math.abs(p.v)));
      compared++;
    });
  }
  return compared;
}

const labelsText = (metric: Record<string, string>) =>
  Object.keys(metric)
    .sort()
    .map((k) => `${k}="${metric[k]}"`)
    .join(', ');

describe('metrics cell = Prometheus 2.42 over the same samples', () => {
  const input = fixture('input.json');

  it('reads the imported series back with their labels (raw)', async () => {
    const result = await computeMetrics({ reference: await seriesDataset(input) }, { transform: 'raw' });
    expect(result.timeColumn).toMatch(/^time$/i);
    expect(result.series).toHaveLength(input.length);
    const compared = expectSame(
      result,
      input,
      (s) => `${s.metric.__name__}{${labelsText(Object.fromEntries(Object.entries(s.metric).filter(([k]) => k !== '__name__')))}}`,
    );
    expect(compared).toBe(input.length * 120);
  });

  it('rate(x[2m]) at every step equals Prometheus (counter reset included)', async () => {
    const requests = input.filter((s) => s.metric.__name__ === 'driftbook_fixture_requests_total');
    const result = await computeMetrics({ reference: await seriesDataset(requests) }, { transform: 'rate', rangeSeconds: 120 });
    expect(result.transform).toEqual({ id: 'rate', rangeSeconds: 120 });
    const compared = expectSame(result, fixture('rate.json'), (s) => `rate(driftbook_fixture_requests_total{${labelsText(s.metric)}}[2m])`);
    expect(compared).toBeGreaterThan(200);
  });

  it('histogram_quantile(0.9, buckets) equals Prometheus', async () => {
    const result = await computeMetrics(
      { reference: await seriesDataset(input) },
      { transform: 'histogram_quantile', quantile: 0.9, series: bucketColumns(input) },
    );
    const compared = expectSame(result, fixture('quantile.json'), () => 'histogram_quantile(0.9, driftbook_fixture_latency_seconds_bucket)');
    expect(compared).toBe(120);
  });

  it('histogram_quantile(0.9, rate(buckets[2m])) equals Prometheus', async () => {
    const result = await computeMetrics(
      { reference: await seriesDataset(input) },
      { transform: 'histogram_quantile', quantile: 0.9, rangeSeconds: 120, series: bucketColumns(input) },
    );
    const compared = expectSame(result, fixture('quantile-rate.json'), () => 'histogram_quantile(0.9, rate(driftbook_fixture_latency_seconds_bucket[2m]))');
    expect(compared).toBeGreaterThan(100);
  });
});

const bucketColumns = (series: PromSeries[]) =>
  series.filter((s) => s.metric.le !== undefined).map((s) => `driftbook_fixture_latency_seconds_bucket{le="${s.metric.le}"}`);

describe('metrics cell: inputs, settings and errors', () => {
  const input = fixture('input.json');

  it('carries the timeline overlay and the live query into the result', async () => {
    const timeline = {
      cellId: 'c1',
      title: 'Accuracy',
      label: 'Accuracy',
      windows: [{ label: 'w1', start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z', value: 0.9, flagged: false }],
    };
    const live = { query: 'up', start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T01:00:00.000Z', step: 15 };
    const result = await computeMetrics({ reference: await seriesDataset(input.slice(0, 1)) }, { transform: 'raw', timeline, live });
    expect(result.timeline).toEqual(timeline);
    expect(result.live).toEqual(live);
  });

  it('charts at most MAX_SERIES series and says so', async () => {
    const many = Array.from({ length: MAX_SERIES + 2 }, (_, i) => ({ metric: { __name__: 'x', i: String(i) }, points: input[0]!.points.slice(0, 3) }));
    const result = await computeMetrics({ reference: await seriesDataset(many) }, { transform: 'raw' });
    expect(result.series).toHaveLength(MAX_SERIES);
    expect(result.warnings.join()).toMatch(/42 series: the first 40 are charted/);
  });

  it('keeps a Grafana legend that is not a label set as its name', async () => {
    const result = await computeMetrics({ reference: await seriesDataset([{ metric: {}, name: 'cpu 0', points: input[0]!.points }]) }, { transform: 'raw' });
    expect(result.series.map((s) => s.name)).toEqual(['cpu 0']);
  });

  it('refuses histogram_quantile without buckets, or over two histograms, naming them', async () => {
    const requests = await seriesDataset(input.filter((s) => s.metric.le === undefined));
    await expect(computeMetrics({ reference: requests }, { transform: 'histogram_quantile' })).rejects.toThrow(/no series has an le label/);
    const two = [...input.filter((s) => s.metric.le !== undefined), { metric: { __name__: 'other_bucket', le: '1' }, points: input[0]!.points }];
    await expect(computeMetrics({ reference: await seriesDataset(two) }, { transform: 'histogram_quantile' })).rejects.toThrow(
      /buckets of driftbook_fixture_latency_seconds_bucket, other_bucket/,
    );
  });

  it('refuses a dataset without a time column', async () => {
    const plain = await ingestCsv(new TextEncoder().encode('a,b\n1,2\n3,4\n'), 'plain.csv');
    await expect(computeMetrics({ reference: plain }, { transform: 'raw' })).rejects.toThrow(/plain.csv has no datetime column/);
    expect(metricsKind.validate({ transform: 'raw' }, { reference: plain.meta })).toEqual([
      'plain.csv has no datetime column: import a Prometheus query_range JSON or a Grafana CSV, or choose the time column',
    ]);
  });

  it.each<[Partial<MetricsCellConfig>, RegExp]>([
    [{ transform: 'median' as MetricsCellConfig['transform'] }, /Transform: median/],
    [{ rangeSeconds: 0 }, /Range: a whole number of seconds/],
    [{ quantile: 1.5 }, /Quantile: a number from 0 to 1/],
    [{ series: ['nope'] }, /Series: nope is not in the dataset/],
    [{ live: { query: ' ', start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z', step: 15 } }, /Query: write a PromQL expression/],
    [{ live: { query: 'up', start: '2026-01-02T00:00:00Z', end: '2026-01-01T01:00:00Z', step: 15 } }, /Start and end/],
    [{ live: { query: 'up', start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z', step: 0 } }, /Step: seconds/],
  ])('validate %j', async (patch, problem) => {
    const dataset = await seriesDataset(input.slice(0, 1));
    expect(metricsKind.validate({ transform: 'raw', ...patch }, { reference: dataset.meta }).join('\n')).toMatch(problem);
  });
});
