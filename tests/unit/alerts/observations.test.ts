import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../lib/alerts/catalogue';
import { evaluateSequence } from '../../../lib/alerts/evaluate';
import { batchObservations, cellObservation, windowObservations } from '../../../lib/alerts/observations';
import { defaultRules } from '../../../lib/alerts/rules-defaults';
import { scalarSample } from '../../../lib/alerts/scalar-samples';
import { samplesOf, seriesKey } from '../../../lib/alerts/samples';
import { ingestCsv } from '../../../lib/data/ingest';
import { toBatchSummary } from '../../../lib/notebook/batch-summary';
import { driftKind } from '../../../lib/notebook/kinds/drift';
import { qualityKind } from '../../../lib/notebook/kinds/quality';
import { computeTimeline } from '../../../lib/notebook/kinds/timeline';
import { SCALARS } from '../../../lib/notebook/scalars';
import { readFixture } from '../../support';

/** Observations of real timelines (tests/fixtures/windows, the Timeline kind's pandas/scipy fixtures), batches and cells. */
const read = (file: string) => ingestCsv(readFixture(`tests/fixtures/windows/${file}`), file);
const csv = (text: string, name: string) => ingestCsv(new TextEncoder().encode(text), name);

describe('scalarSample', () => {
  it('maps every timeline scalar to a catalogue family the timeline produces, with that family’s labels', () => {
    for (const spec of SCALARS) {
      const column = spec.column === 'none' ? undefined : 'a"b\\c';
      const sample = scalarSample(spec.id, column, 0.5, { method: 'psi', sensitive: ['sex'] });
      const family = FAMILIES.find((f) => f.name === sample.metric);
      expect(family?.kinds, spec.id).toContain('timeline');
      for (const name of Object.keys(sample.labels)) expect(family!.labels, `${spec.id} ${name}`).toContain(name);
    }
  });

  it('names the series as the kinds do (latencies in seconds, current data)', () => {
    expect(scalarSample('classification_accuracy', undefined, 0.8)).toEqual({
      metric: 'model_metric',
      labels: { metric: 'accuracy', dataset: 'current' },
      value: 0.8,
    });
    expect(scalarSample('latency_p95', undefined, 250)).toEqual({ metric: 'latency_seconds', labels: { quantile: '0.95', dataset: 'current' }, value: 0.25 });
    expect(scalarSample('column_drift_score', 'x', null, { columnMethods: { x: 'ks' }, method: 'psi' })).toEqual({
      metric: 'column_drift_score',
      labels: { column: 'x', method: 'ks' },
      value: null,
    });
    expect(scalarSample('missing_share', undefined, 0.1).metric).toBe('dataset_missing_share');
    expect(scalarSample('fairness_equalized_odds_difference', undefined, 0.1, { sensitive: ['sex', 'race'] }).labels).toEqual({
      metric: 'equalized_odds',
      sensitive: 'sex,race',
      dataset: 'current',
    });
    expect(() => scalarSample('nope', undefined, 1)).toThrow(/scalar: nope/);
  });
});

