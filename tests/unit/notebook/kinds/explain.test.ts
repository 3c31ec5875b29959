import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../../lib/data/ingest';
import { modelMeta } from '../../../../lib/models/meta';
import type { ModelMeta } from '../../../../lib/models/types';
import { attributionRows, explainKind, rankingNote, type ExplainCellConfig } from '../../../../lib/notebook/kinds/explain';
import { modelOpener } from '../../../../lib/notebook/model-opener';
import { readFixture, readJson, ROOT } from '../../../support';

/**
 * The Explain cell's compute on tests/fixtures/explain-app (generate_explain_app.py): a logistic
 * regression exported with onnx.helper, run by onnxruntime-node through the same opener the app's
 * engine uses (lib/notebook/model-opener.ts). Shapley values are checked against a brute-force
 * Python enumeration of the interventional definition over the whole reference as background (the
 * background is "used whole" when it is smaller than the asked size, so no sampling is involved).
 * Tolerance: 1e-6 absolute in probability space — the model computes in float32 (numpy's float32
 * sigmoid and onnxruntime's differ in the last float32 bits, ~1e-7); 1e-5 in log-odds space, where
 * the logit amplifies that by 1/(p(1−p)) (p ≈ 0.02 here). Averages over the background are float64.
 */

const DIR = 'tests/fixtures/explain-app';
const read = (file: string) => ingestCsv(readFixture(`${DIR}/${file}`), file);
const TOL = 1e-6;
const TOL_LOG_ODDS = 1e-5;

interface Expected {
  features: string[];
  rows: Record<'reference' | 'current', { index: number; values: Record<string, number>; probability: Side; 'log-odds': Side }[]>;
  globalLogOdds: Record<'reference' | 'current', Record<string, number>>;
}
interface Side {
  shap: Record<string, number>;
  baseValue: number;
  prediction: number;
}
const expected = readJson<Expected>(`${DIR}/expected.json`);

async function fixtureModel(file: string): Promise<{ meta: ModelMeta; bytes: Uint8Array }> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, DIR, file)));
  return { meta: await modelMeta(bytes, file, file), bytes };
}

const openModel = modelOpener(ort, fixtureModel);

async function run(config: ExplainCellConfig) {
  const input = { reference: await read('reference.csv'), current: await read('current.csv') };
  expect(explainKind.validate(config, { reference: input.reference.meta, current: input.current.meta })).toEqual([]);
  return explainKind.compute!(input, config, { openModel });
}

function expectShap(actual: Record<string, number>, want: Record<string, number>, tol = TOL) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(want).sort());
  for (const [feature, value] of Object.entries(want)) expect(Math.abs(actual[feature]! - value), feature).toBeLessThan(tol);
}

