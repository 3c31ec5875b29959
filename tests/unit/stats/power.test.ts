import { describe, expect, it } from 'vitest';
import { normalIndPower, proportionEffectSize, proportionForEffectSize, solveEffectSize, solveNobs1 } from '../../../lib/stats/power';
import { expectClose, readJson } from '../../support';

// tests/fixtures/generate_abtest.py, statsmodels 0.13.5: NormalIndPower().solve_power(...) and .power(...),
// proportion_effectsize. "exact" is the root of statsmodels' own normal_power found by scipy brentq at
// rtol 8.9e-16; statsmodels' solve_power stops at its solver's tolerance, up to 1.5e-4 relative away
// from the root (nobs1 = 123456), so it is checked at 2e-4 and the root at 1e-9.
type Case =
  | { solve: 'effect'; nobs1: number; alpha: number; power: number; ratio: number; statsmodels: number; exact: number }
  | { solve: 'nobs1'; effect: number; alpha: number; power: number; ratio: number; statsmodels: number; exact: number }
  | { solve: 'power'; effect: number; nobs1: number; alpha: number; ratio: number; statsmodels: number };
const fixture = readJson<{ power: Case[]; effectsize: { p1: number; p2: number; h: number }[] }>('tests/fixtures/abtest/stats.json');

describe('NormalIndPower (two-sided) vs statsmodels', () => {
  it.each(fixture.power.map((c) => [JSON.stringify(c), c] as const))('%s', (_name, c) => {
    if (c.solve === 'power') {
      expectClose(normalIndPower(c.effect, c.nobs1, c.alpha, c.ratio), c.statsmodels, 1e-12, 'power');
      return;
    }
    const value = c.solve === 'effect' ? solveEffectSize(c.nobs1, c.alpha, c.power, c.ratio) : solveNobs1(c.effect, c.alpha, c.power, c.ratio);
    expectClose(value, c.exact, 1e-9, 'exact root');
    expectClose(value, c.statsmodels, 2e-4, 'statsmodels solve_power');
    // The root gives the power asked for.
    const power = c.solve === 'effect' ? normalIndPower(value, c.nobs1, c.alpha, c.ratio) : normalIndPower(c.effect, value, c.alpha, c.ratio);
    expectClose(power, c.power, 1e-12, 'power at the root');
  });

  it('refuses alpha or power outside 0 < alpha < power < 1', () => {
    expect(() => solveEffectSize(100, 0.05, 0.04)).toThrow(/0 < alpha < power < 1/);
    expect(() => solveNobs1(0.2, 0, 0.8)).toThrow(/0 < alpha < power < 1/);
  });
});

describe("proportion_effectsize (Cohen's h) and its inverse", () => {
  it.each(fixture.effectsize.map((c) => [`${c.p1} vs ${c.p2}`, c] as const))('%s', (_name, c) => {
    expectClose(proportionEffectSize(c.p1, c.p2), c.h, 1e-12, 'h');
    if (c.h >= 0) expectClose(proportionForEffectSize(c.h, c.p2)!, c.p1, 1e-12, 'inverse');
  });

  it('has no proportion above 1', () => {
    expect(proportionForEffectSize(0.5, 0.99)).toBeNull();
  });
});
