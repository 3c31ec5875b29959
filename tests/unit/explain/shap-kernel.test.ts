import { describe, expect, it } from 'vitest';
import { coalitionValues, type CoalitionContext } from '../../../lib/explain/coalitions';
import { explain } from '../../../lib/explain/explain';
import { readFeatures } from '../../../lib/explain/features';
import { linkFor } from '../../../lib/explain/output-space';
import { shapleyFromValues } from '../../../lib/explain/shap-exact';
import { kernelBudget, kernelCoalitions } from '../../../lib/explain/shap-kernel';
import { xoshiro128ss } from '../../../lib/stats/random';
import { datasetOf, featureNames, FIXTURE, linearPredictor, maxAbsDiff, treePredictor } from './fixture';

// Coalition scheme read from shap's KernelExplainer.explain (shap/explainers/_kernel.py, shap/shap):
// nsamples capped at max_samples = 2^M − 2; sizes s and M − s share the kernel weight (M−1)/(s(M−s));
// sizes are enumerated while the budget covers them, the rest sampled with complements.
describe('Kernel SHAP coalitions', () => {
  it('cap the budget at 2^M − 2', () => {
    expect(kernelBudget(5, 2048)).toBe(30);
    expect(kernelBudget(14, 2048)).toBe(2048);
  });

  it('enumerate every coalition exactly once at the cap, with the SHAP kernel weights normalised to 1', () => {
    const m = 6;
    const { masks, weights, count } = kernelCoalitions(m, 10_000, xoshiro128ss(1));
    expect(count).toBe(62);
    const seen = new Set<string>();
    let total = 0;
    for (let k = 0; k < count; k++) {
      const mask = masks.subarray(k * m, (k + 1) * m);
      seen.add(mask.join(''));
      const s = mask.reduce((a, b) => a + b, 0);
      // Kernel (M−1)/(C(M,s)·s·(M−s)), up to the common normalisation checked below.
      const binom = [1, 6, 15, 20, 15, 6, 1][s]!;
      expect(weights[k]! / ((m - 1) / (binom * s * (m - s)))).toBeCloseTo(weights[0]! / ((m - 1) / (6 * 1 * 5)), 14);
      total += weights[k]!;
    }
    expect(seen.size).toBe(62);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-14);
  });

  it('sample in complementary pairs below the cap, seeded (same seed, same coalitions)', () => {
    const m = 14;
    const a = kernelCoalitions(m, 500, xoshiro128ss(9));
    const b = kernelCoalitions(m, 500, xoshiro128ss(9));
    expect(a.count).toBe(500);
    expect(Array.from(a.masks)).toEqual(Array.from(b.masks));
    const size = (k: number) => a.masks.subarray(k * m, (k + 1) * m).reduce((x, y) => x + y, 0);
    // Sizes 1 and 13 are enumerated first (500 × their weight share covers their 28 coalitions; sizes 2/12 need 182,
    // more than 472 × their renormalised share, 128); after them every sampled coalition is followed by its
    // complement, except size 7 = M/2, whose complement has the same size (shap draws it alone).
    let k = 0;
    while (size(k) === 1 || size(k) === 13) k++;
    expect(k).toBe(28);
    let pairs = 0;
    while (k + 1 < a.count) {
      if (size(k) === 7) {
        k++;
        continue;
      }
      for (let j = 0; j < m; j++) expect(a.masks[k * m + j]! + a.masks[(k + 1) * m + j]!).toBe(1);
      pairs++;
      k += 2;
    }
    expect(pairs).toBeGreaterThan(50);
  });
});

describe('Kernel SHAP values', () => {
  const { tree } = FIXTURE;
  const names = featureNames(5);
  const data = {
    current: datasetOf(
      'rows',
      tree.cases.map((c) => c.x),
    ),
    reference: datasetOf('background', tree.background),
  };

  it('at 2^M − 2 coalitions equal the brute-force exact values (tree ensemble, abs 1e-10)', async () => {
    const result = await explain(data, treePredictor(tree.trees, tree.base, names), { features: names, method: 'kernel', samples: 2048, referenceRows: 0 });
    expect(result.method).toBe('kernel');
    expect(result.coalitions).toBe(30);
    tree.cases.forEach((want, i) =>
      expect(
        maxAbsDiff(
          names.map((n) => result.rows[i]!.shap[n]!),
          want.probability.shap,
        ),
      ).toBeLessThanOrEqual(1e-10),
    );
  });

  it('are exact for an additive model at any budget: logistic regression in log-odds, 14 features, 200 coalitions (abs 1e-9)', async () => {
    const m = 14;
    const names14 = featureNames(m);
    const w = Array.from({ length: m }, (_, j) => ((j % 5) - 2) * 0.4 + 0.1);
    const bg = Array.from({ length: 25 }, (_, i) => Array.from({ length: m }, (_, j) => Math.sin(i * 7 + j * 3)));
    const rows = [Array.from({ length: m }, (_, j) => Math.cos(j))];
    const result = await explain({ current: datasetOf('r', rows, names14), reference: datasetOf('bg', bg, names14) }, linearPredictor(w, 0.2, names14), {
      features: names14,
      outputSpace: 'log-odds',
      samples: 200,
      referenceRows: 0,
    });
    expect(result.method).toBe('kernel');
    const mean = names14.map((_, j) => bg.reduce((s, r) => s + r[j]!, 0) / bg.length);
    expect(
      maxAbsDiff(
        names14.map((n) => result.rows[0]!.shap[n]!),
        w.map((wj, j) => wj * (rows[0]![j]! - mean[j]!)),
      ),
    ).toBeLessThanOrEqual(1e-9);
  });

  it('stay within 0.005 of exact (measured 9e-4; largest |φ| 0.21) for a non-additive model with 13 features and 2048 of 8190 coalitions (logistic, probability)', async () => {
    const m = 13;
    const names13 = featureNames(m);
    const w = Array.from({ length: m }, (_, j) => ((j % 4) - 1.5) * 0.6);
    const bg = Array.from({ length: 12 }, (_, i) => Array.from({ length: m }, (_, j) => Math.sin(i * 5 + j * 2) * 1.5));
    const rows = [Array.from({ length: m }, (_, j) => Math.cos(j * 1.3) * 1.5)];
    const predictor = linearPredictor(w, -0.1, names13);
    const data13 = { current: datasetOf('r', rows, names13), reference: datasetOf('bg', bg, names13) };
    const kernel = await explain(data13, predictor, { features: names13, samples: 2048, referenceRows: 0 });
    // Exact reference: every one of the 2^13 coalitions through the same value function.
    const ctx: CoalitionContext = {
      features: names13,
      background: readFeatures(data13.reference, names13),
      predictor,
      link: linkFor('probability'),
      batchRows: 65536,
      clipped: 0,
    };
    const all = new Uint8Array(2 ** m * m);
    for (let k = 0; k < 2 ** m; k++) for (let j = 0; j < m; j++) all[k * m + j] = (k >> j) & 1;
    const exact = shapleyFromValues(await coalitionValues(ctx, readFeatures(data13.current, names13), 0, all), m);
    const got = names13.map((n) => kernel.rows[0]!.shap[n]!);
    const err = maxAbsDiff(got, exact);
    expect(err).toBeLessThanOrEqual(0.005);
    expect(kernel.coalitions).toBe(2048);
  });
});
