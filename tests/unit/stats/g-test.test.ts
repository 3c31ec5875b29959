import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gTest } from '../../../lib/stats/g-test';
import { expectClose, num, type Num, relFloor } from '../../support';

interface Case {
  name: string;
  observed: Num[];
  expected: Num[];
  statistic?: Num;
  pvalue?: Num;
  error?: string;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/stats-tests/g-test.json', import.meta.url), 'utf8')) as { scipy: string; cases: Case[] };

describe('gTest public vector (Evidently g_test)', () => {
  it('current [4,6,8] vs reference [5,5,8] scaled to the current total gives p = 0.8176', () => {
    const ref = [5, 5, 8];
    const cur = [4, 6, 8];
    const nRef = ref.reduce((s, v) => s + v, 0);
    const nCur = cur.reduce((s, v) => s + v, 0);
    const res = gTest(
      cur,
      ref.map((r) => r * (nCur / nRef)),
    );
    expect(Math.abs(res.pValue - 0.8176)).toBeLessThanOrEqual(1e-3);
  });
});

describe(`gTest vs scipy ${fixture.scipy} power_divergence(lambda_="log-likelihood")`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const observed = c.observed.map(num);
      const expected = c.expected.map(num);
      if (c.error !== undefined) {
        expect(() => gTest(observed, expected)).toThrow(RangeError);
        return;
      }
      const res = gTest(observed, expected);
      expectClose(res.statistic, num(c.statistic!), relFloor(1e-9), `${c.name} statistic vs scipy`);
      expectClose(res.pValue, num(c.pvalue!), relFloor(1e-6), `${c.name} p-value vs scipy`);
    });
  }

  it('mirrors scipy edge cases explicitly', () => {
    expect(gTest([1, 5, 2], [0, 5, 3])).toEqual({ statistic: Infinity, pValue: 0 });
    const df0 = gTest([5], [5]);
    expect(df0.statistic).toBe(0);
    expect(df0.pValue).toBeNaN();
    expect(gTest([0, 5, 3], [0, 5, 3]).statistic).toBeNaN();
    expect(() => gTest([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
