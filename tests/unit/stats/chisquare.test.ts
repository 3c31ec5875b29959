import { describe, expect, it } from 'vitest';
import { chi2Sf, chiSquare } from '../../../lib/stats/chisquare';
import { expectClose, loadStatsFixture, num, type Num, relFloor } from '../../support';

interface ChiCase {
  name: string;
  observed: Num[];
  expected: Num[];
  statistic?: Num;
  pvalue?: Num;
  error?: string;
}

// chi2_sf rows: [x, df, scipy, mpmath].
const fixture = loadStatsFixture<{ scipy: string; chi2_sf: [Num, number, Num, Num][]; chisquare: ChiCase[] }>('chi2.json');

describe('chiSquare public vector (Evidently chisquare drift test)', () => {
  it('reference [16,18,16,14,12,12] vs current [16,16,16,16,16,8] gives p = 0.67309', () => {
    const ref = [16, 18, 16, 14, 12, 12];
    const cur = [16, 16, 16, 16, 16, 8];
    const nRef = ref.reduce((s, v) => s + v, 0);
    const nCur = cur.reduce((s, v) => s + v, 0);
    const res = chiSquare(
      cur,
      ref.map((r) => r * (nCur / nRef)),
    );
    expect(Math.abs(res.pValue - 0.67309)).toBeLessThanOrEqual(1e-5);
    expectClose(res.statistic, 3.1746031746031744, relFloor(1e-12), 'statistic');
  });
});

describe(`chi2Sf vs scipy ${fixture.scipy} stats.chi2.sf`, () => {
  it(`matches ${fixture.chi2_sf.length} (x, df) points, df up to 1e5 and sf down to 1e-300`, () => {
    for (const [x, df, scipy, truth] of fixture.chi2_sf) {
      const sf = chi2Sf(num(x), df);
      // Cephes is itself ~1e-11 off in the upper tail for df ~ 1e4 (exp(a log x - x - lgam a)
      // cancellation), so scipy is matched to 1e-10 and the 40-digit mpmath value to 1e-12.
      expectClose(sf, num(scipy), relFloor(1e-10), `chi2.sf(${x}, ${df}) vs scipy`);
      expectClose(sf, num(truth), relFloor(1e-12), `chi2.sf(${x}, ${df}) vs mpmath`);
    }
  });

  it('keeps full relative accuracy in the far tail', () => {
    const tail = fixture.chi2_sf.filter(([, , p]) => typeof p === 'number' && p > 0 && p < 1e-200);
    expect(tail.length).toBeGreaterThan(20);
  });
});

describe(`chiSquare vs scipy ${fixture.scipy} stats.chisquare`, () => {
  for (const c of fixture.chisquare) {
    it(c.name, () => {
      const observed = c.observed.map(num);
      const expected = c.expected.map(num);
      if (c.error !== undefined) {
        expect(() => chiSquare(observed, expected)).toThrow(RangeError);
        return;
      }
      const res = chiSquare(observed, expected);
      expectClose(res.statistic, num(c.statistic!), relFloor(1e-9), `${c.name} statistic`);
      expectClose(res.pValue, num(c.pvalue!), relFloor(1e-6), `${c.name} p-value`);
    });
  }

  it('mirrors scipy edge cases explicitly', () => {
    expect(chiSquare([5, 1], [6, 0])).toEqual({ statistic: Infinity, pValue: 0 });
    const df0 = chiSquare([5], [5]);
    expect(df0.statistic).toBe(0);
    expect(df0.pValue).toBeNaN();
    expect(chiSquare([5, 0, 3], [5, 0, 3]).statistic).toBeNaN();
    expect(() => chiSquare([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
