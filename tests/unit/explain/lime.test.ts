import { describe, expect, it } from 'vitest';
import { explain } from '../../../lib/explain/explain';
import { weightedRidge } from '../../../lib/explain/weighted-ridge';
import { datasetOf, featureNames, FIXTURE, linearPredictor, maxAbsDiff } from './fixture';

describe('weightedRidge equals sklearn Ridge(alpha).fit(X, y, sample_weight=w)', () => {
  const { ridge } = FIXTURE;
  for (const c of ridge.cases) {
    it(`alpha ${c.alpha}: coefficients, intercept and weighted score (abs 1e-12)`, () => {
      const fit = weightedRidge(Float64Array.from(ridge.X.flat()), Float64Array.from(ridge.y), Float64Array.from(ridge.w), c.alpha);
      expect(maxAbsDiff(fit.coefficients, c.coef)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(fit.intercept - c.intercept)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(fit.r2 - c.score)).toBeLessThanOrEqual(1e-12);
    });
  }
});

describe('LIME surrogate', () => {
  const names = featureNames(3);
  const bg = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(i * 2) * 3, (i % 7) - 3]);
  const std = names.map((_, j) => {
    const v = bg.map((r) => r[j]!);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  });
  const w = [1.5, -0.4, 0.25];
  const data = { current: datasetOf('rows', [[0.3, -1, 2]]), reference: datasetOf('bg', bg) };

  it('recovers a linear model: coefficient = w_j·σ_j (ridge shrinkage < 1e-3 at α = 1, 5000 samples), fidelity 1 − O(α shrinkage) (≥ 1 − 1e-6), intercept f(x)', async () => {
    const result = await explain(data, linearPredictor(w, 0.5, names, 'identity'), { features: names, rows: [0], referenceRows: 0, local: { row: 0 } });
    const lime = result.local!.lime!;
    expect(lime.samples).toBe(5000);
    expect(lime.kernelWidth).toBeCloseTo(0.75 * Math.sqrt(3), 15);
    names.forEach((n, j) => expect(Math.abs(lime.coefficients[n]! - w[j]! * std[j]!)).toBeLessThanOrEqual(1e-3 * Math.abs(w[j]! * std[j]!)));
    expect(lime.fidelity).toBeGreaterThanOrEqual(1 - 1e-6);
    expect(lime.fidelity).toBeLessThanOrEqual(1);
    expect(Math.abs(lime.localPrediction - lime.prediction)).toBeLessThanOrEqual(1e-3);
    expect(lime.prediction).toBeCloseTo(0.5 + 1.5 * 0.3 - 0.4 * -1 + 0.25 * 2, 12);
    expect(result.local!.row.index).toBe(0);
  });

  it('reports a fidelity below 1 for a curved model, and is seeded (same seed, same surrogate)', async () => {
    const config = { features: names, rows: [0], referenceRows: 0, local: { row: 0, samples: 500 } };
    const predictor = linearPredictor([3, -2, 1], 0, names);
    const a = await explain(data, predictor, config);
    const b = await explain(data, predictor, config);
    expect(a.local!.lime).toEqual(b.local!.lime);
    expect(a.local!.lime!.fidelity).toBeGreaterThan(0);
    expect(a.local!.lime!.fidelity).toBeLessThan(1);
  });
});
