import { describe, expect, it } from 'vitest';
import { chi2Sf } from '../../../lib/stats/chisquare';
import { hypergeometricPmf, permutationPValue, sampleHypergeometric, sampleWithoutReplacement } from '../../../lib/stats/permutation';
import { xoshiro128ss } from '../../../lib/stats/random';
import { expectClose, num, type Num, readJson, relFloor } from '../../support';

const fixture = readJson<{
  scipy: string;
  hypergeomPmf: { good: number; bad: number; sample: number; k: number; scipy: Num; truth: Num }[];
}>('tests/fixtures/stats-binned/permutation.json');

describe(`hypergeometricPmf vs scipy ${fixture.scipy} stats.hypergeom.pmf and 40-digit mpmath`, () => {
  it(`matches ${fixture.hypergeomPmf.length} points, populations up to 2·10^6 and tails down to 1e-300`, () => {
    for (const c of fixture.hypergeomPmf) {
      const label = `pmf(${c.k}; good ${c.good}, bad ${c.bad}, sample ${c.sample})`;
      const p = hypergeometricPmf(c.k, c.good, c.bad, c.sample);
      expectClose(p, num(c.truth), relFloor(1e-11), `${label} vs mpmath`);
      expectClose(p, num(c.scipy), relFloor(1e-9), `${label} vs scipy`);
    }
  });

  it('is 0 off the support and 1 on a one-point support', () => {
    expect(hypergeometricPmf(5, 3, 10, 6)).toBe(0);
    expect(hypergeometricPmf(-1, 3, 10, 6)).toBe(0);
    expect(hypergeometricPmf(3, 3, 0, 3)).toBe(1);
    expect(hypergeometricPmf(0, 5, 5, 0)).toBe(1);
    expect(() => hypergeometricPmf(1, 3, 2, 6)).toThrow(RangeError);
  });
});

describe('sampleHypergeometric', () => {
  it('draws frequencies that fit the pmf (chi-square goodness of fit, seeded)', () => {
    const [good, bad, sample, draws] = [30, 70, 25, 20000];
    const rng = xoshiro128ss(11);
    const seen = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const k = sampleHypergeometric(good, bad, sample, rng);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    // Pool the tails into cells with expected count ≥ 5.
    let stat = 0;
    let cells = 0;
    let observedTail = 0;
    let expectedTail = 0;
    for (let k = 0; k <= sample; k++) {
      observedTail += seen.get(k) ?? 0;
      expectedTail += draws * hypergeometricPmf(k, good, bad, sample);
      if (expectedTail >= 5 || k === sample) {
        stat += (observedTail - expectedTail) ** 2 / expectedTail;
        cells++;
        observedTail = 0;
        expectedTail = 0;
      }
    }
    expect(chi2Sf(stat, cells - 1), `chi-square ${stat.toFixed(2)} on ${cells - 1} df`).toBeGreaterThan(0.001);
  });

  it('draws, for few good items or few draws (the short-product path), what inversion over the saddle-point pmf draws', () => {
    // Reference: the same chop-down search from the mode, every probability from hypergeometricPmf.
    const reference = (good: number, bad: number, sample: number, u: number): number => {
      const lo = Math.max(0, sample - bad);
      const hi = Math.min(sample, good);
      if (lo === hi) return lo;
      const mode = Math.min(hi, Math.max(lo, Math.floor(((sample + 1) * (good + 1)) / (good + bad + 2))));
      let left = u - hypergeometricPmf(mode, good, bad, sample);
      if (left < 0) return mode;
      for (let step = 1; mode + step <= hi || mode - step >= lo; step++) {
        for (const k of [mode + step, mode - step]) {
          if (k < lo || k > hi) continue;
          left -= hypergeometricPmf(k, good, bad, sample);
          if (left < 0) return k;
        }
      }
      return mode;
    };
    const gen = xoshiro128ss(3);
    const cases: [number, number, number][] = [
      [1, 10, 4],
      [2, 224_998, 150_000],
      [2, 5, 6],
      [32, 1000, 500],
      [33, 5000, 20],
      [500, 40, 32],
      [32, 1e10, 1e10],
      [1e11, 32, 32],
      [3, 1e9, 5e8],
      [7, 3, 5],
    ];
    for (let t = 0; t < 300; t++) cases.push([1 + Math.floor(gen.nextDouble() * 40), Math.floor(gen.nextDouble() * 1e5), Math.floor(gen.nextDouble() * 60)]);
    let mismatches = 0;
    for (const [good, bad, sample] of cases) {
      if (sample > good + bad) continue;
      const a = xoshiro128ss(good * 7919 + sample);
      const b = xoshiro128ss(good * 7919 + sample);
      for (let i = 0; i < 40; i++) if (sampleHypergeometric(good, bad, sample, a) !== reference(good, bad, sample, b.nextDouble())) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('has the right mean and variance for a population of 2·10^6', () => {
    const [good, bad, sample, draws] = [1e6, 1e6, 1e6, 4000];
    const rng = xoshiro128ss(5);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < draws; i++) {
      const k = sampleHypergeometric(good, bad, sample, rng);
      sum += k;
      sumSq += k * k;
    }
    const mean = sum / draws;
    const variance = sumSq / draws - mean * mean;
    const trueVar = (sample * 0.25 * (good + bad - sample)) / (good + bad - 1);
    expect(Math.abs(mean - 5e5), `mean ${mean}`).toBeLessThan(5 * Math.sqrt(trueVar / draws));
    expect(Math.abs(variance / trueVar - 1), `variance ${variance} vs ${trueVar}`).toBeLessThan(0.1);
  });
});

describe('sampleWithoutReplacement', () => {
  it('returns a composition of the draw within the totals, with hypergeometric means', () => {
    const totals = [50, 0, 30, 120];
    const rng = xoshiro128ss(3);
    const sums = [0, 0, 0, 0];
    let valid = true;
    for (let r = 0; r < 3000; r++) {
      const k = sampleWithoutReplacement(totals, 80, rng);
      valid &&= k.reduce((s, v) => s + v, 0) === 80 && k.every((v, i) => v >= 0 && v <= totals[i]!);
      k.forEach((v, i) => (sums[i]! += v));
    }
    expect(valid, 'every draw sums to 80 within the totals').toBe(true);
    totals.forEach((t, i) => expect(Math.abs(sums[i]! / 3000 - (80 * t) / 200)).toBeLessThan(0.3));
    expect(() => sampleWithoutReplacement(totals, 201, rng)).toThrow(RangeError);
  });

  it('writes into a reused buffer exactly what it returns fresh, and refuses a buffer of another size', () => {
    const totals = [5, 0, 12, 3, 40];
    const [fresh, reused] = [xoshiro128ss(9), xoshiro128ss(9)];
    const out = new Float64Array(totals.length).fill(99);
    for (let i = 0; i < 50; i++) expect(sampleWithoutReplacement(totals, 21, reused, out)).toEqual(sampleWithoutReplacement(totals, 21, fresh));
    expect(() => sampleWithoutReplacement(totals, 21, fresh, new Float64Array(4))).toThrow(RangeError);
  });
});

describe('permutationPValue', () => {
  it('is (1 + exceedances) / (1 + permutations)', () => {
    expect(permutationPValue(0, 1000)).toBe(1 / 1001);
    expect(permutationPValue(1000, 1000)).toBe(1);
  });
});
