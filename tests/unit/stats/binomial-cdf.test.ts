import { describe, expect, it } from 'vitest';
import { binomCdf } from '../../../lib/stats/binomial-cdf';
import { expectClose, readJson } from '../../support';

// scipy.stats.binom.cdf (tests/fixtures/generate_compare.py).
const cases = readJson<{ binomCdf: { k: number; n: number; p: number; cdf: number }[] }>('tests/fixtures/compare/stats.json').binomCdf;

describe('binomCdf (scipy binom.cdf)', () => {
  it.each(cases)('k=$k n=$n p=$p', ({ k, n, p, cdf }) => {
    expectClose(binomCdf(k, n, p), cdf, 1e-12, 'cdf');
  });
  it('is 0 below 0 and NaN for a bad p', () => {
    expect(binomCdf(-1, 5, 0.5)).toBe(0);
    expect(binomCdf(1, 5, 1.5)).toBeNaN();
  });
});
