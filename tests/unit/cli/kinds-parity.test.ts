import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectJson } from '../../../lib/cli/detect-command';
import { estimateJson } from '../../../lib/cli/estimate-command';
import { main } from '../../../lib/cli/main';
import { abtestJson } from '../../../lib/cli/abtest-command';
import { compareJson } from '../../../lib/cli/compare-command';
import { valueJson } from '../../../lib/cli/value-command';
import { fairnessJson } from '../../../lib/cli/model-commands';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { CELL_KINDS, cellSpec, type CellConfigs, type CellKind } from '../../../lib/notebook/registry';
import { modelOpener } from '../../../lib/notebook/model-opener';
import type { ComputeOptions } from '../../../lib/notebook/types';
import { modelMeta } from '../../../lib/models/meta';
import * as ort from 'onnxruntime-node';
import { readFileSync } from 'node:fs';
import { readFixture, ROOT } from '../../support';

/**
 * Each cell kind's CLI path against the app's compute: the CLI in-process (main), the app's side
 * as the cell runs it — `cellSpec(kind).compute` on the same fixture files read by lib/data — and
 * the JSON compared whole (after the command's documented mapping, if it has one).
 */

async function cli(args: string[]): Promise<unknown> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  expect(err, args.join(' ')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

const path = (file: string) => join(ROOT, 'tests/fixtures', file);
const read = (file: string) => ingestCsv(readFixture(`tests/fixtures/${file}`), file.split('/').pop()!);

/** The app's cell: the kind's compute on the datasets, as JSON (what the cell stores and exports). */
async function app<K extends CellKind>(kind: K, files: { reference: string; current?: string }, config: CellConfigs[K], options?: ComputeOptions) {
  const input: { reference: Dataset; current?: Dataset } = { reference: await read(files.reference) };
  if (files.current) input.current = await read(files.current);
  expect(cellSpec(kind).validate(config, { reference: input.reference.meta, current: input.current?.meta })).toEqual([]);
  return cellSpec(kind).compute!(input, config, options);
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const pair = (reference: string, current: string) => ['--reference', path(reference), '--current', path(current)];

const E2E = { reference: 'e2e/reference.csv', current: 'e2e/current.csv' };
const BINARY = { reference: 'model/binary-ref.csv', current: 'model/binary-cur.csv' };
const REGRESSION = { reference: 'model/regression-ref.csv', current: 'model/regression-cur.csv' };
const CBPE = { reference: 'cbpe/estimate-reference.csv', current: 'cbpe/estimate-current.csv' };
const CHARTS = { reference: 'charts/reference.csv', current: 'charts/current.csv' };
const TIMELINE = { reference: 'windows/events-reference.csv', current: 'windows/events-current.csv' };

describe('every cell kind: the CLI prints what the app computes', () => {
  it('covers every registered kind', () => {
    const tested = [
      'drift',
      'column',
      'quality',
      'classification',
      'regression',
      'operational',
      'estimated',
      'fairness',
      'chart',
      'note',
      'timeline',
      'change',
      'metrics',
      'validation',
      'value',
      'comparison',
      'abtest',
      'multivariate',
      'explain',
    ];
    expect([...CELL_KINDS].sort()).toEqual(tested.sort());
  });

  it('drift: `drift` flags are the drift cell config; `run --kind drift` the same', async () => {
    const config: CellConfigs['drift'] = { threshold: 0.01, methods: ['ks', 'psi'], correction: 'bh', roles: { plan: 'target' } };
    const want = json(await app('drift', E2E, config));
    const flags = ['--threshold', '0.01', '--methods', 'ks,psi', '--correction', 'bh', '--role', 'plan=target'];
    expect(await cli(['drift', ...pair(E2E.reference, E2E.current), ...flags])).toEqual(want);
    expect(await cli(['run', '--kind', 'drift', '--config', JSON.stringify(config), ...pair(E2E.reference, E2E.current)])).toEqual(want);
  });

  it('column: `drift --column COL` is the column-detail cell (every applicable method, as a new cell)', async () => {
    const want = json(await app('column', E2E, { methods: 'all', column: 'age', bins: { kind: 'quantile', n: 5 } }));
    expect((want as { columns: unknown[] }).columns).toHaveLength(1);
    expect(await cli(['drift', '--column', 'age', '--bins', 'quantile:5', ...pair(E2E.reference, E2E.current)])).toEqual(want);
    const run = await cli(['run', '--kind', 'column', '--config', '{"column": "income"}', ...pair(E2E.reference, E2E.current)]);
    expect(run).toEqual(json(await app('column', E2E, { methods: 'all', column: 'income' })));
  });

  it('quality: one file or two, the data-quality cell', async () => {
    expect(await cli(['quality', ...pair(E2E.reference, E2E.current)])).toEqual(json(await app('quality', E2E, {})));
    expect(await cli(['quality', '--reference', path(E2E.reference)])).toEqual(json(await app('quality', { reference: E2E.reference }, {})));
  });

  it('classification: `quality` with model columns (by role, or score ≥ --threshold-prob)', async () => {
    expect(await cli(['quality', ...pair(BINARY.reference, BINARY.current)])).toEqual(json(await app('classification', BINARY, {})));
    const flags = ['--target', 'y', '--score', 'score', '--threshold-prob', '0.3', '--pos-label', '1'];
    const config: CellConfigs['classification'] = { target: 'y', score: ['score'], threshold: 0.3, posLabel: '1' };
    expect(await cli(['quality', ...pair(BINARY.reference, BINARY.current), ...flags])).toEqual(json(await app('classification', BINARY, config)));
    const run = await cli(['run', '--kind', 'classification', '--config', JSON.stringify(config), ...pair(BINARY.reference, BINARY.current)]);
    expect(run).toEqual(json(await app('classification', BINARY, config)));
  });

  it('regression: `quality` on a numeric target (or --task regression); segment and feature through `run`', async () => {
    const columns = { target: 'price', prediction: 'price_pred' };
    const want = json(await app('regression', REGRESSION, columns));
    expect(await cli(['quality', ...pair(REGRESSION.reference, REGRESSION.current), '--target', 'price', '--prediction', 'price_pred'])).toEqual(want);
    const forced = await cli(['quality', '--reference', path(BINARY.reference), '--task', 'regression']);
    expect(forced).toEqual(json(await app('regression', { reference: BINARY.reference }, {})));
    const byFeature = { ...columns, feature: 'area' };
    const run = await cli(['run', '--kind', 'regression', '--config', JSON.stringify(byFeature), ...pair(REGRESSION.reference, REGRESSION.current)]);
    expect(run).toEqual(json(await app('regression', REGRESSION, byFeature)));
  });

  it('operational: `run --kind operational`, the defaults under the given settings', async () => {
    const run = await cli(['run', '--kind', 'operational', '--reference', path('e2e/latency.csv'), '--config', '{"slaMs": 15, "window": "minute"}']);
    expect(run).toEqual(json(await app('operational', { reference: 'e2e/latency.csv' }, { slaMs: 15, window: 'minute' })));
    const defaults = await cli(['run', '--kind', 'operational', '--reference', path('e2e/latency.csv')]);
    expect(defaults).toEqual(json(await app('operational', { reference: 'e2e/latency.csv' }, cellSpec('operational').defaultConfig())));
  });

  it("estimated: `estimate` prints NannyML's shape of the cell's result; `run` the result itself", async () => {
    const config: CellConfigs['estimated'] = { target: 'outcome', score: 'proba', threshold: 0.4, chunks: 4 };
    const result = await app('estimated', CBPE, config);
    const flags = ['--target', 'outcome', '--score', 'proba', '--threshold', '0.4', '--chunks', '4'];
    expect(await cli(['estimate', ...pair(CBPE.reference, CBPE.current), ...flags])).toEqual(json(estimateJson(result)));
    expect(await cli(['run', '--kind', 'estimated', '--config', JSON.stringify(config), ...pair(CBPE.reference, CBPE.current)])).toEqual(json(result));
  });

  it("fairness: `fairness` prints the cell's result for its one file, with the app's score threshold and boolean labels", async () => {
    const data = { reference: 'model/fairness.csv' };
    const weighted: CellConfigs['fairness'] = { target: 'y', prediction: 'pred', sensitive: ['sex', 'race'], weight: 'w', score: 'score' };
    const flags = ['--target', 'y', '--prediction', 'pred', '--sensitive', 'sex,race', '--weight', 'w', '--score', 'score'];
    expect(await cli(['fairness', '--data', path(data.reference), ...flags])).toEqual(json(fairnessJson(await app('fairness', data, weighted))));

    // Predictions from the score (≥ 0.6), as the app's shared threshold sets them.
    const fromScore: CellConfigs['fairness'] = { target: 'y', sensitive: ['sex'], score: 'score', threshold: 0.6 };
    const scored = await cli(['fairness', '--data', path(data.reference), '--target', 'y', '--sensitive', 'sex', '--score', 'score', '--threshold', '0.6']);
    expect(scored).toEqual(json(fairnessJson(await app('fairness', data, fromScore))));

    // A boolean target (yes/no/Yes read as true/false): "yes" and "1" name the positive label "true", as in the app.
    const mixed = { reference: 'drift/mixed-ref.csv' };
    const boolean: CellConfigs['fairness'] = { target: 'flag', sensitive: ['code'], score: 'score', threshold: 0.5, posLabel: 'yes' };
    const want = json(fairnessJson(await app('fairness', mixed, boolean)));
    expect(want).toMatchObject({ pos_label: 'true' });
    for (const label of ['yes', '1']) {
      const args = ['--target', 'flag', '--sensitive', 'code', '--score', 'score', '--threshold', '0.5', '--pos-label', label];
      expect(await cli(['fairness', '--data', path(mixed.reference), ...args])).toEqual(want);
    }
    const run = await cli(['run', '--kind', 'fairness', '--config', JSON.stringify(boolean), '--reference', path(mixed.reference)]);
    expect(run).toEqual(json(await app('fairness', mixed, boolean)));
  });

  it('chart: `run --kind chart` (the chart cell has no command of its own)', async () => {
    const config: CellConfigs['chart'] = { mark: 'histogram', sides: 'both', x: 'amount', facet: 'region' };
    const run = await cli(['run', '--kind', 'chart', '--config', '{"x": "amount", "facet": "region"}', ...pair(CHARTS.reference, CHARTS.current)]);
    expect(run).toEqual(json(await app('chart', CHARTS, config)));
  });

  it('timeline: `run --kind timeline --config JSON` (daily windows in a time zone, drift share, concept drift)', async () => {
    const config: CellConfigs['timeline'] = {
      split: 'period',
      period: 'day',
      timestampColumn: 'ts',
      timeZone: 'Europe/Paris',
      scalar: 'dataset_drift_share',
      settings: { columns: ['x1', 'x2', 'c'] },
      bandMultiplier: 2,
      minWindowRows: 20,
      concept: { task: 'classification', target: 'y_true', prediction: 'y_pred' },
    };
    const run = await cli(['run', '--kind', 'timeline', '--config', JSON.stringify(config), ...pair(TIMELINE.reference, TIMELINE.current)]);
    expect(run).toEqual(json(await app('timeline', TIMELINE, config)));
    expect((run as { windows: unknown[] }).windows).toHaveLength(13);
  });

  it('metrics: `run --kind metrics --config JSON` on `prom query --format csv` output (histogram_quantile after rate)', async () => {
    const data = { reference: 'metrics-cell/input.csv' };
    const series = ['0.1', '0.25', '0.5', '1', '+Inf'].map((le) => `driftbook_fixture_latency_seconds_bucket{le="${le}"}`);
    const config: CellConfigs['metrics'] = { transform: 'histogram_quantile', quantile: 0.9, rangeSeconds: 120, series };
    const run = await cli(['run', '--kind', 'metrics', '--config', JSON.stringify(config), '--reference', path(data.reference)]);
    expect(run).toEqual(json(await app('metrics', data, config)));
    expect((run as { series: { points: unknown[] }[] }).series[0]!.points.length).toBeGreaterThan(100);
  });

  it("change: `detect` prints the cell's detections and warnings (River's names); `run --kind change` the result itself", async () => {
    // Shuffled rows put back in time order (tests/fixtures/generate_binary_streams.py); a level shift at position 1000.
    const data = { reference: 'stream-binary/detect.csv' };
    const config: CellConfigs['change'] = { column: 'value', detector: 'page_hinkley', params: { threshold: '20', mode: 'up' }, orderBy: 'ts' };
    const result = await app('change', data, config);
    const flags = ['--column', 'value', '--detector', 'page_hinkley', '--param', 'threshold=20', '--param', 'mode=up', '--order-by', 'ts'];
    expect(await cli(['detect', '--data', path(data.reference), ...flags])).toEqual(json(detectJson(result)));
    expect(await cli(['run', '--kind', 'change', '--config', JSON.stringify(config), '--reference', path(data.reference)])).toEqual(json(result));
    expect(result.detections.length).toBeGreaterThan(0);
    // The model's error indicator, CUSUM's targets from a reference: `detect --reference R` is the cell's reference slot.
    const sources = { reference: 'change-sources/stream.csv', current: 'change-sources/reference.csv' };
    const errors: CellConfigs['change'] = { source: 'error', target: 'y', prediction: 'pred', detector: 'cusum', params: { h: '3' }, orderBy: 'ts' };
    const withTargets = await app('change', sources, errors);
    const errorFlags = ['--source', 'error', '--target', 'y', '--prediction', 'pred', '--detector', 'cusum', '--param', 'h=3', '--order-by', 'ts'];
    expect(await cli(['detect', '--data', path(sources.reference), '--reference', path(sources.current), ...errorFlags])).toEqual(
      json(detectJson(withTargets)),
    );
    expect(await cli(['run', '--kind', 'change', '--config', JSON.stringify(errors), ...pair(sources.reference, sources.current)])).toEqual(json(withTargets));
    expect(withTargets.targets?.reference).toBe('reference.csv');
  });

  it("validation: `validate` prints the cell's GX result, `suite` its suggested suite, `run --kind validation` the result itself", async () => {
    // tests/fixtures/validation-profile (generate_validation_profile.py): a reference and a copy with planted faults.
    const data = { reference: 'validation-profile/reference.csv', current: 'validation-profile/damaged.csv' };
    // The run's wall-clock time is the one field that differs between two runs.
    const timeless = (result: unknown) => {
      const { meta, ...rest } = json(result) as { meta: Record<string, unknown> };
      const { validation_time: _time, ...kept } = meta;
      return { ...rest, meta: kept };
    };
    const suggested = await app('validation', data, { suite: null, dataset: 'current' });
    expect(await cli(['suite', '--reference', path(data.reference)])).toEqual(json(suggested.suite));
    const config: CellConfigs['validation'] = { suite: suggested.suite, dataset: 'reference' };
    const onDamaged = await app('validation', { reference: data.current }, config);
    const written = join(mkdtempSync(join(tmpdir(), 'driftbook-parity-')), 'suite.json');
    writeFileSync(written, JSON.stringify(suggested.suite));
    expect(timeless(await cli(['validate', '--suite', written, '--data', path(data.current)]))).toEqual(timeless(onDamaged.result));
    const run = (await cli(['run', '--kind', 'validation', '--config', JSON.stringify(config), '--reference', path(data.current)])) as { result: unknown };
    expect({ ...run, result: timeless(run.result) }).toEqual({ ...(json(onDamaged) as object), result: timeless(onDamaged.result) });
    expect(onDamaged.result.success).toBe(false);
  });

  it("value: `value` prints the first model's business value over all rows (realized; estimated with --reference and --score)", async () => {
    // tests/fixtures/value (generate_value.py): NannyML's business_value re-implemented in numpy/sklearn.
    const flags = ['--target', 'y', '--value', 'tp=5,fp=-1,tn=0,fn=-10', '--cost-per-prediction', '0.001'];
    const matrix = { tp: 5, fp: -1, tn: 0, fn: -10 };
    const realized = await app('value', { reference: 'value/current.csv' }, { target: 'y', predictions: ['pred_a'], matrix, costPerPrediction: 0.001 });
    expect(await cli(['value', '--data', path('value/current.csv'), '--prediction', 'pred_a', ...flags])).toEqual(json(valueJson(realized)));
    const config: CellConfigs['value'] = { target: 'y', predictions: ['pred_b'], scores: ['score_b'], matrix, costPerPrediction: 0.001 };
    const estimated = await app('value', { reference: 'value/reference.csv', current: 'value/current-unlabelled.csv' }, config);
    const printed = await cli([
      'value',
      '--data',
      path('value/current-unlabelled.csv'),
      '--reference',
      path('value/reference.csv'),
      '--prediction',
      'pred_b',
      '--score',
      'score_b',
      ...flags,
    ]);
    expect(printed).toEqual(json(valueJson(estimated)));
    expect(printed).toMatchObject({ estimated: true });
    expect(await cli(['run', '--kind', 'value', '--config', JSON.stringify(config), ...pair('value/reference.csv', 'value/current-unlabelled.csv')])).toEqual(
      json(estimated),
    );
  });

  it('multivariate: `multivariate` flags are the multivariate cell config; the JSON is the cell result’s drift with a schemaVersion', async () => {
    const files = { reference: 'multivariate/mixed-reference.csv', current: 'multivariate/mixed-current.csv' };
    const pca = json(await app('multivariate', files, { method: 'pca', variance: 0.7, chunkSize: 150 })) as { drift: object };
    expect(await cli(['multivariate', ...pair(files.reference, files.current), '--variance', '0.7', '--chunk-size', '150'])).toEqual({
      schemaVersion: 1,
      ...pca.drift,
    });
    const config: CellConfigs['multivariate'] = {
      method: 'classifier',
      columns: ['x1', 'x3', 'cat1'],
      timestamp: 'ts',
      period: 'day',
      classifier: { folds: 3, seed: 7, repeats: 2 },
    };
    const classifier = json(await app('multivariate', files, config)) as { drift: object };
    const flags = [
      '--method',
      'classifier',
      '--columns',
      'x1,x3,cat1',
      '--timestamp',
      'ts',
      '--period',
      'day',
      '--folds',
      '3',
      '--seed',
      '7',
      '--repeats',
      '2',
    ];
    expect(await cli(['multivariate', ...pair(files.reference, files.current), ...flags])).toEqual({ schemaVersion: 1, ...classifier.drift });
    expect(await cli(['run', '--kind', 'multivariate', '--config', JSON.stringify(config), ...pair(files.reference, files.current)])).toEqual(classifier);
  });

  it("comparison: `compare` prints the cell's comparison (without the cell's columns and segments); `run --kind comparison` the result itself", async () => {
    // tests/fixtures/compare-cells (generate_compare_cells.py): three models on the same rows; the same rows served canary-style.
    const data = { reference: 'compare-cells/shadow.csv' };
    const config: CellConfigs['comparison'] = {
      mode: 'shadow',
      target: 'y',
      models: ['pred_champion', 'pred_challenger', 'pred_baseline'],
      scores: ['score_champion', 'score_challenger', 'score_baseline'],
      chunks: 4,
      bootstrap: 100,
      seed: 7,
    };
    const flags = ['--target', 'y', '--models', 'pred_champion,pred_challenger,pred_baseline', '--scores', 'score_champion,score_challenger,score_baseline'];
    const printed = await cli(['compare', '--data', path(data.reference), ...flags, '--chunks', '4', '--bootstrap', '100', '--seed', '7']);
    expect(printed).toEqual(json(compareJson(await app('comparison', data, config))));
    const canary: CellConfigs['comparison'] = { mode: 'canary', target: 'y', prediction: 'pred', modelColumn: 'served_by', bootstrap: 100 };
    const canaryFlags = ['--target', 'y', '--prediction', 'pred', '--model-column', 'served_by', '--bootstrap', '100'];
    const canaryData = { reference: 'compare-cells/canary.csv' };
    expect(await cli(['compare', '--data', path(canaryData.reference), ...canaryFlags])).toEqual(
      json(compareJson(await app('comparison', canaryData, canary))),
    );
    // The cell's own fields (segments by region) through `run`.
    const segmented: CellConfigs['comparison'] = { ...config, segmentBy: 'region' };
    const run = await cli(['run', '--kind', 'comparison', '--config', JSON.stringify(segmented), '--reference', path(data.reference)]);
    expect(run).toEqual(json(await app('comparison', data, segmented)));
    expect((run as { segments: { groups: unknown[] } }).segments.groups).toHaveLength(3);
  });

  it("abtest: `abtest` prints the cell's result without its state (variant column, looks); `run --kind abtest` the result itself", async () => {
    const data = { reference: 'compare-cells/abtest.csv' };
    const config: CellConfigs['abtest'] = {
      variant: 'variant',
      binary: 'clicked',
      numeric: 'revenue',
      timestamp: 'ts',
      plannedSplit: { A: 50, B: 50 },
      effect: 0.02,
    };
    const flags = [
      '--variant',
      'variant',
      '--binary',
      'clicked',
      '--numeric',
      'revenue',
      '--timestamp',
      'ts',
      '--planned-split',
      'A=50,B=50',
      '--effect',
      '0.02',
    ];
    const result = await app('abtest', data, config);
    expect(await cli(['abtest', '--data', path(data.reference), ...flags])).toEqual(json(abtestJson(result)));
    expect(result.srm.mismatch).toBe(true);
    const looked: CellConfigs['abtest'] = { ...config, looks: 3 };
    const run = await cli(['run', '--kind', 'abtest', '--config', JSON.stringify(looked), '--reference', path(data.reference)]);
    expect(run).toEqual(json(await app('abtest', data, looked)));
    expect(run).toMatchObject({ looks: 3, finished: false, variantColumn: 'variant' });
  });

  it("explain: `explain --model` prints the cell's explanation, the ONNX file opened by onnxruntime-node as the app's engine opens a stored model", async () => {
    const files = { reference: 'explain-app/reference.csv', current: 'explain-app/current.csv' };
    const model = path('explain-app/churn.onnx');
    const bytes = new Uint8Array(readFileSync(model));
    const openModel = modelOpener(ort, async (id) => ({ meta: await modelMeta(bytes, 'churn.onnx', id), bytes }));
    const config: CellConfigs['explain'] = {
      model: 'stored-id',
      rows: [0, 3, 199],
      backgroundSize: 50,
      outputSpace: 'log-odds',
      permutation: { target: 'churned', nRepeats: 3 },
      local: { row: 3 },
    };
    const result = await app('explain', files, config, { openModel });
    expect(result.explanation.background).toMatchObject({ source: 'reference', rows: 50, seed: 42 });
    const flags = ['--rows', '0,3,199', '--background-size', '50', '--output-space', 'log-odds', '--target', 'churned', '--repeats', '3', '--local-row', '3'];
    expect(await cli(['explain', '--model', model, '--data', path(files.current), '--reference', path(files.reference), ...flags])).toEqual(
      json(result.explanation),
    );
    // `run --kind explain` has no model to open: it says which command does.
    let err = '';
    const code = await main(['run', '--kind', 'explain', '--config', JSON.stringify(config), ...pair(files.reference, files.current)], {
      out: () => undefined,
      err: (t) => (err += t),
    });
    expect(code).not.toBe(0);
    expect(err).toContain('driftbook explain --model');
  });

  it('note: computes nothing, and the CLI says so (exit 2, one line) before reading any file', async () => {
    let err = '';
    const code = await main(['run', '--kind', 'note', '--reference', path('nope.csv')], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toBe(
      'driftbook: note: a note computes nothing (its markdown is its content) — run a kind that computes: drift, column, quality, chart, classification, regression, operational, estimated, fairness, timeline, change, metrics, validation, value, comparison, abtest, multivariate, explain\n',
    );
    expect(cellSpec('note').compute).toBeUndefined();
  });
});
