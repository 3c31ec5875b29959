import { describe, expect, it } from 'vitest';
import { ks2Samp, roundHalfEven } from '../../../lib/stats/ks';
import { decodeSample, expectClose, loadStatsFixture, num, type Num, relFloor, type SampleSpec } from '../../support';

interface KsCase {
  name: string;
  a: SampleSpec;
  b: SampleSpec;
  n1: number;
  n2: number;
  statistic: Num;
  pvalue: Num;
  method: 'exact' | 'asymp';
  fallback: boolean;
  branch?: string;
}

const fixture = loadStatsFixture<{ scipy: string; shared: Record<string, SampleSpec>; cases: KsCase[] }>('ks_2samp.json');
const STAT_RTOL = 1e-9;
const P_RTOL = 1e-6;

describe('ks2Samp public vectors', () => {
  it('matches the textbook 8 vs 8 example (exact)', () => {
    const a = Float64Array.from([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0]);
    const b = Float64Array.from([39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8]);
    const res = ks2Samp(a, b);
    expect(res.method).toBe('exact');
    expectClose(res.statistic, 0.625, relFloor(STAT_RTOL), 'D');
    expectClose(res.pValue, 0.087024087024087, relFloor(1e-9), 'p');
    expect(res.pValue.toFixed(10)).toBe('0.0870240870');
  });

  it('is symmetric in its arguments', () => {
    const a = Float64Array.from([0.1, 0.4, 0.4, 0.9, 1.3]);
    const b = Float64Array.from([0.2, 0.4, 1.0]);
    const ab = ks2Samp(a, b);
    const ba = ks2Samp(b, a);
    expect(ba.statistic).toBe(ab.statistic);
    expect(ba.pValue).toBe(ab.pValue);
  });
});

describe('ks2Samp location (where the drift result says the ECDFs differ most)', () => {
  /** The definition, by brute force: the first pooled value (ascending) whose |F_a(x) − F_b(x)| is largest. */
  function bruteLocation(a: Float64Array, b: Float64Array) {
    const pooled = [...new Set([...a, ...b])].sort((x, y) => x - y);
    let best = { x: NaN, reference: 0, current: 0 };
    let gap = -1;
    for (const x of pooled) {
      const reference = a.filter((v) => v <= x).length / a.length;
      const current = b.filter((v) => v <= x).length / b.length;
      if (Math.abs(reference - current) > gap) [gap, best] = [Math.abs(reference - current), { x, reference, current }];
    }
    return { best, gap };
  }

  it('is the first pooled value of the largest ECDF gap, whose size is the statistic (ties, unequal sizes, negatives)', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 20 - 10;
    for (let trial = 0; trial < 200; trial++) {
      const n1 = 1 + (trial % 13);
      const n2 = 1 + ((trial * 7) % 17);
      // Rounded to halves: many ties within and across the samples.
      const a = Float64Array.from({ length: n1 }, () => Math.round(next() * 2) / 2 + 0).sort();
      const b = Float64Array.from({ length: n2 }, () => Math.round(next() * 2) / 2 + (trial % 3) + 0).sort();
      const { location, statistic, method } = ks2Samp(a, b);
      const { best, gap } = bruteLocation(a, b);
      expect(location).toEqual(best);
      // The exact path snaps the statistic to h / lcm(n1, n2) (scipy): equal up to that rounding.
      if (method === 'asymp') expect(statistic).toBe(gap);
      else expect(Math.abs(statistic - gap)).toBeLessThan(1e-12);
    }
    // −0 and 0 are one pooled value, reported with the reference's sign.
    expect(Object.is(ks2Samp(Float64Array.of(-0), Float64Array.of(0, 1)).location.x, -0)).toBe(true);
    expect(Object.is(ks2Samp(Float64Array.of(0), Float64Array.of(-0, 1)).location.x, 0)).toBe(true);
  });
});

describe('ks2Samp input validation', () => {
  it('rejects empty samples with a RangeError', () => {
    const one = Float64Array.from([1]);
    expect(() => ks2Samp(new Float64Array(0), one)).toThrow(new RangeError('ks: both samples need at least one value'));
    expect(() => ks2Samp(one, new Float64Array(0))).toThrow(RangeError);
  });

  it('rejects unsorted input and NaN instead of returning garbage', () => {
    const ok = Float64Array.from([1, 2, 3]);
    expect(() => ks2Samp(Float64Array.from([2, 1]), ok)).toThrow(RangeError);
    expect(() => ks2Samp(ok, Float64Array.from([1, NaN, 3]))).toThrow(RangeError);
    expect(() => ks2Samp(Float64Array.from([NaN]), ok)).toThrow(RangeError);
  });
});

describe('roundHalfEven (numpy.round semantics)', () => {
  it('sends ties to the even neighbour', () => {
    expect([0.5, 1.5, 2.5, 5000.5, 5001.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 5000, 5002, -2, 2, 3]);
  });
});

describe(`ks2Samp vs scipy ${fixture.scipy} ks_2samp (auto, two-sided)`, () => {
  it('fixture covers every code path', () => {
    const cases = fixture.cases;
    expect(cases.some((c) => c.method === 'exact' && c.n1 === c.n2)).toBe(true);
    expect(cases.some((c) => c.method === 'exact' && c.n1 !== c.n2)).toBe(true);
    expect(cases.some((c) => c.fallback)).toBe(true);
    const branches = new Set(cases.map((c) => c.branch).filter((b) => b !== undefined));
    for (const b of ['support-edge', 'ruben-gambino-low', 'ruben-gambino-high', 'durbin', 'pomeranz', 'pelz-good', 'smirnov', 'zero']) {
      expect(branches.has(b), `missing kstwo branch ${b}`).toBe(true);
    }
  });

  for (const c of fixture.cases) {
    it(`${c.name} (n1=${c.n1}, n2=${c.n2}, ${c.method}${c.branch ? `/${c.branch}` : ''})`, () => {
      const a = decodeSample(c.a, fixture.shared);
      const b = decodeSample(c.b, fixture.shared);
      expect(a.length).toBe(c.n1);
      expect(b.length).toBe(c.n2);
      const res = ks2Samp(a, b);
      expect(res.method).toBe(c.method);
      expectClose(res.statistic, num(c.statistic), relFloor(STAT_RTOL), `${c.name} statistic`);
      expectClose(res.pValue, num(c.pvalue), relFloor(P_RTOL), `${c.name} p-value`);
    });
  }
});
