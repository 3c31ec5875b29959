import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../../lib/drift/correction';
import { expectClose } from '../../support';

describe('adjustPValues', () => {
  const p = [0.01, 0.04, 0.03, 0.005, 0.5];
  it('leaves p-values alone without a correction', () => {
    expect(adjustPValues(p, 'none')).toEqual(p);
  });
  it('Bonferroni multiplies by the number of tests, capped at 1', () => {
    expect(adjustPValues(p, 'bonferroni')).toEqual([0.05, 0.2, 0.15, 0.025, 1]);
  });
  it('Benjamini–Hochberg matches statsmodels fdr_bh', () => {
    // From the definition: sorted p·m/rank = .025 .025 .05 .05 .5, then a running minimum from the top.
    const want = [0.025, 0.05, 0.05, 0.025, 0.5];
    adjustPValues(p, 'bh').forEach((x, i) => expectClose(x, want[i]!, 1e-12, `bh[${i}]`));
  });
  it('keeps BH monotone in the raw p-values and handles ties and an empty list', () => {
    const adjusted = adjustPValues([0.02, 0.02, 0.9, 0.001], 'bh');
    expect(adjusted[0]).toBe(adjusted[1]);
    expect(adjusted[3]).toBeLessThanOrEqual(adjusted[0]!);
    expect(adjustPValues([], 'bh')).toEqual([]);
  });
});
