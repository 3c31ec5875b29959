import { describe, expect, it } from 'vitest';
import { energyDistanceFromSketches, ksFromSketches, wassersteinFromSketches } from '../../../lib/drift/from-profile-sketch';
import { energyDistance } from '../../../lib/stats/energy-distance';
import { createKll, kllRankErrorBound, updateKll } from '../../../lib/profile/mergeable/kll';
import { ks2Samp } from '../../../lib/stats/ks';
import { normedWasserstein, populationStd } from '../../../lib/stats/wasserstein';

function sample(seed: number, n: number, shift: number): Float64Array {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Float64Array.from({ length: n }, () => next() + next() + next() + shift);
}

function sketchOf(values: Float64Array, k = 200) {
  const sketch = createKll(k);
  updateKll(sketch, values);
  return sketch;
}

// The raw-row KS (scipy ks_2samp, tested in tests/unit/stats/ks.test.ts) is the reference.
describe('ks from two KLL sketches', () => {
  it('stays within ε_ref + ε_cur of the raw-row statistic on 1e5 values per side', () => {
    for (const shift of [0, 0.05, 0.3]) {
      const [a, b] = [sample(1, 100_000, 0), sample(2, 100_000, shift)];
      const approx = ksFromSketches(sketchOf(a), sketchOf(b));
      const exact = ks2Samp(a.slice().sort(), b.slice().sort());
      expect(Math.abs(approx.statistic! - exact.statistic)).toBeLessThanOrEqual(2 * kllRankErrorBound(200));
    }
  });

  it('is the raw-row statistic when the sketches kept every value (no compaction)', () => {
    const [a, b] = [sample(3, 150, 0), sample(4, 120, 0.4)];
    const approx = ksFromSketches(sketchOf(a), sketchOf(b));
    const exact = ks2Samp(a.slice().sort(), b.slice().sort());
    expect(approx.statistic).toBeCloseTo(exact.statistic, 14);
  });

  // The raw-row normed Wasserstein (scipy wasserstein_distance / np.std, tested in tests/unit/stats) is the reference.
  it('wasserstein stays within (ε_ref + ε_cur)·(max − min)/std of the raw rows on 1e5 values, equal without compaction', () => {
    for (const shift of [0, 0.05, 0.3]) {
      const [a, b] = [sample(5, 100_000, 0).sort(), sample(6, 100_000, shift).sort()];
      const std = populationStd(a);
      const approx = wassersteinFromSketches(sketchOf(a), sketchOf(b), std).statistic!;
      const range = Math.max(a[a.length - 1]!, b[b.length - 1]!) - Math.min(a[0]!, b[0]!);
      expect(Math.abs(approx - normedWasserstein(a, b))).toBeLessThanOrEqual((2 * kllRankErrorBound(200) * range) / std);
    }
    const [a, b] = [sample(7, 150, 0).sort(), sample(8, 120, 0.4).sort()];
    const approx = wassersteinFromSketches(sketchOf(a), sketchOf(b), populationStd(a)).statistic!;
    expect(Math.abs(approx - normedWasserstein(a, b)) / normedWasserstein(a, b)).toBeLessThan(1e-12);
  });

  // The raw-row energy distance (scipy energy_distance, tested in tests/unit/stats) is the reference.
  it('ed: ED² within 4·(ε_ref + ε_cur)·(max − min) of the raw rows on 1e5 values, equal without compaction', () => {
    for (const shift of [0, 0.05, 0.3]) {
      const [a, b] = [sample(9, 100_000, 0).sort(), sample(10, 100_000, shift).sort()];
      const approx = energyDistanceFromSketches(sketchOf(a), sketchOf(b)).statistic!;
      const range = Math.max(a[a.length - 1]!, b[b.length - 1]!) - Math.min(a[0]!, b[0]!);
      expect(Math.abs(approx ** 2 - energyDistance(a, b) ** 2)).toBeLessThanOrEqual(4 * 2 * kllRankErrorBound(200) * range);
    }
    const [a, b] = [sample(11, 150, 0).sort(), sample(12, 120, 0.4).sort()];
    const approx = energyDistanceFromSketches(sketchOf(a), sketchOf(b)).statistic!;
    expect(Math.abs(approx - energyDistance(a, b)) / energyDistance(a, b)).toBeLessThan(1e-12);
  });
});
