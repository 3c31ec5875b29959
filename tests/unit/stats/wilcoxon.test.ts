import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../../lib/stats/wilcoxon';
import { expectClose, readJson } from '../../support';

interface Case {
  name: string;
  x: number[];
  y: number[];
  wilcoxon: { statistic: number; pValue: number } | null;
}
// scipy 1.10 wilcoxon(x, y, zero_method="wilcox", correction=False, method="approx"); null where scipy raises.
const cases = readJson<{ paired: Case[] }>('tests/fixtures/compare/stats.json').paired;

describe('wilcoxonSignedRank (scipy wilcoxon, normal approximation)', () => {
  it.each(cases)('$name', ({ x, y, wilcoxon }) => {
    const r = wilcoxonSignedRank(x, y);
    if (wilcoxon === null) {
      expect(r.statistic).toBeNull();
      expect(r.reason).toMatch(/zero/);
      return;
    }
    expectClose(r.statistic, wilcoxon.statistic, 1e-12, 'statistic');
    expectClose(r.pValue, wilcoxon.pValue, 1e-6, 'p');
  });
});
