import { describe, expect, it } from 'vitest';
import { andersonKSamp } from '../../../lib/stats/anderson-ksamp';
import { decodeSample, expectClose, loadNumericFixture, num, type Num, type SampleSpec } from '../../support';

interface AndersonCase {
  name: string;
  samples: SampleSpec[];
  statistic: Num;
  criticalValues: Num[];
  pvalue: Num;
  clip: 'capped' | 'floored' | null;
}

const fixture = loadNumericFixture<{ scipy: string; cases: AndersonCase[] }>('anderson_ksamp.json');
const STAT_RTOL = 1e-9;
const P_RTOL = 1e-6;
/** A2 = (A2akN - (k - 1)) / sigma cancels when A2 ~ 0; scipy's own 0.0 needs an absolute floor. */
const STAT_ATOL = 1e-12;

const A = [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0];
const B = [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8];

describe('andersonKSamp public vectors', () => {
  it("matches Evidently's anderson test vector (p = 0.0635)", () => {
    const res = andersonKSamp([A, B]);
    expect(Math.abs(res.pValue - 0.0635)).toBeLessThan(1e-3);
    expectClose(res.statistic, 1.7183096744360893, STAT_RTOL, 'A2');
    expectClose(res.pValue, 0.0635146772876083, P_RTOL, 'p');
    expect(res.criticalValues).toHaveLength(7);
  });

  it('does not depend on input order and leaves inputs untouched', () => {
    const a = [3.1, -1, 2, 2, 0.5, 7];
    const b = [1, 4, -2, 2, 9];
    const res = andersonKSamp([a, b]);
    const sorted = andersonKSamp([[...a].sort((x, y) => x - y), Float64Array.from(b).sort()]);
    expect(res).toEqual(sorted);
    expect(a).toEqual([3.1, -1, 2, 2, 0.5, 7]);
  });
});

describe('andersonKSamp input validation (scipy raises)', () => {
  it('needs at least two samples', () => {
    expect(() => andersonKSamp([A])).toThrow(new RangeError('anderson_ksamp needs at least two samples'));
  });
  it('needs more than one distinct value', () => {
    expect(() => andersonKSamp([[1, 1], [1]])).toThrow(new RangeError('anderson_ksamp needs more than one distinct observation'));
  });
  it('rejects an empty sample', () => {
    expect(() => andersonKSamp([[], [1, 2]])).toThrow(new RangeError('anderson_ksamp encountered sample without observations'));
  });
  it('rejects 2 observations in total (scipy: IndexError)', () => {
    expect(() => andersonKSamp([[1], [2]])).toThrow(RangeError);
  });
  it('rejects non-finite values', () => {
    expect(() =>
      andersonKSamp([
        [1, NaN, 3],
        [2, 4],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      andersonKSamp([
        [1, 3],
        [2, Infinity],
      ]),
    ).toThrow(RangeError);
  });
});

describe(`andersonKSamp vs scipy ${fixture.scipy} anderson_ksamp (midrank)`, () => {
  it('fixture covers capped, floored and interpolated p-values, k > 2 and large n', () => {
    const clips = new Set(fixture.cases.map((c) => c.clip));
    expect([...clips].sort()).toEqual(['capped', 'floored', null].sort());
    expect(fixture.cases.some((c) => c.samples.length > 2 && c.clip === null)).toBe(true);
    expect(fixture.cases.some((c) => c.samples.length === 5 && c.clip === 'floored')).toBe(true);
    expect(fixture.cases.some((c) => c.samples.some((s) => s.enc === 'minstd' && s.n >= 20000))).toBe(true);
  });

  let maxStat = 0;
  let maxP = 0;
  for (const c of fixture.cases) {
    it(`${c.name} (k=${c.samples.length}${c.clip ? `, ${c.clip}` : ''})`, () => {
      const res = andersonKSamp(c.samples.map((s) => decodeSample(s)));
      maxStat = Math.max(maxStat, expectClose(res.statistic, num(c.statistic), { rel: STAT_RTOL, abs: STAT_ATOL }, 'statistic'));
      expect(res.criticalValues).toHaveLength(c.criticalValues.length);
      c.criticalValues.forEach((cv, i) => expectClose(res.criticalValues[i]!, num(cv), STAT_RTOL, `critical[${i}]`));
      if (c.clip === 'capped') expect(res.pValue).toBe(0.25);
      else if (c.clip === 'floored') expect(res.pValue).toBe(0.001);
      else maxP = Math.max(maxP, expectClose(res.pValue, num(c.pvalue), P_RTOL, 'p-value'));
    });
  }
  it('reports the worst relative errors', () => {
    console.info(`anderson_ksamp max relative error: statistic ${maxStat.toExponential(2)}, p ${maxP.toExponential(2)}`);
  });
});
