import { describe, expect, it } from 'vitest';
import { eppsSingleton2Samp } from '../../../lib/stats/epps-singleton';
import { decodeSample, expectClose, loadNumericFixture, num, type Num, type SampleSpec } from '../../support';

interface EppsCase {
  name: string;
  x: SampleSpec;
  y: SampleSpec;
  statistic: Num;
  pvalue: Num;
  rank: number;
  corrected: boolean;
}

const fixture = loadNumericFixture<{ scipy: string; cases: EppsCase[] }>('epps_singleton_2samp.json');
const STAT_RTOL = 1e-9;
const P_RTOL = 1e-6;

/** `counts[i]` copies of the value i + 1. */
function dice(counts: number[]): number[] {
  return counts.flatMap((c, i) => new Array<number>(c).fill(i + 1));
}

describe('eppsSingleton2Samp public vectors', () => {
  it("matches Evidently's dice example (p = 0.81)", () => {
    const res = eppsSingleton2Samp(dice([16, 18, 16, 14, 12, 12]), dice([16, 16, 16, 16, 16, 8]));
    expect(Math.abs(res.pValue - 0.81)).toBeLessThan(1e-2);
    expectClose(res.statistic, 1.5931502246629545, STAT_RTOL, 'W');
    expectClose(res.pValue, 0.8100227257213765, P_RTOL, 'p');
  });

  it('gives W = 0, p = 1 for identical samples', () => {
    const res = eppsSingleton2Samp([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]);
    expect(res.statistic).toBeCloseTo(0, 12);
    expect(res.pValue).toBe(1);
  });
});

describe('eppsSingleton2Samp input validation (scipy raises)', () => {
  it('rejects a zero interquartile range (scipy 1.10: LinAlgError from the SVD)', () => {
    expect(() => eppsSingleton2Samp([1, 1, 1, 1, 1, 2], [1, 1, 1, 1, 1, 1])).toThrow(
      new RangeError('epps_singleton_2samp: estimated scale of the data is zero (interquartile range of the pooled sample is 0)'),
    );
    expect(() => eppsSingleton2Samp([1, 2, 2, 2, 3], [2, 2, 2, 2, 2])).toThrow(RangeError);
  });
  it('needs at least 5 values per sample', () => {
    expect(() => eppsSingleton2Samp([1, 2, 3, 4], [1, 2, 3, 4, 5])).toThrow(
      new RangeError('epps_singleton_2samp: x and y should have at least 5 elements, but len(x) = 4 and len(y) = 5'),
    );
  });
  it('rejects non-finite values', () => {
    expect(() => eppsSingleton2Samp([1, 2, 3, 4, NaN], [1, 2, 3, 4, 5])).toThrow(RangeError);
    expect(() => eppsSingleton2Samp([1, 2, 3, 4, 5], [1, 2, 3, 4, -Infinity])).toThrow(RangeError);
  });
});

describe(`eppsSingleton2Samp vs scipy ${fixture.scipy} epps_singleton_2samp`, () => {
  it('fixture covers the small-sample correction, rank deficiency, tiny p and large n', () => {
    expect(fixture.cases.some((c) => c.corrected)).toBe(true);
    expect(fixture.cases.some((c) => !c.corrected)).toBe(true);
    expect(fixture.cases.some((c) => c.rank < 4)).toBe(true);
    expect(fixture.cases.some((c) => num(c.pvalue) < 1e-100)).toBe(true);
    expect(fixture.cases.some((c) => c.x.enc === 'minstd' && c.x.n >= 20000)).toBe(true);
  });

  let maxStat = 0;
  let maxP = 0;
  for (const c of fixture.cases) {
    it(`${c.name} (rank ${c.rank}${c.corrected ? ', corrected' : ''})`, () => {
      const res = eppsSingleton2Samp(decodeSample(c.x), decodeSample(c.y));
      maxStat = Math.max(maxStat, expectClose(res.statistic, num(c.statistic), STAT_RTOL, 'statistic'));
      maxP = Math.max(maxP, expectClose(res.pValue, num(c.pvalue), P_RTOL, 'p-value'));
    });
  }
  it('reports the worst relative errors', () => {
    console.info(`epps_singleton_2samp max relative error: statistic ${maxStat.toExponential(2)}, p ${maxP.toExponential(2)}`);
  });
});
