import { describe, expect, it } from 'vitest';
import { besselKQuarter } from '../../../lib/stats/bessel-k-quarter';
import { cdfCvmInf, cramerVonMises2Samp } from '../../../lib/stats/cramer-von-mises';
import { decodeSample, expectClose, loadNumericFixture, num, type Num, type SampleSpec } from '../../support';

interface CvmCase {
  name: string;
  x: SampleSpec;
  y: SampleSpec;
  statistic: Num;
  pvalue: Num;
  method: 'exact' | 'asymptotic';
  branch: 'series' | 'deep-tail' | 'tn<0.003' | null;
}

const fixture = loadNumericFixture<{ scipy: string; cases: CvmCase[]; kv: [number, Num][]; cdfCvmInf: [number, Num][] }>('cramervonmises_2samp.json');
const STAT_RTOL = 1e-9;
const STAT_ATOL = 1e-12; // T = U/(mnN) - (4mn - 1)/(6N) cancels; scipy's 0.0 needs an absolute floor
const P_RTOL = 1e-6;
/**
 * The asymptotic p-value is 1 - cdf with cdf ~ 1 summed from ~10-100 terms;
 * the engine's exp/log differ from glibc's in the last ulp now and then, so
 * allow 4 ulps of 1.0 absolute (matters only for scipy p-values below ~1e-9).
 */
const P_ATOL_ASYMP = 4 * 2 ** -53 * 2;

const A = [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0];
const B = [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8];

describe('cramerVonMises2Samp basics', () => {
  it('matches scipy on the 8 vs 8 textbook samples (exact path)', () => {
    const res = cramerVonMises2Samp(A, B);
    expect(res.statistic).toBe(0.4375);
    expectClose(res.pValue, 0.06433566433566433, 1e-12, 'p');
  });

  it('gives T = 0, p = 1 for identical samples and does not mutate inputs', () => {
    const x = [3, 1, 2, 2];
    const res = cramerVonMises2Samp(x, [2, 1, 3, 2]);
    expect(res).toEqual({ statistic: 0, pValue: 1 });
    expect(x).toEqual([3, 1, 2, 2]);
  });

  it('rejects samples with fewer than two values and non-finite values', () => {
    expect(() => cramerVonMises2Samp([1], [2, 3])).toThrow(new RangeError('cramervonmises_2samp: x and y must contain at least two observations'));
    expect(() => cramerVonMises2Samp([1, 2], [])).toThrow(RangeError);
    expect(() => cramerVonMises2Samp([1, NaN], [2, 3])).toThrow(RangeError);
  });
});

describe(`cramerVonMises2Samp vs scipy ${fixture.scipy} cramervonmises_2samp (auto)`, () => {
  it('fixture covers exact, asymptotic, tn < 0.003 and deep-tail paths', () => {
    const kinds = new Set(fixture.cases.map((c) => `${c.method}/${c.branch}`));
    for (const k of ['exact/null', 'asymptotic/series', 'asymptotic/tn<0.003', 'asymptotic/deep-tail']) {
      expect(kinds.has(k), `missing ${k}`).toBe(true);
    }
    expect(fixture.cases.some((c) => c.method === 'exact' && c.x.enc === 'ints' && c.x.scale === 1)).toBe(true);
  });

  let maxStat = 0;
  let maxP = 0;
  for (const c of fixture.cases) {
    it(`${c.name} (${c.method}${c.branch ? `/${c.branch}` : ''})`, () => {
      const res = cramerVonMises2Samp(decodeSample(c.x), decodeSample(c.y));
      maxStat = Math.max(maxStat, expectClose(res.statistic, num(c.statistic), { rel: STAT_RTOL, abs: STAT_ATOL }, 'statistic'));
      if (c.branch === 'tn<0.003') expect(res.pValue).toBe(1);
      const atol = c.method === 'asymptotic' ? P_ATOL_ASYMP : 0;
      maxP = Math.max(maxP, expectClose(res.pValue, num(c.pvalue), { rel: P_RTOL, abs: atol }, 'p-value'));
    });
  }
  it('reports the worst relative errors', () => {
    console.info(`cramervonmises_2samp max relative error: statistic ${maxStat.toExponential(2)}, p ${maxP.toExponential(2)}`);
  });
});

describe('limiting distribution internals vs scipy', () => {
  it('besselKQuarter matches scipy.special.kv(0.25, x) (AMOS transcription)', () => {
    for (const [x, v] of fixture.kv) expectClose(besselKQuarter(x), num(v), 1e-14, `kv(0.25, ${x})`);
    expect(besselKQuarter(0)).toBe(Infinity);
    expect(besselKQuarter(900)).toBe(0);
    expect(besselKQuarter(-1)).toBeNaN();
  });

  it('cdfCvmInf matches scipy _cdf_cvm_inf', () => {
    for (const [t, v] of fixture.cdfCvmInf) expectClose(cdfCvmInf(t), num(v), 1e-13, `_cdf_cvm_inf(${t})`);
  });
});
