import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { expectClose, readJson, ROOT } from '../../support';

// Expected numbers from tests/fixtures/generate_multivariate.py (NannyML's DataReconstructionDriftCalculator re-implemented
// with sklearn 1.2: nannyml/drift/multivariate/data_reconstruction/calculator.py).
const path = (name: string) => join(ROOT, 'tests/fixtures/multivariate', name);
const expected = readJson<Record<string, { threshold: { lower: number | null; upper: number }; components: number }>>(
  'tests/fixtures/multivariate/expected.json',
);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['multivariate', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const pair = ['--reference', path('numeric-reference.csv'), '--current', path('numeric-current.csv')];

describe('driftbook multivariate', () => {
  it('prints the issue’s JSON (method, components, thresholds, chunks) equal to the fixture', async () => {
    const { code, out, err } = await run([...pair, '--chunks', '6', '--variance', '0.9']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { schemaVersion: number; method: string; components: number; threshold: { lower: number | null; upper: number } };
    expect(json).toMatchObject({ schemaVersion: 1, method: 'pca', components: expected.numeric!.components });
    expectClose(json.threshold.upper, expected.numeric!.threshold.upper, 1e-9, 'upper');
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['method', 'components', 'threshold', 'reference', 'current', 'features', 'categorical', 'chunkBy', 'warnings']),
    );
  });

  it.each([
    [['--method', 'umap'], 'driftbook: --method: umap — use pca or classifier\n'],
    [['--variance', '1.5'], 'driftbook: --variance: 1.5 is not a share between 0 and 1 (e.g. 0.65)\n'],
    [['--chunks', '3', '--chunk-size', '10'], 'driftbook: --chunk-size and --chunks given — choose one way to chunk\n'],
    [['--folds', '3'], 'driftbook: --folds, --seed and --repeats are settings of --method classifier\n'],
    [['--method', 'classifier', '--folds', '1'], 'driftbook: --folds: 1 is not a whole number of 2 or more\n'],
    [['--period', 'day'], 'driftbook: --period and --time-zone need --timestamp COL\n'],
    [['--columns', 'a,nope'], 'driftbook: column "nope": not in numeric-current.csv — both files need every feature column\n'],
  ])('refuses %j with one line', async (flags, message) => {
    const { code, err, out } = await run([...pair, ...flags]);
    expect(out).toBe('');
    expect(err).toBe(message);
    expect(code).toBe(2);
  });
});
