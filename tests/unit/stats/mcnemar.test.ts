import { describe, expect, it } from 'vitest';
import { mcnemar } from '../../../lib/stats/mcnemar';
import { expectClose, readJson } from '../../support';

interface Case {
  b: number;
  c: number;
  statistic: number;
  pValue: number;
  exact: boolean;
}
// statsmodels 0.13.5 mcnemar(table, exact=(b + c < 25), correction=True) (tests/fixtures/generate_compare.py).
const cases = readJson<{ mcnemar: Case[] }>('tests/fixtures/compare/stats.json').mcnemar;

describe('mcnemar (statsmodels)', () => {
  it.each(cases)('b=$b c=$c', ({ b, c, statistic, pValue, exact }) => {
    const r = mcnemar(b, c);
    expect(r.exact).toBe(exact);
    expectClose(r.statistic, statistic, 1e-9, 'statistic');
    expectClose(r.pValue, pValue, 1e-6, 'p');
  });

  it('switches from exact to chi-square at 25 discordant pairs; b = c is not clamped', () => {
    expect(mcnemar(12, 12).exact).toBe(true);
    expect(mcnemar(12, 13).exact).toBe(false);
    const tie = mcnemar(20, 20);
    expect(tie.statistic).toBe(1 / 40);
    expect(tie.pValue).toBeLessThan(1);
    expect(mcnemar(0, 0)).toEqual({ statistic: 0, pValue: 1, exact: true });
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => mcnemar(-1, 2)).toThrow(/whole numbers/);
  });
});
