import { describe, expect, it } from 'vitest';
import { compareRows, emaSmooth, metricValue, nestRuns, numericValues, visibleRows } from '../../../lib/tracking/compare';
import type { Run } from '../../../lib/tracking/types';

const run = (id: string, over: Partial<Run> = {}): Run => ({
  id,
  experimentId: '0',
  name: null,
  status: 'FINISHED',
  startTime: 0,
  endTime: null,
  lifecycleStage: 'active',
  user: 'u',
  artifactUri: '',
  params: {},
  tags: {},
  metrics: {},
  artifacts: [],
  inputs: [],
  ...over,
});

describe('metricValue', () => {
  const h = [
    { value: 3, timestamp: 10, step: 2 },
    { value: NaN, timestamp: 11, step: 0 },
    { value: 1, timestamp: 12, step: 1 },
    { value: 5, timestamp: 9, step: 2 },
  ];
  it('last is the highest step, then the latest timestamp (MLflow latest_metrics); min/max skip NaN', () => {
    expect(metricValue(h, 'last')).toBe(3);
    expect(metricValue(h, 'min')).toBe(1);
    expect(metricValue(h, 'max')).toBe(5);
    expect(metricValue([], 'last')).toBeNull();
    expect(metricValue(undefined, 'max')).toBeNull();
    expect(metricValue([{ value: NaN, timestamp: 0, step: 0 }], 'min')).toBeNaN();
  });
});

describe('nestRuns', () => {
  it('puts children under their parent, keeps orphans and cycles at the top', () => {
    const runs = [
      run('a'),
      run('b', { tags: { 'mlflow.parentRunId': 'a' } }),
      run('c', { tags: { 'mlflow.parentRunId': 'b' } }),
      run('d', { tags: { 'mlflow.parentRunId': 'gone' } }),
      run('x', { tags: { 'mlflow.parentRunId': 'y' } }),
      run('y', { tags: { 'mlflow.parentRunId': 'x' } }),
    ];
    const forest = nestRuns(runs);
    expect(forest.map((n) => n.run.id)).toEqual(['a', 'd', 'x']);
    expect(forest[0]!.children[0]!.children[0]!.run.id).toBe('c');
    expect(forest[2]!.children.map((n) => n.run.id)).toEqual(['y']);
    expect(visibleRows(forest, new Set()).map((n) => n.run.id)).toEqual(['a', 'd', 'x']);
    expect(visibleRows(forest, new Set(['a', 'b'])).map((n) => [n.run.id, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
      ['x', 0],
    ]);
  });
});

describe('compareRows', () => {
  const runs = [
    run('1', { params: { lr: '0.1', model: 'xgb' }, metrics: { auc: [{ value: 0.8, timestamp: 0, step: 0 }] }, tags: { team: 'risk' } }),
    run('2', {
      params: { lr: '0.1', model: 'rf' },
      metrics: { auc: [{ value: 0.8, timestamp: 0, step: 0 }], loss: [{ value: NaN, timestamp: 0, step: 0 }] },
      tags: { team: 'risk' },
    }),
  ];
  it('lists every key per section and marks the rows that differ; differences only hides the rest', () => {
    const all = compareRows(runs);
    expect(all.map((r) => [r.section, r.key, r.differs])).toEqual([
      ['params', 'lr', false],
      ['params', 'model', true],
      ['metrics', 'auc', false],
      ['metrics', 'loss', true],
      ['tags', 'team', false],
    ]);
    expect(compareRows(runs, { differencesOnly: true }).map((r) => r.key)).toEqual(['model', 'loss']);
    expect(all[3]!.values).toEqual([null, NaN]);
  });
  it('NaN equals NaN (same value logged)', () => {
    const nan = [{ value: NaN, timestamp: 0, step: 0 }];
    expect(compareRows([run('1', { metrics: { m: nan } }), run('2', { metrics: { m: nan } })], { differencesOnly: true })).toEqual([]);
  });
});

describe('emaSmooth', () => {
  it('is the bias-corrected EMA (TensorBoard/MLflow): first value unchanged, then weighted', () => {
    const w = 0.5;
    const out = emaSmooth([2, 4, 8], w);
    // ema1 = 1 → /0.5 = 2; ema2 = 0.5+2 = 2.5 → /0.75; ema3 = 1.25+4 = 5.25 → /0.875
    expect(out[0]).toBeCloseTo(2, 12);
    expect(out[1]).toBeCloseTo(2.5 / 0.75, 12);
    expect(out[2]).toBeCloseTo(5.25 / 0.875, 12);
  });
  it('passes non-finite values through without counting them; constant series and weight 0 unchanged', () => {
    const out = emaSmooth([2, NaN, Infinity, 4], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(Infinity);
    expect(out[3]).toBeCloseTo(2.5 / 0.75, 12);
    expect(emaSmooth([3, 3, 3], 0.9)).toEqual([3, 3, 3]);
    expect(emaSmooth([1, 2], 0)).toEqual([1, 2]);
    expect(() => emaSmooth([1, 2], 1)).toThrow(/below 1/);
  });
});

describe('numericValues', () => {
  it('parses params logged as strings; one non-number makes the param categorical', () => {
    expect(numericValues(['0.1', null, ' 1e-3 '])).toEqual([0.1, null, 0.001]);
    expect(numericValues(['0.1', 'xgb'])).toBeNull();
    expect(numericValues(['nan'])).toBeNull();
  });
});
