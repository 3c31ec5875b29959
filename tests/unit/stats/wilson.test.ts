import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../lib/stats/wilson';
import { expectClose, readJson } from '../../support';

// tests/fixtures/generate_abtest.py: statsmodels 0.13.5 proportion_confint(count, nobs, alpha, method="wilson").
const { wilson } = readJson<{ wilson: { count: number; nobs: number; alpha: number; ci: [number, number] }[] }>('tests/fixtures/abtest/stats.json');
// Relative 1e-12; an interval end of 0 (count 0) within 1e-15 absolute.
const TOL = { rel: 1e-12, abs: 1e-15 };

describe('wilsonInterval vs statsmodels proportion_confint(method="wilson")', () => {
  it.each(wilson.map((c) => [`${c.count}/${c.nobs} alpha ${c.alpha}`, c] as const))('%s', (_name, c) => {
    const [low, high] = wilsonInterval(c.count, c.nobs, c.alpha);
    expectClose(low, c.ci[0], TOL, 'low');
    expectClose(high, c.ci[1], TOL, 'high');
  });

  it('refuses counts outside 0..nobs', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(/0 <= count <= nobs/);
    expect(() => wilsonInterval(0, 0)).toThrow(/nobs >= 1/);
  });
});
