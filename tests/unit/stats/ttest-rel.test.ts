import { describe, expect, it } from 'vitest';
import { tTestRel } from '../../../lib/stats/ttest-rel';
import { expectClose, readJson } from '../../support';

interface Case {
  name: string;
  x: number[];
  y: number[];
  ttest: { statistic: number; pValue: number } | null;
}
// scipy 1.10 ttest_rel(x, y); null where scipy's statistic is NaN or ±inf (constant differences).
const cases = readJson<{ paired: Case[] }>('tests/fixtures/compare/stats.json').paired;

describe('tTestRel (scipy ttest_rel)', () => {
  it.each(cases)('$name', ({ x, y, ttest }) => {
    const r = tTestRel(x, y);
    if (ttest === null) {
      expect(r.statistic).toBeNull();
      expect(r.reason).toMatch(/constant/);
      return;
    }
    expectClose(r.statistic, ttest.statistic, 1e-9, 'statistic');
    expectClose(r.pValue, ttest.pValue, 1e-6, 'p');
  });
  it('is null for fewer than two pairs', () => expect(tTestRel([1], [2]).reason).toMatch(/fewer than two/));
});