describe('the explain kind', () => {
  it('exact SHAP of picked current rows equals the brute-force definition (probability and log-odds), with base value and f(x)', async () => {
    const rows = expected.rows.current.map((r) => r.index);
    for (const space of ['probability', 'log-odds'] as const) {
      const result = await run({ model: 'churn.onnx', rows, backgroundSize: 1000, method: 'exact', outputSpace: space, referenceRows: 0 });
      expect(result).toMatchObject({
        kind: 'explain',
        source: 'model',
        reference: { name: 'reference.csv', rows: 300 },
        current: { name: 'current.csv', rows: 200 },
      });
      expect(result.model).toMatchObject({
        id: 'churn.onnx',
        mapping: { kind: 'per-column', columns: { tenure: 'tenure', spend: 'spend', visits: 'visits' } },
        output: { output: 'probabilities', index: 1 },
      });
      const e = result.explanation;
      expect(e).toMatchObject({
        method: 'exact',
        coalitions: 8,
        output: space,
        features: ['tenure', 'spend', 'visits'],
        background: { source: 'reference', rows: 300 },
      });
      expect(e.background?.sampled).toBeUndefined();
      expect(e.rows.map((r) => r.index)).toEqual(rows);
      const tol = space === 'probability' ? TOL : TOL_LOG_ODDS;
      for (const [i, want] of expected.rows.current.entries()) {
        expectShap(e.rows[i]!.shap, want[space].shap, tol);
        expect(Math.abs(e.rows[i]!.prediction! - want[space].prediction)).toBeLessThan(tol);
        expect(e.rows[i]!.values).toEqual(want.values);
      }
      expect(Math.abs(e.baseValue! - expected.rows.current[0]![space].baseValue)).toBeLessThan(tol);
    }
  });

  it('global importance of every row on both sides equals the linear closed form in log-odds; the ranking changed (spend rises)', async () => {
    const result = await run({ model: 'churn.onnx', maxRows: 1000, referenceRows: 1000, backgroundSize: 1000, outputSpace: 'log-odds' });
    const e = result.explanation;
    expect(e.rows).toHaveLength(200);
    expect(e.reference?.rows).toBe(300);
    expectShap(e.global, expected.globalLogOdds.current, TOL_LOG_ODDS);
    expectShap(e.reference!.global, expected.globalLogOdds.reference, TOL_LOG_ODDS);
    expect(e.attributionDrift?.ranking).toEqual({ reference: ['tenure', 'visits', 'spend'], current: ['spend', 'tenure', 'visits'] });
    const rows = attributionRows(result);
    expect(rows.map((r) => [r.feature, r.rank.reference, r.rank.current])).toEqual([
      ['spend', 3, 1],
      ['tenure', 1, 2],
      ['visits', 2, 3],
    ]);
    expect(rows.find((r) => r.feature === 'spend')?.drifted).toBe(true);
    expect(rankingNote(result)).toMatch(/^Kendall's τ of the importance ranking -0\.3333 .*the order changed$/);
  });

  it('a single float_input [N,3] takes the columns in the picked order and explains the same values', async () => {
    const row = expected.rows.current[1]!;
    const mapping = { kind: 'matrix' as const, input: 'float_input', columns: ['tenure', 'spend', 'visits'] };
    const result = await run({ model: 'churn_matrix.onnx', mapping, rows: [row.index], backgroundSize: 1000, referenceRows: 0 });
    expectShap(result.explanation.rows[0]!.shap, row.probability.shap);
    // Another order feeds the model other columns: the values change.
    const swapped = await run({
      model: 'churn_matrix.onnx',
      mapping: { ...mapping, columns: ['spend', 'tenure', 'visits'] },
      rows: [row.index],
      backgroundSize: 1000,
      referenceRows: 0,
    });
    const moved = Math.max(...expected.features.map((f) => Math.abs(swapped.explanation.rows[0]!.shap[f]! - row.probability.shap[f]!)));
    expect(moved).toBeGreaterThan(0.05);
  });

  it("a local explanation: the picked row's SHAP values (waterfall) and a LIME surrogate with its fidelity", async () => {
    const row = expected.rows.current[2]!;
    const result = await run({ model: 'churn.onnx', rows: [0], backgroundSize: 1000, referenceRows: 0, local: { row: row.index } });
    const local = result.explanation.local!;
    expect(local.row.index).toBe(row.index);
    expectShap(local.row.shap, row.probability.shap);
    const sum = Object.values(local.row.shap).reduce((a, b) => a + b, 0);
    expect(Math.abs(result.explanation.baseValue! + sum - row.probability.prediction)).toBeLessThan(TOL);
    expect(local.lime).toMatchObject({ row: row.index });
    expect(local.lime!.fidelity).toBeGreaterThan(0.5);
    expect(local.lime!.fidelity).toBeLessThanOrEqual(1);
    expect(Math.abs(local.lime!.prediction - row.probability.prediction)).toBeLessThan(TOL);
  });

  it("without a model: the data's shap_ columns give scipy's importance, Kendall τ and KS of the attributions", async () => {
    const want = readJson<{ reference: Record<string, number>; current: Record<string, number>; kendallTau: number; ks: Record<string, { pValue: number }> }>(
      `${DIR}/shap-columns.json`,
    );
    const reference = await read('reference_shap.csv');
    const current = await read('current_shap.csv');
    const config = explainKind.defaultConfig({ reference: reference.meta, current: current.meta });
    expect(config).toEqual({ source: 'shap-columns' });
    const result = await explainKind.compute!({ reference, current }, { ...config, maxRows: 1000, driftMethod: 'ks' });
    const e = result.explanation;
    expect(result.model).toBeNull();
    expect(e.method).toBe('shap-columns');
    for (const side of ['reference', 'current'] as const) {
      const global = side === 'current' ? e.global : e.reference!.global;
      for (const [f, v] of Object.entries(want[side])) expect(Math.abs(global[f]! - v) / v, `${side} ${f}`).toBeLessThan(1e-12);
    }
    expect(Math.abs(e.attributionDrift!.kendallTau! - want.kendallTau)).toBeLessThan(1e-12);
    for (const f of e.attributionDrift!.features) {
      expect(f.method).toBe('ks');
      const p = want.ks[f.feature]!.pValue;
      expect(Math.abs(f.score! - p), f.feature).toBeLessThanOrEqual(Math.max(1e-12, 1e-9 * p));
    }
  });

  it('says what is missing: no model chosen, a host that cannot open models, no shap_ columns', async () => {
    const reference = await read('reference.csv');
    const current = await read('current.csv');
    expect(explainKind.validate({ source: 'model' }, { reference: reference.meta, current: current.meta })).toEqual([
      'Model: choose a stored model (drop a .onnx file in the Models tab)',
    ]);
    expect(explainKind.validate({ source: 'shap-columns' }, { reference: reference.meta, current: current.meta })[0]).toMatch(/no shap_<feature> columns/);
    expect(explainKind.validate({ model: 'm', local: { row: 200 } }, { current: current.meta })).toEqual([
      "Row to explain: 200 is past the current data's last row (199)",
    ]);
    await expect(explainKind.compute!({ reference, current }, { model: 'churn.onnx' })).rejects.toMatchObject({ code: 'no-model-runtime' });
    await expect(
      explainKind.compute!({ reference, current }, { model: 'churn.onnx', mapping: { kind: 'per-column', columns: { tenure: 'gone' } } }, { openModel }),
    ).rejects.toMatchObject({
      code: 'unknown-column',
    });
  });
});
