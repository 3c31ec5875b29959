import { describe, expect, it } from 'vitest';
import { cellRunSpec, flattenParams, MAX_PARAM_LENGTH, MAX_RUN_METRICS, scalarFields } from '../../../lib/tracking/cell-run';

describe('flattenParams', () => {
  it('writes nested configs as MLflow-style dotted key paths; arrays and scalars as JSON, strings as they are', () => {
    const { params, cut } = flattenParams(
      { method: 'psi', threshold: 0.1, on: true, columns: ['a', 'b'], per: { x: { bins: 10 } }, none: null, gone: undefined, empty: {} },
      'config',
    );
    expect(params).toEqual({
      'config.method': 'psi',
      'config.threshold': '0.1',
      'config.on': 'true',
      'config.columns': '["a","b"]',
      'config.per.x.bins': '10',
      'config.none': 'null',
    });
    expect(cut).toEqual([]);
  });

  it("caps the number of params and cuts values longer than MLflow's 6000 characters, naming them", () => {
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, i]));
    const { params, cut } = flattenParams(many, 'config', 3);
    expect(Object.keys(params)).toEqual(['config.k0', 'config.k1', 'config.k2']);
    expect(cut).toEqual(['config.k3', 'config.k4']);
    const long = flattenParams({ columns: Array.from({ length: 2000 }, (_, i) => `column_${i}`) }, 'config');
    expect(long.params['config.columns']!.length).toBeLessThanOrEqual(MAX_PARAM_LENGTH);
    expect(long.params['config.columns']).toMatch(/characters, cut\)$/);
    expect(long.cut).toEqual(['config.columns']);
  });
});

describe('scalarFields', () => {
  it('takes finite numbers two levels down, skips arrays, strings and non-finite values, caps the count', () => {
    const result = { count: 10, values: { min: 1, max: NaN, deep: { x: 1 } }, series: [1, 2], label: 'x', inf: Infinity };
    expect(scalarFields(result)).toEqual({ count: 10, 'values.min': 1 });
    const wide = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`m${i}`, i]));
    expect(Object.keys(scalarFields(wide))).toHaveLength(MAX_RUN_METRICS);
  });
});

describe('cellRunSpec', () => {
  const facts = {
    workspaceId: 'w1',
    workspaceName: 'Churn',
    cellId: 'c1',
    title: 'Drift: ref vs cur',
    kind: 'drift',
    config: { threshold: 0.05 },
    inputs: [
      { slot: 'reference', datasetId: 'd1', name: 'ref.csv', sha256: 'aa', segment: "d.country == 'FR'" },
      { slot: 'current', datasetId: 'd2', name: 'cur.csv', sha256: 'bb' },
    ],
    ok: true,
    startTime: 1000,
    endTime: 1500,
    metrics: { dataset_drift_share: 0.25 },
  };

  it('params: kind, config, inputs with SHA-256 and segment; inputs as MLflow dataset inputs; metrics one point each', () => {
    const spec = cellRunSpec(facts);
    expect(spec).toMatchObject({ name: 'Drift: ref vs cur', status: 'FINISHED', startTime: 1000, endTime: 1500 });
    expect(spec.params).toEqual({
      kind: 'drift',
      'config.threshold': '0.05',
      'input.reference.dataset': 'ref.csv',
      'input.reference.sha256': 'aa',
      'input.reference.segment': "d.country == 'FR'",
      'input.current.dataset': 'cur.csv',
      'input.current.sha256': 'bb',
    });
    expect(spec.inputs[0]).toEqual({
      name: 'ref.csv',
      digest: 'aa',
      sourceType: 'driftbook',
      source: 'ref.csv',
      schema: null,
      profile: null,
      tags: { 'mlflow.data.context': 'reference' },
    });
    expect(spec.metrics).toEqual({ dataset_drift_share: [{ value: 0.25, timestamp: 1500, step: 0 }] });
    expect(spec.tags).toMatchObject({
      'driftbook.workspaceId': 'w1',
      'driftbook.cellId': 'c1',
      'driftbook.cellKind': 'drift',
      'mlflow.runName': 'Drift: ref vs cur',
    });
    expect(spec.tags['mlflow.parentRunId']).toBeUndefined();
  });

  it('a failed run is FAILED with its error as a tag', () => {
    const spec = cellRunSpec({ ...facts, ok: false, metrics: {}, error: { code: 'missing-input', message: 'needs a current dataset' } });
    expect(spec.status).toBe('FAILED');
    expect(spec.tags['driftbook.error']).toBe('missing-input: needs a current dataset');
  });
});