describe('windowObservations', () => {
  it('one per evaluated window of a real timeline: at = window end (UTC), the scalar and the heatmap per column', async () => {
    const input = { reference: await read('events-reference.csv'), current: await read('events-current.csv') };
    const result = await computeTimeline(input, {
      split: 'period',
      period: 'day',
      timestampColumn: 'ts',
      timeZone: 'Europe/Paris',
      scalar: 'dataset_drift_share',
      settings: { columns: ['x1', 'x2', 'x3', 'c'], numericMethod: 'ks', categoricalMethod: 'chisquare' },
      minWindowRows: 20,
    });
    const observations = windowObservations('w', { id: 'c1', title: 'Drift per day' }, result, '2026-12-01T00:00:00.000Z');
    const evaluated = result.windows.filter((w) => !w.small);
    expect(evaluated.length).toBeGreaterThan(1);
    expect(evaluated.length).toBeLessThan(result.windows.length);
    expect(observations.map((o) => o.source.window!.label)).toEqual(evaluated.map((w) => w.label));
    observations.forEach((o, i) => {
      const w = evaluated[i]!;
      expect(o.at).toBe(new Date(w.end!).toISOString());
      expect(o.source).toMatchObject({ workspaceId: 'w', key: 'cell:c1', cellId: 'c1', cellTitle: 'Drift per day', kind: 'timeline' });
      const get = (metric: string, labels: Record<string, string>) => o.samples.find((s) => seriesKey(s.metric, s.labels) === seriesKey(metric, labels))?.value;
      expect(get('dataset_drift_share', {})).toBe(w.value);
      expect(get('dataset_drift_detected', {})).toBe(w.crossed ? 1 : 0);
      result.heatmap!.columns.forEach((c, r) => {
        const score = result.heatmap!.scores[r]![w.index]!;
        expect(get('column_drift_score', { column: c.name, method: c.method! }), c.name).toBe(score);
      });
    });
    // A rule over the windows fires on the first window whose share reaches its threshold (the largest share here).
    const top = Math.max(...evaluated.map((w) => w.value ?? -Infinity));
    expect(top).toBeGreaterThan(0);
    const rule = { ...defaultRules()[2]!, threshold: top };
    const { events } = evaluateSequence([rule], observations);
    expect(events[0]).toMatchObject({ state: 'firing', value: top, source: { window: { label: evaluated.find((w) => w.value === top)!.label } } });
  });

  it('row windows carry the run time and keep their order', async () => {
    const input = { reference: await read('events-reference.csv'), current: await read('events-current.csv') };
    const result = await computeTimeline(input, {
      split: 'rows',
      size: 100,
      scalar: 'column_drift_score',
      column: 'x1',
      settings: { method: 'psi' },
      minWindowRows: 50,
    });
    const observations = windowObservations('w', { id: 'c2' }, result, '2026-12-01T10:00:00Z');
    expect(observations.every((o) => o.at === '2026-12-01T10:00:00.000Z')).toBe(true);
    expect(observations.map((o) => o.source.window!.index)).toEqual(result.windows.filter((w) => !w.small).map((w) => w.index));
    expect(observations[0]!.samples[0]).toEqual({ metric: 'column_drift_score', labels: { column: 'x1', method: 'psi' }, value: result.windows[0]!.value });
  });
});

describe('batchObservations and cellObservation', () => {
  it('one observation per batch by date, from summaries of real drift and quality results', async () => {
    const ref = await csv(`x,"a""b\\c"\n${Array.from({ length: 30 }, (_, i) => `${i},${i % 2 ? 'u' : 'v'}`).join('\n')}\n`, 'ref.csv');
    const shifted = await csv(`x,"a""b\\c"\n${Array.from({ length: 30 }, (_, i) => `${i + 20},${i % 5 ? 'u' : 'v'}`).join('\n')}\n`, 'b2.csv');
    const summaryOf = async (batch: typeof ref) =>
      toBatchSummary(
        await driftKind.compute!({ reference: ref, current: batch }, {}, {}),
        await qualityKind.compute!({ reference: batch }, {}, {}),
        new Date('2026-12-01T00:00:00Z'),
      );
    const [same, drifted] = await Promise.all([summaryOf(ref), summaryOf(shifted)]);
    const observations = batchObservations('w', [
      { id: 'b2', date: '2026-03-02', name: 'march', summary: drifted },
      { id: 'b1', date: '2026-03-01', summary: same },
    ]);
    expect(observations.map((o) => [o.at, o.source.key, o.source.batch!.id])).toEqual([
      ['2026-03-01T00:00:00.000Z', 'batches', 'b1'],
      ['2026-03-02T00:00:00.000Z', 'batches', 'b2'],
    ]);
    const share = observations[1]!.samples.find((s) => s.metric === 'dataset_drift_share')!;
    expect(share.value).toBe(drifted.driftShare);
    expect(observations[1]!.samples.filter((s) => s.metric === 'column_drift_score').map((s) => s.labels.column)).toEqual(drifted.columns.map((c) => c.name));
    const { events } = evaluateSequence(defaultRules(), observations);
    expect(events.filter((e) => e.ruleId === 'dataset-drift').map((e) => [e.state, e.source.batch!.id])).toEqual(
      drifted.datasetDrifted ? [['firing', 'b2']] : [],
    );
    expect(drifted.datasetDrifted).toBe(true);
  });

  it('a cell run: its samples at its time, keyed by the cell', async () => {
    const data = await csv('latency_ms\n100\n300\n', 'ops.csv');
    const result = await driftKind.compute!({ reference: data, current: data }, {}, {});
    const o = cellObservation('w', { id: 'c3', kind: 'drift' }, result, '2026-12-01T10:00:00+01:00');
    expect(o).toEqual({
      at: '2026-12-01T09:00:00.000Z',
      source: { workspaceId: 'w', key: 'cell:c3', cellId: 'c3', kind: 'drift' },
      samples: samplesOf('drift', result),
    });
  });
});
