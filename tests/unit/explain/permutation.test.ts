import { describe, expect, it } from 'vitest';
import { permutationImportance } from '../../../lib/explain/permutation';
import type { PermutationMetric } from '../../../lib/explain/types';
import type { FeatureBatch } from '../../../lib/models/types';
import { featureNames, FIXTURE, linearPredictor, maxAbsDiff } from './fixture';

// Reference: sklearn 1.2.1 permutation_importance on a fitted LogisticRegression / LinearRegression
// (tests/fixtures/generate_explain.py); our predictors reproduce their predict_proba / predict from the
// exported coefficients, and our shuffles are sklearn's RandomState shuffles.
const batchOf = (X: number[][]): FeatureBatch => ({
  rows: X.length,
  columns: Object.fromEntries(featureNames(X[0]!.length).map((n, j) => [n, Float64Array.from(X, (r) => r[j]!)])),
});

describe('permutationImportance equals sklearn.inspection.permutation_importance', () => {
  const { classifier, regressor } = FIXTURE.permutation;

  it('the classifier predictor reproduces predict_proba (abs 1e-15)', async () => {
    const p = await linearPredictor(classifier.coef, classifier.intercept, featureNames(4))(batchOf(classifier.X));
    expect(maxAbsDiff(p, classifier.probabilities)).toBeLessThanOrEqual(1e-15);
  });

  for (const c of FIXTURE.permutation.cases) {
    it(`${c.model}, ${c.metric}, seed ${c.seed}, ${c.nRepeats} repeats: every importance (abs 1e-12), mean and std`, async () => {
      const model = c.model === 'classifier' ? classifier : regressor;
      const names = featureNames(model.X[0]!.length);
      const predictor = linearPredictor(model.coef, model.intercept, names, c.model === 'classifier' ? 'sigmoid' : 'identity');
      const got = await permutationImportance(predictor, batchOf(model.X), Float64Array.from(model.y), {
        metric: c.metric as PermutationMetric,
        nRepeats: c.nRepeats,
        seed: c.seed,
        batchRows: 64,
      });
      names.forEach((n, j) => {
        expect(maxAbsDiff(got.features[n]!.importances, c.importances[j]!)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(got.features[n]!.mean - c.mean[j]!)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(got.features[n]!.std - c.std[j]!)).toBeLessThanOrEqual(1e-12);
      });
      expect(got.rows).toBe(model.X.length);
    });
  }
});
