import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { expectClose, expectCloseOrNull, readJson, ROOT } from '../../support';

// Expected numbers: tests/fixtures/generate_compare.py (statsmodels 0.13.5, scipy 1.10, sklearn 1.2, numpy's
// RandomState bootstrap) — the same cases tests/unit/compare/compare-models.test.ts checks field by field;
// here the CLI's flags, JSON shape and usage errors.
type Maybe = number | null;
interface Case {
  name: string;
  models: string[];
  resamples: number;
  metrics: Record<string, Record<string, Maybe>>;
  pairs: { a: string; b: string; deltas: Record<string, { value: Maybe; ci: [Maybe, Maybe] }>; mcnemar?: { pValue: number; exact: boolean } }[];
  friedman?: { statistic: Maybe; pValue: Maybe; meanRanks: Record<string, number> };
}
const cases = readJson<Case[]>('tests/fixtures/compare/cases.json');
const byName = (name: string) => cases.find((c) => c.name === name)!;
const file = (name: string) => join(ROOT, 'tests/fixtures/compare', `${name}.csv`);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['compare', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('driftbook compare', () => {
  it("prints the issue's JSON for a shadow comparison with scores and chunks (numbers of the Python reference)", async () => {
    const c = byName('binary');
    const args = ['--data', file('binary'), '--target', 'y', '--models', c.models.join(','), '--scores', c.models.map((m) => `s_${m}`).join(',')];
    const { code, out, err } = await run([...args, '--pos-label', '1', '--chunks', '6', '--bootstrap', String(c.resamples), '--seed', '42']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json).sort()).toEqual(['bootstrap', 'friedman', 'mode', 'models', 'pairs', 'rows', 'schemaVersion', 'task', 'verdict', 'warnings']);
    expect(json.schemaVersion).toBe(1);
    expect(json.task).toBe('classification');
    expect(json.bootstrap).toEqual({ resamples: c.resamples, seed: 42 });
    expect(json.models.map((m: { name: string }) => m.name)).toEqual(c.models);
    expectClose(json.models[1].metrics.accuracy, c.metrics[c.models[1]!]!.accuracy!, 1e-9, 'accuracy');
    const pair = json.pairs[0];
    expect(Object.keys(pair)).toEqual(expect.arrayContaining(['a', 'b', 'agreement', 'cohenKappa', 'mcnemar', 'delong', 'deltas']));
    expect(pair.mcnemar.exact).toBe(c.pairs[0]!.mcnemar!.exact);
    expectClose(pair.mcnemar.pValue, c.pairs[0]!.mcnemar!.pValue, 1e-6, 'McNemar p');
    const d = c.pairs[0]!.deltas.accuracy!;
    expectCloseOrNull(pair.deltas.accuracy.ci[0], d.ci[0], 1e-9, 'Δ accuracy lower');
    expectCloseOrNull(pair.deltas.accuracy.ci[1], d.ci[1], 1e-9, 'Δ accuracy upper');
    expectCloseOrNull(json.friedman.statistic, c.friedman!.statistic, 1e-9, 'Friedman');
    expect(json.verdict).toMatch(/^challenger|vs /);
    expect(json.verdict).toContain('McNemar p = ');
  });

  it('runs a canary comparison and a regression comparison', async () => {
    const canary = await run(['--data', file('canary'), '--target', 'y', '--prediction', 'pred', '--model-column', 'model', '--bootstrap', '50']);
    expect(canary.code).toBe(0);
    const json = JSON.parse(canary.out);
    expect(json.mode).toBe('canary');
    expect(json.pairs[0].agreement).toBeNull();
    const c = byName('regression');
    const reg = await run(['--data', file('regression'), '--target', 'y', '--models', c.models.join(','), '--bootstrap', '20']);
    expect(reg.code).toBe(0);
    const r = JSON.parse(reg.out);
    expect(r.task).toBe('regression');
    expect(Object.keys(r.pairs[0])).toEqual(expect.arrayContaining(['wilcoxon', 'pairedT']));
  });

  it.each([
    [['--target', 'y', '--models', 'a,b'], /--data/],
    [['--data', 'X', '--models', 'a,b'], /--target/],
    [['--data', 'X', '--target', 'y'], /--models/],
    [['--data', 'X', '--target', 'y', '--models', 'a,b', '--model-column', 'm'], /both given/],
    [['--data', 'X', '--target', 'y', '--models', 'a,b', '--blocks', 'g', '--chunks', '3'], /--blocks and --chunks/],
    [['--data', 'X', '--target', 'y', '--models', 'a,b', '--chunks', '1'], /--chunks: 1/],
    [['--data', 'X', '--target', 'y', '--models', 'a,b', '--seed', '-3'], /--seed: -3/],
    [['--data', 'X', '--target', 'y', '--models', 'a,b', '--task', 'binary'], /--task: binary/],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const { code, out, err } = await run(args as string[]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('names a missing column (exit 2)', async () => {
    const { code, err } = await run(['--data', file('binary'), '--target', 'y', '--models', 'champ,nope']);
    expect(code).toBe(2);
    expect(err).toMatch(/nope/);
  });
});
