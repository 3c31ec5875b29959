import { describe, expect, it } from 'vitest';
import { welchTTest } from '../../../lib/stats/welch';
import { expectClose, readJson, relFloor } from '../../support';

// tests/fixtures/generate_abtest.py: scipy 1.10.1 ttest_ind(a, b, equal_var=False); df is the
// Welch–Satterthwaite formula of scipy's _unequal_var_ttest_denom evaluated with numpy.
interface Case {
  name: string;
  a: string[];
  b: string[];
  statistic: number;
  pvalue: number;
  df: number;
}
const { welch } = readJson<{ welch: Case[] }>('tests/fixtures/abtest/stats.json');

describe('welchTTest vs scipy ttest_ind(equal_var=False)', () => {
  it.each(welch.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = welchTTest(c.a.map(Number), c.b.map(Number));
    expectClose(r.statistic, c.statistic, 1e-9, 'statistic');
    expectClose(r.df, c.df, 1e-9, 'df');
    expectClose(r.pValue, c.pvalue, relFloor(1e-6), 'pValue');
  });

  it('gives NaN for an empty sample (scipy _ttest_nans) and df 1 when both samples are constant (scipy replaces NaN df by 1)', () => {
    expect(welchTTest([], [1, 2])).toEqual({ statistic: NaN, pValue: NaN, df: NaN });
    const constant = welchTTest([2, 2, 2], [3, 3]);
    expect(constant.df).toBe(1);
    expect(constant.statistic).toBe(-Infinity);
    expect(constant.pValue).toBe(0);
  });
});
