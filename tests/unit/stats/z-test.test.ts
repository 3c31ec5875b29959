import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from '../../../lib/stats/z-test';
import { expectClose, num, type Num, relFloor } from '../../support';

// cases: [s_ref, n_ref, s_cur, n_cur, Evidently z, Evidently p = 2(1 - cdf|z|), scipy 2 norm.sf|z|, mpmath p].
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/stats-tests/z-test.json', import.meta.url), 'utf8')) as {
  scipy: string;
  cases: [number, number, number, number, Num, Num, Num, Num][];
  degenerate: [number, number, number, number][];
};

describe("twoProportionZTest vs Evidently's z_stat_test formula", () => {
  for (const [s1, n1, s2, n2, z, pEvidently, pSf, pTruth] of fixture.cases) {
    it(`${s1}/${n1} vs ${s2}/${n2}`, () => {
      const res = twoProportionZTest(s1, n1, s2, n2);
      expectClose(res.statistic, num(z), relFloor(1e-9), 'statistic vs Evidently');
      expectClose(res.pValue, num(pSf), relFloor(1e-6), 'p-value vs scipy 2 norm.sf(|z|)');
      expectClose(res.pValue, num(pTruth), relFloor(1e-13), 'p-value vs mpmath');
      // Evidently's 1 - cdf form is only good to ~1e-16 absolute (and 0 beyond |z| ~ 8.3).
      expect(Math.abs(res.pValue - num(pEvidently)), `p-value vs Evidently ${num(pEvidently)}`).toBeLessThanOrEqual(1e-15);
    });
  }

  it('reports tail p-values where Evidently underflows to 0', () => {
    const tails = fixture.cases.filter(([, , , , , pEv, , pTruth]) => num(pEv) === 0 && num(pTruth) > 0);
    expect(tails.length).toBeGreaterThanOrEqual(3);
    for (const [s1, n1, s2, n2] of tails) expect(twoProportionZTest(s1, n1, s2, n2).pValue).toBeGreaterThan(0);
  });

  it('returns statistic 0, p = 1 when both samples hold one and the same category', () => {
    for (const [s1, n1, s2, n2] of fixture.degenerate) {
      expect(twoProportionZTest(s1, n1, s2, n2)).toEqual({ statistic: 0, pValue: 1 });
    }
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionZTest(1, 0, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionZTest(3, 2, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionZTest(-1, 2, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionZTest(0.5, 2, 1, 2)).toThrow(RangeError);
  });
});
