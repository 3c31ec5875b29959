import { describe, expect, it } from 'vitest';
import { friedmanChiSquare } from '../../../lib/stats/friedman';
import { expectClose, expectCloseOrNull, readJson } from '../../support';

interface Case {
  name: string;
  blocks: number[][];
  statistic: number | null;
  pValue: number | null;
  meanRanks: number[];
}
// scipy 1.10 friedmanchisquare(*columns) (NaN → null) and rankdata per block (tests/fixtures/generate_compare.py).
const cases = readJson<{ friedman: Case[] }>('tests/fixtures/compare/stats.json').friedman;

describe('friedmanChiSquare (scipy friedmanchisquare)', () => {
  it.each(cases)('$name', ({ blocks, statistic, pValue, meanRanks }) => {
    const r = friedmanChiSquare(blocks);
    expectCloseOrNull(r.statistic, statistic, 1e-9, 'statistic');
    expectCloseOrNull(r.pValue, pValue, 1e-6, 'p');
    meanRanks.forEach((m, j) => expectClose(r.meanRanks[j], m, 1e-12, `mean rank ${j}`));
  });
  it('needs three treatments (scipy raises), giving the mean ranks anyway', () => {
    const r = friedmanChiSquare([
      [1, 2],
      [2, 1],
    ]);
    expect(r.statistic).toBeNull();
    expect(r.reason).toMatch(/3 or more/);
    expect(r.meanRanks).toEqual([1.5, 1.5]);
  });
});
