import { describe, expect, it } from 'vitest';
import { kendallExactPValue, kendallTau } from '../../../lib/stats/kendall-tau';
import { FIXTURE } from '../explain/fixture';

// Reference: scipy.stats.kendalltau 1.10.1 (tau-b, method 'auto'), tests/fixtures/generate_explain.py.
describe('kendallTau equals scipy.stats.kendalltau', () => {
  FIXTURE.kendall.forEach(({ x, y, tau, pValue }, i) => {
    it(`case ${i} (n = ${x.length}): τ-b to 1e-14, p-value to 1e-12 relative`, () => {
      const got = kendallTau(x, y);
      expect(Math.abs(got.tau! - tau)).toBeLessThanOrEqual(1e-14);
      expect(Math.abs(got.pValue! - pValue)).toBeLessThanOrEqual(1e-12 * pValue);
    });
  });

  it('is undefined for a constant side, a NaN or fewer than two values', () => {
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toEqual({ tau: null, pValue: null });
    expect(kendallTau([1, NaN, 3], [1, 2, 3])).toEqual({ tau: null, pValue: null });
    expect(kendallTau([1], [2])).toEqual({ tau: null, pValue: null });
  });

  it('exact p-value: 2/n! with no discordant pair (scipy _kendall_p_exact, c = 0)', () => {
    expect(kendallExactPValue(5, 0)).toBe(2 / 120);
    expect(kendallExactPValue(5, 10)).toBe(2 / 120);
  });
});
