import { describe, expect, it } from 'vitest';
import { explain } from '../../../lib/explain/explain';
import { shapleyWeights } from '../../../lib/explain/shap-exact';
import type { OutputSpace } from '../../../lib/explain/types';
import { datasetOf, featureNames, FIXTURE, linearPredictor, maxAbsDiff, treePredictor } from './fixture';

// Reference: tests/fixtures/generate_explain.py sums the definition over every subset in numpy.
const TOL = 1e-12;

describe('exact interventional SHAP equals the brute-force definition', () => {
  for (const space of ['probability', 'log-odds'] as OutputSpace[]) {
    it(`tree ensemble, ${space}: every value, base value and prediction (abs 1e-12)`, async () => {
      const { tree } = FIXTURE;
      const names = featureNames(5);
      const result = await explain(
        {
          current: datasetOf(
            'rows',
            tree.cases.map((c) => c.x),
          ),
          reference: datasetOf('background', tree.background),
        },
        treePredictor(tree.trees, tree.base, names),
        { features: names, outputSpace: space, referenceRows: 0 },
      );
      expect(result.method).toBe('exact');
      expect(result.coalitions).toBe(32);
      // 20 background rows < the default 100: used whole.
      expect(result.background).toEqual({ source: 'reference', rows: 20, seed: 42 });
      tree.cases.forEach((want, i) => {
        const row = result.rows[i]!;
        expect(row.index).toBe(i);
        expect(
          maxAbsDiff(
            names.map((n) => row.shap[n]!),
            want[space].shap,
          ),
        ).toBeLessThanOrEqual(TOL);
        expect(Math.abs(row.prediction! - want[space].prediction)).toBeLessThanOrEqual(TOL);
        // Efficiency: the values sum to f(x) − baseValue.
        const sum = names.reduce((s, n) => s + row.shap[n]!, 0);
        expect(Math.abs(sum - (row.prediction! - result.baseValue!))).toBeLessThanOrEqual(TOL);
      });
      expect(Math.abs(result.baseValue! - tree.cases[0]![space].baseValue)).toBeLessThanOrEqual(TOL);
    });
  }

  it('logistic regression in log-odds: φ_i = w_i·(x_i − mean_background x_i) (abs 1e-12), and the brute force in probability', async () => {
    const { logistic } = FIXTURE;
    const names = featureNames(4);
    const data = {
      current: datasetOf(
        'rows',
        logistic.cases.map((c) => c.x),
      ),
      reference: datasetOf('background', logistic.background),
    };
    const predictor = linearPredictor(logistic.w, logistic.b, names);
    const logOdds = await explain(data, predictor, { features: names, outputSpace: 'log-odds', referenceRows: 0 });
    const probability = await explain(data, predictor, { features: names, referenceRows: 0 });
    logistic.cases.forEach((want, i) => {
      expect(
        maxAbsDiff(
          names.map((n) => logOdds.rows[i]!.shap[n]!),
          logistic.closedForm[i]!,
        ),
      ).toBeLessThanOrEqual(TOL);
      expect(
        maxAbsDiff(
          names.map((n) => probability.rows[i]!.shap[n]!),
          want.probability.shap,
        ),
      ).toBeLessThanOrEqual(TOL);
    });
    expect(logOdds.warnings).toEqual([]);
  });

  it('Shapley weights s!(M−s−1)!/M! sum to 1 over coalitions not holding a feature', () => {
    const m = 7;
    const w = shapleyWeights(m);
    let total = 0;
    let binom = 1;
    for (let s = 0; s < m; s++) {
      total += binom * w[s]!;
      binom = (binom * (m - 1 - s)) / (s + 1);
    }
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-15);
    expect(w[0]).toBe(1 / 7);
  });

  it('refuses exact enumeration beyond 12 features, naming the kernel method', async () => {
    const names = featureNames(13);
    const rows = [Array.from({ length: 13 }, (_, j) => j)];
    await expect(
      explain({ current: datasetOf('r', rows) }, linearPredictor(Array(13).fill(1), 0, names), { features: names, method: 'exact' }),
    ).rejects.toThrow(/13 features, at most 12 — use --method kernel/);
  });
});
