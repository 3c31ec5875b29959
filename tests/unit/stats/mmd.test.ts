import { describe, expect, it } from 'vitest';
import { empiricalMmd, MMD_MAX_SAMPLES } from '../../../lib/stats/mmd';
import { xoshiro128ss } from '../../../lib/stats/random';
import { decodeSample, expectClose, num, type Num, readJson, relFloor, type SampleSpec } from '../../support';

const fixture = readJson<{
  numpy: string;
  cases: {
    name: string;
    ref: SampleSpec;
    cur: SampleSpec;
    seed: number;
    permutations: number;
    maxSamples: number;
    statistic: Num;
    pValue: number;
    pValueTies: number;
    published?: number;
  }[];
}>('tests/fixtures/stats-binned/mmd.json');

/** Standard normals by Box–Muller (test data only). */
function normals(n: number, shift: number, rng: ReturnType<typeof xoshiro128ss>): Float64Array {
  return Float64Array.from({ length: n }, () => shift + Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
}

describe(`empiricalMmd vs a numpy ${fixture.numpy} replay of Evidently's mmd_pval`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const ref = decodeSample(c.ref);
      const cur = decodeSample(c.cur);
      const res = empiricalMmd(ref, cur, { seed: c.seed, permutations: c.permutations, maxSamples: c.maxSamples });
      // Kernel sums differ from numpy only in summation order; MMD² can be ~1e-4 next to O(1) terms.
      expectClose(res.statistic, num(c.statistic), relFloor(1e-9, 1e-12), `${c.name}: MMD²`);
      // Same permutation stream as np.random.seed(seed); ties up to rounding count as ≥.
      expect(res.pValue, `${c.name}: p-value with np.random.seed(${c.seed})`).toBe(c.pValueTies);
      expect(res).toMatchObject({ seed: c.seed, permutations: c.permutations, sampled: ref.length > c.maxSamples || cur.length > c.maxSamples });
      if (c.pValue !== c.pValueTies) {
        // Evidently's literal float comparison splits tied permutations by rounding noise.
        expect(c.published, `${c.name}: only tie-heavy public vectors differ`).toBeDefined();
        expect(res.pValue).toBe(1);
      } else {
        expect(res.pValue, `${c.name}: Evidently's literal p-value`).toBe(c.pValue);
        if (c.published !== undefined) expect(Math.abs(res.pValue - c.published), 'Evidently test_empirical_mmd').toBeLessThanOrEqual(1e-2);
      }
    });
  }
});

describe('empiricalMmd behaviour', () => {
  it(`defaults to 100 permutations, seed 42 and ${MMD_MAX_SAMPLES} values per side, deterministically`, () => {
    const rng = xoshiro128ss(1);
    const x = normals(80, 0, rng);
    const y = normals(70, 0.3, rng);
    const a = empiricalMmd(x, y);
    expect(a).toMatchObject({ permutations: 100, seed: 42, sampled: false });
    expect(empiricalMmd(x, y)).toEqual(a);
    expect(empiricalMmd(x, y, { seed: 5 }).statistic).toBe(a.statistic);
  });

  it('subsamples above maxSamples and says so', () => {
    const rng = xoshiro128ss(2);
    const res = empiricalMmd(normals(300, 0, rng), normals(50, 0, rng), { maxSamples: 100 });
    expect(res.sampled).toBe(true);
  });

  it('gives p = 0 under a clear shift', () => {
    const rng = xoshiro128ss(3);
    expect(empiricalMmd(normals(100, 0, rng), normals(100, 1.5, rng)).pValue).toBe(0);
  });

  it('gives roughly uniform p-values under H0 (50 seeded trials)', () => {
    const rng = xoshiro128ss(4);
    const ps = Array.from({ length: 50 }, (_, t) => empiricalMmd(normals(40, 0, rng), normals(40, 0, rng), { seed: t }).pValue).sort((a, b) => a - b);
    const mean = ps.reduce((s, p) => s + p, 0) / ps.length;
    const ksD = Math.max(...ps.map((p, i) => Math.max(Math.abs((i + 1) / ps.length - p), Math.abs(i / ps.length - p))));
    expect(mean, 'mean p-value').toBeGreaterThan(0.38);
    expect(mean, 'mean p-value').toBeLessThan(0.62);
    expect(ksD, 'Kolmogorov distance to U(0, 1) (5% critical value 0.19)').toBeLessThan(0.23);
  });

  it('rejects samples it cannot test', () => {
    const x = Float64Array.from([1, 2, 3]);
    expect(() => empiricalMmd(Float64Array.from([1]), x)).toThrow(/at least 2 values/);
    expect(() => empiricalMmd(x, Float64Array.from([1, NaN]))).toThrow(/finite/);
    expect(() => empiricalMmd(x, x, { permutations: 0 })).toThrow(/permutations/);
  });
});
