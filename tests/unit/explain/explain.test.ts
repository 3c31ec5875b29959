import { describe, expect, it } from 'vitest';
import { explain } from '../../../lib/explain/explain';
import { datasetOf, featureNames, FIXTURE, linearPredictor, maxAbsDiff } from './fixture';

describe('explain(): the issue-18 JSON', () => {
  const { classifier } = FIXTURE.permutation;
  const names = featureNames(4);
  const withTarget = (rows: number[][], y: number[]) =>
    datasetOf(
      'clf',
      rows.map((r, i) => [...r, y[i]!]),
      [...names, 'y'],
    );
  const current = withTarget(classifier.X, classifier.y);
  const reference = withTarget(classifier.X.slice(0, 120), classifier.y.slice(0, 120));
  const predictor = linearPredictor(classifier.coef, classifier.intercept, names);

  it('explains reference and current rows, with attribution drift and sklearn-equal permutation importance', async () => {
    const progress: [number, number][] = [];
    const result = await explain(
      { current, reference },
      predictor,
      { features: names, maxRows: 50, referenceRows: 40, backgroundSize: 30, permutation: { target: 'y', metric: 'accuracy', nRepeats: 5 } },
      { onProgress: (done, total) => progress.push([done, total]), model: { sha256: 'abc', inputs: [], outputs: [] } },
    );
    expect(Object.keys(result).sort()).toEqual(
      [
        'attributionDrift',
        'background',
        'baseValue',
        'coalitions',
        'features',
        'global',
        'method',
        'model',
        'output',
        'permutation',
        'reference',
        'rows',
        'schemaVersion',
        'warnings',
      ].sort(),
    );
    expect(result.schemaVersion).toBe(1);
    expect(result.model!.sha256).toBe('abc');
    expect(result.rows).toHaveLength(50);
    expect(result.background!.rows).toBe(30);
    expect(result.background!.sampled).toHaveLength(30);
    expect(result.reference!.rows).toBe(40);
    expect(result.attributionDrift!.features).toHaveLength(4);
    // Global importance is mean |SHAP| over the explained rows.
    const mean = names.map((n) => result.rows.reduce((s, r) => s + Math.abs(r.shap[n]!), 0) / 50);
    expect(
      maxAbsDiff(
        names.map((n) => result.global[n]!),
        mean,
      ),
    ).toBeLessThanOrEqual(1e-15);
    // sklearn permutation_importance(accuracy, n_repeats=5, random_state=42) on the same 200 rows.
    const want = FIXTURE.permutation.cases.find((c) => c.metric === 'accuracy')!;
    names.forEach((n, j) => expect(maxAbsDiff(result.permutation!.current.features[n]!.importances, want.importances[j]!)).toBeLessThanOrEqual(1e-12));
    expect(result.permutation!.reference!.rows).toBe(120);
    expect(progress.at(-1)).toEqual([50 + 40 + 2 * 5 * 4, 50 + 40 + 2 * 5 * 4]);
  });

  it('names a row outside the data, and stops when cancelled', async () => {
    await expect(explain({ current }, predictor, { features: names, rows: [200] })).rejects.toThrow(
      /row 200 is not a data row of clf \(0–199; rows are 0-based\)/,
    );
    await expect(explain({ current }, predictor, { features: ['nope'] })).rejects.toThrow(/column "nope" is not in clf/);
    const controller = new AbortController();
    controller.abort();
    await expect(explain({ current }, predictor, { features: names }, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('clips exact 0/1 probabilities before the logit and says so', async () => {
    const hard = linearPredictor([1000, 0, 0, 0], 0, names);
    const result = await explain({ current }, hard, { features: names, rows: [0], outputSpace: 'log-odds', backgroundSize: 10 });
    expect(result.warnings.join(' ')).toMatch(/clipped to \[1e-12, 1 − 1e-12\]/);
  });
});
