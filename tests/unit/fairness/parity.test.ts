import { describe, expect, it } from 'vitest';
import { combineOdds, differenceOf, ratioOf } from '../../../lib/fairness/parity';

describe('MetricFrame.difference / ratio semantics', () => {
  it('between_groups: max − min and min / max, skipping undefined groups', () => {
    expect(differenceOf([0.2, null, 0.5, 0.4], 0.3, 'between_groups')).toBeCloseTo(0.3, 15);
    expect(ratioOf([0.2, null, 0.5, 0.4], 0.3, 'between_groups')).toBeCloseTo(0.4, 15);
  });

  it('between_groups ratio is undefined when every group is 0 (0/0), 0 when only the minimum is', () => {
    expect(ratioOf([0, 0], 0, 'between_groups')).toBeNull();
    expect(ratioOf([0, 0.5], 0.25, 'between_groups')).toBe(0);
  });

  it('to_overall: max |g − overall|; min of g/overall folded below 1 (r > 1 → 1/r)', () => {
    expect(differenceOf([0.2, 0.5], 0.3, 'to_overall')).toBeCloseTo(0.2, 15);
    expect(ratioOf([0.2, 0.5], 0.4, 'to_overall')).toBe(0.5); // 0.2/0.4 = 0.5, 1/(0.5/0.4) = 0.8
    expect(ratioOf([0.6], 0.4, 'to_overall')).toBe(1 / (0.6 / 0.4));
  });

  it('to_overall ratio with overall 0: 0/0 skipped, x/0 = inf folded to 0', () => {
    expect(ratioOf([0, 0], 0, 'to_overall')).toBeNull();
    expect(ratioOf([0, 0.1], 0, 'to_overall')).toBe(0);
  });

  it('nothing defined → null', () => {
    expect(differenceOf([null, null], null, 'between_groups')).toBeNull();
    expect(differenceOf([0.1], null, 'to_overall')).toBeNull();
  });

  it('equalized odds: worst case = larger difference / smaller ratio, mean = mean; undefined components skipped', () => {
    expect(combineOdds([0.1, 0.3], 'worst_case', 'difference')).toBe(0.3);
    expect(combineOdds([0.6, 0.9], 'worst_case', 'ratio')).toBe(0.6);
    expect(combineOdds([0.1, 0.3], 'mean', 'difference')).toBe(0.2);
    expect(combineOdds([null, 0.9], 'worst_case', 'ratio')).toBe(0.9);
    expect(combineOdds([0.7, null], 'mean', 'ratio')).toBe(0.7);
    expect(combineOdds([null, null], 'mean', 'ratio')).toBeNull();
  });
});
