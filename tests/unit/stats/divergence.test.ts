import { describe, expect, it } from 'vitest';
import { hellingerDiscrete, hellingerNumeric, jensenShannon, klDivergence, psi } from '../../../lib/stats/divergence';
import { decodeSample, expectClose, num, type Num, readJson, relFloor, type SampleSpec } from '../../support';

const fixture = readJson<{
  numpy: string;
  scipy: string;
  hellingerNumeric: { name: string; ref: SampleSpec; cur: SampleSpec; hellinger: Num }[];
  direct: { ref: Num[]; cur: Num[]; psi: Num; klDiv: Num; jensenShannon: Num; hellinger: Num }[];
}>('tests/fixtures/stats-binned/divergence.json');

const REL = 1e-9;

describe(`divergences on proportion arrays vs numpy ${fixture.numpy} / scipy ${fixture.scipy}`, () => {
  for (const c of fixture.direct) {
    const ref = c.ref.map(num);
    const cur = c.cur.map(num);
    it(`[${ref.join(', ')}] vs [${cur.join(', ')}]`, () => {
      // Zero bins give numpy's Infinity / NaN for psi and scipy's Infinity for kl_div.
      expectClose(psi(ref, cur), num(c.psi), relFloor(REL), 'psi');
      expectClose(klDivergence(ref, cur), num(c.klDiv), relFloor(REL), 'scipy.stats.entropy');
      expectClose(jensenShannon(ref, cur), num(c.jensenShannon), relFloor(REL), 'scipy.spatial.distance.jensenshannon');
      expectClose(hellingerDiscrete(ref, cur), num(c.hellinger), relFloor(REL), 'hellinger (categorical)');
    });
  }

  it('rejects arrays of different lengths', () => {
    expect(() => psi([0.5, 0.5], [1])).toThrow(/2 bins, current 1/);
    expect(() => jensenShannon([1], [0.5, 0.5])).toThrow(RangeError);
  });
});

describe("hellingerNumeric vs Evidently's hellinger_distance (numerical branch)", () => {
  for (const c of fixture.hellingerNumeric) {
    it(c.name, () => {
      const ref = decodeSample(c.ref);
      const cur = decodeSample(c.cur);
      expectClose(hellingerNumeric(ref, cur), num(c.hellinger), relFloor(REL, 1e-15), `${c.name}: hellinger`);
    });
  }

  it('rejects empty, unsorted or non-finite samples', () => {
    const x = Float64Array.from([1, 2]);
    expect(() => hellingerNumeric(new Float64Array(0), x)).toThrow(/reference has no values/);
    expect(() => hellingerNumeric(x, Float64Array.from([2, 1]))).toThrow(/sorted ascending/);
    expect(() => hellingerNumeric(x, Float64Array.from([1, Infinity]))).toThrow(/finite/);
  });

  it('gives 0 for identical samples, as Evidently test_num_features expects (abs 1e-5)', () => {
    const x = Float64Array.from([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0]);
    expect(hellingerNumeric(x, x)).toBeLessThanOrEqual(1e-5);
  });
});

describe('public vectors', () => {
  it('hellinger(R6, C6) = 0.06812 on proportions', () => {
    const r = [16, 18, 16, 14, 12, 12].map((k) => k / 88);
    const c = [16, 16, 16, 16, 16, 8].map((k) => k / 88);
    expect(Math.abs(hellingerDiscrete(r, c) - 0.06812)).toBeLessThanOrEqual(1e-5);
  });

  it('psi(reference values [3, 2, 2], current [1, 2, 3]) = 2.9341 after zero filling', () => {
    // bins 1, 2, 3: reference [0 → 1e-4, 2/3, 1/3], current [1/3, 1/3, 1/3]
    expect(Math.abs(psi([1e-4, 2 / 3, 1 / 3], [1 / 3, 1 / 3, 1 / 3]) - 2.9341)).toBeLessThanOrEqual(0.01);
  });
});
