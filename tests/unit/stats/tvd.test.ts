import { describe, expect, it } from 'vitest';
import { totalVariation, tvdPermutationTest, tvdPermutationTestEvidently } from '../../../lib/stats/tvd';
import { xoshiro128ss } from '../../../lib/stats/random';
import { type Num, num, readJson } from '../../support';

const tvd = readJson<{
  numpy: string;
  statistic: { ref: number[]; cur: number[]; statistic: Num }[];
  evidently: {
    name: string;
    refCodes: number[];
    curCodes: number[];
    seed: number;
    permutations: number;
    statistic: Num;
    pValue: number;
    published?: number;
  }[];
}>('tests/fixtures/stats-binned/tvd.json');
const exact = readJson<{ exactTvdPValue: { ref: number[]; cur: number[]; pValue: number }[] }>('tests/fixtures/stats-binned/permutation.json').exactTvdPValue;

/** Category counts of `n` draws from `probs` (test data only). */
function multinomial(probs: number[], n: number, rng: ReturnType<typeof xoshiro128ss>): number[] {
  const counts = probs.map(() => 0);
  for (let i = 0; i < n; i++) {
    let u = rng.nextDouble();
    let k = 0;
    while (k < probs.length - 1 && u >= probs[k]!) u -= probs[k++]!;
    counts[k]!++;
  }
  return counts;
}

describe(`totalVariation vs Evidently _total_variation_distance (numpy ${tvd.numpy})`, () => {
  for (const c of tvd.statistic) {
    it(`[${c.ref}] vs [${c.cur}]`, () => {
      expect(totalVariation(c.ref, c.cur)).toBe(num(c.statistic));
    });
  }

  it('rejects misaligned, negative or empty counts', () => {
    expect(() => totalVariation([1, 2], [1])).toThrow(/2 categories, current 1/);
    expect(() => totalVariation([1, -2], [1, 1])).toThrow(/non-negative integers/);
    expect(() => totalVariation([0, 0], [1, 1])).toThrow(/reference has no values/);
  });
});

describe("tvdPermutationTestEvidently replays Evidently's tvd_stattest bit for bit", () => {
  for (const c of tvd.evidently) {
    it(c.name, () => {
      const res = tvdPermutationTestEvidently(c.refCodes, c.curCodes, { seed: c.seed, permutations: c.permutations });
      expect(res.statistic, 'statistic').toBe(num(c.statistic));
      expect(res.pValue, 'p-value of the numpy replay').toBe(c.pValue);
      expect(res).toMatchObject({ seed: c.seed, permutations: c.permutations });
      if (c.published !== undefined) expect(Math.abs(res.pValue - c.published), 'published value').toBeLessThanOrEqual(1e-3);
    });
  }

  it("defaults to Evidently's seed 0 and 1000 permutations", () => {
    const c = tvd.evidently[0]!;
    expect(tvdPermutationTestEvidently(c.refCodes, c.curCodes)).toMatchObject({ seed: 0, permutations: 1000, pValue: c.pValue });
  });
});

describe('tvdPermutationTest (seeded relabelling, (1 + #) / (1 + B))', () => {
  it('is deterministic for a seed, records seed and permutations, and defaults to 42 / 1000', () => {
    const a = tvdPermutationTest([30, 50, 20], [45, 40, 15]);
    expect(a).toMatchObject({ seed: 42, permutations: 1000 });
    expect(tvdPermutationTest([30, 50, 20], [45, 40, 15], { seed: 42 })).toEqual(a);
    const b = tvdPermutationTest([30, 50, 20], [45, 40, 15], { seed: 7, permutations: 500 });
    expect(b).toMatchObject({ seed: 7, permutations: 500, statistic: a.statistic });
  });

  for (const c of exact) {
    it(`agrees with the exact permutation p-value ${c.pValue.toPrecision(4)} for [${c.ref}] vs [${c.cur}]`, () => {
      const B = 2000;
      const { pValue } = tvdPermutationTest(c.ref, c.cur, { permutations: B, seed: 1 });
      const se = Math.sqrt((c.pValue * (1 - c.pValue)) / B);
      expect(Math.abs(pValue - c.pValue), `p ${pValue} vs exact ${c.pValue}`).toBeLessThanOrEqual(4 * se + 1 / (B + 1));
    });
  }

  it('gives the smallest possible p-value under a clear shift', () => {
    expect(tvdPermutationTest([100, 100, 100], [10, 50, 240]).pValue).toBe(1 / 1001);
  });

  it('gives roughly uniform p-values under H0 (50 seeded trials)', () => {
    const rng = xoshiro128ss(99);
    const probs = [0.1, 0.2, 0.3, 0.4];
    const ps = Array.from(
      { length: 50 },
      (_, t) => tvdPermutationTest(multinomial(probs, 200, rng), multinomial(probs, 150, rng), { permutations: 500, seed: t }).pValue,
    ).sort((x, y) => x - y);
    const mean = ps.reduce((s, p) => s + p, 0) / ps.length;
    const ksD = Math.max(...ps.map((p, i) => Math.max(Math.abs((i + 1) / ps.length - p), Math.abs(i / ps.length - p))));
    expect(mean, 'mean p-value').toBeGreaterThan(0.38);
    expect(mean, 'mean p-value').toBeLessThan(0.62);
    expect(ksD, 'Kolmogorov distance to U(0, 1) (5% critical value 0.19)').toBeLessThan(0.23);
  });

  it('handles a million values per side', () => {
    const res = tvdPermutationTest([250000, 250000, 300000, 200000], [250000, 250000, 300000, 200000], { permutations: 200 });
    expect(res.statistic).toBe(0);
    expect(res.pValue).toBe(1);
  });
});
