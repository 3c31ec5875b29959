import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import type { ExplainResult } from '../../../lib/explain/types';
import { readJson, ROOT } from '../../support';

// Expected numbers: tests/fixtures/generate_explain_app.py — the interventional SHAP definition over every subset
// (whole reference as background, float32 logistic graph as onnxruntime computes it) and mean |SHAP| per side.
// Tolerance 1e-5 abs (float32 model calls; tests/unit/explain/onnx.test.ts measures 1.2e-6 in log-odds).
type Side = { shap: Record<string, number>; baseValue: number; prediction: number };
const want = readJson<{
  features: string[];
  rows: { current: ({ index: number } & Record<'probability' | 'log-odds', Side>)[] };
  globalLogOdds: Record<'reference' | 'current', Record<string, number>>;
}>('tests/fixtures/explain-app/expected.json');
const file = (name: string) => join(ROOT, 'tests/fixtures/explain-app', name);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['explain', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('driftbook explain', () => {
  it("prints the issue's JSON: SHAP of the chosen rows, base value, global mean |SHAP| and attribution drift (log-odds)", async () => {
    const { code, out, err } = await run([
      '--model',
      file('churn.onnx'),
      '--data',
      file('current.csv'),
      '--reference',
      file('reference.csv'),
      '--background-size',
      '300',
      '--reference-rows',
      '300',
      '--output-space',
      'log-odds',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as ExplainResult;
    expect(result.schemaVersion).toBe(1);
    expect(result.model!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.model!.inputs.map((i) => i.name)).toEqual(want.features);
    expect(result.output).toBe('log-odds');
    expect(result.features).toEqual(want.features);
    expect(result.rows).toHaveLength(200);
    for (const row of want.rows.current) {
      const got = result.rows[row.index]!;
      expect(got.index).toBe(row.index);
      for (const f of want.features) expect(Math.abs(got.shap[f]! - row['log-odds'].shap[f]!)).toBeLessThanOrEqual(1e-5);
    }
    for (const f of want.features) {
      expect(Math.abs(result.global[f]! - want.globalLogOdds.current[f]!)).toBeLessThanOrEqual(1e-5);
      expect(Math.abs(result.reference!.global[f]! - want.globalLogOdds.reference[f]!)).toBeLessThanOrEqual(1e-5);
    }
    expect(result.attributionDrift!.ranking.current[0]).toBe('spend');
  });

  it('explains picked rows against a background file (probability), recording the sample', async () => {
    const { code, out } = await run([
      '--model',
      file('churn.onnx'),
      '--data',
      file('current.csv'),
      '--background',
      file('reference.csv'),
      '--rows',
      '0,3',
      '--seed',
      '7',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as ExplainResult;
    expect(result.rows.map((r) => r.index)).toEqual([0, 3]);
    expect(result.background).toMatchObject({ source: 'reference', rows: 100, seed: 7 });
    expect(result.background!.sampled).toHaveLength(100);
    expect(result.attributionDrift).toBeUndefined();
    const sum = want.features.reduce((s, f) => s + result.rows[1]!.shap[f]!, 0);
    expect(Math.abs(sum - (result.rows[1]!.prediction! - result.baseValue!))).toBeLessThanOrEqual(1e-12);
  });

  it('refuses bad flags with exit 2 and one line', async () => {
    const cases: [string[], RegExp][] = [
      [['--data', file('current.csv')], /explain needs --model FILE.onnx and --data FILE/],
      [['--model', file('churn.onnx'), '--data', file('current.csv'), '--method', 'fast'], /--method: fast — use exact or kernel or auto/],
      [['--model', file('churn.onnx'), '--data', file('current.csv'), '--rows', '0,x'], /--rows: x is not a whole number/],
      [['--model', file('churn.onnx'), '--data', file('current.csv'), '--reference', file('reference.csv'), '--background', file('reference.csv')], /give one/],
      [['--model', file('churn.onnx'), '--data', file('current.csv'), '--repeats', '3'], /need --target COL/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });
});
