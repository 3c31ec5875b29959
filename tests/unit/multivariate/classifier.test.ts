import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { crossValidate, DEFAULT_CLASSIFIER } from '../../../lib/multivariate/classifier';
import { multivariateDrift } from '../../../lib/multivariate/multivariate';
import { fitStandardised, scaledRows } from '../../../lib/multivariate/reconstruction';
import { stratifiedKFold } from '../../../lib/stats/stratified-kfold';
import { expectClose, readFixture, readJson } from '../../support';

// tests/fixtures/generate_multivariate.py: sklearn 1.2 StratifiedKFold(5, shuffle=True, random_state=42) test folds,
// LogisticRegression(C=1, tol=1e-12) out-of-fold predict_proba and roc_auc_score on the features imputed, encoded
// and standardised on the reference (after nannyml/drift/multivariate/domain_classifier/calculator.py `_calculate_chunk`).
interface Case {
  features: string[];
  classifier: { folds: number[]; probabilities: number[]; auc: number };
}
const expected = readJson<Record<string, Case>>('tests/fixtures/multivariate/expected.json');
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/multivariate/${name}`), name);

describe.each(['mixed', 'numeric'])('domain classifier = sklearn (%s)', (name) => {
  const want = expected[name]!;

  it('splits as StratifiedKFold(5, shuffle=True, random_state=42), fits LogisticRegression(C=1) and scores its ROC AUC', async () => {
    const reference = await load(`${name}-reference.csv`);
    const current = await load(`${name}-current.csv`);
    const fitted = fitStandardised(reference, want.features);
    const cur = scaledRows(current, fitted.encoding, fitted.scaler);
    const x = new Float64Array(fitted.x.length + cur.length);
    x.set(fitted.x);
    x.set(cur, fitted.x.length);
    const cv = crossValidate(x, reference.table.numRows, want.features.length, DEFAULT_CLASSIFIER);
    expect(Array.from(cv.folds)).toEqual(want.classifier.folds);
    // The optimum is unique: Newton here stops at a step below 1e-12, sklearn's newton-cg at max |gradient| ≤ 1e-12 with
    // inexact inner CG solves, which leaves ~1e-7 relative on the collinear features of the numeric case.
    want.classifier.probabilities.forEach((p, i) => expectClose(cv.probabilities[i], p, 1e-6, `row ${i}`));
    expectClose(cv.auc, want.classifier.auc, 1e-12, 'auc');
    const got = await multivariateDrift(reference, current, { method: 'classifier', columns: want.features, chunks: 3 });
    expectClose(got.auc, want.classifier.auc, 1e-12, 'multivariateDrift auc');
    expect(got.classifier).toEqual(DEFAULT_CLASSIFIER);
    expect(got.featureImportance!.map((f) => f.feature).sort()).toEqual([...want.features].sort());
    expect(got.current.chunks).toHaveLength(3);
  });
});

describe('stratified k-fold', () => {
  it('keeps each class share per fold (sizes differ by at most one)', () => {
    const y = Array.from({ length: 103 }, (_, i) => (i < 40 ? 0 : 1));
    const folds = stratifiedKFold(y, 5, 7);
    for (const k of [0, 1]) {
      const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((g, i) => g === f && y[i] === k).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(() => stratifiedKFold([0, 1, 1], 5, 1)).toThrow(/more than the rows of every class/);
  });
});

describe('permutation importance', () => {
  it('ranks the shifted feature first, a constant one at 0', async () => {
    const want = expected.numeric!;
    const got = await multivariateDrift(await load('numeric-reference.csv'), await load('numeric-current.csv'), {
      method: 'classifier',
      columns: want.features,
      chunks: 1,
    });
    expect(got.featureImportance![0]!.feature).toBe('a');
    expect(got.featureImportance![0]!.mean).toBeGreaterThan(0.02);
    const constant = got.featureImportance!.find((f) => f.feature === 'e')!;
    expect(constant.mean).toBe(0);
  });
});
