import { describe, expect, it } from 'vitest';
import { computeDisparities } from '../../../lib/fairness/disparity';
import type { Confusion } from '../../../lib/fairness/types';

const conf = (tp: number, fp: number, fn: number, tn: number): Confusion => ({ count: tp + fp + fn + tn, weight: tp + fp + fn + tn, tp, fp, fn, tn });
const groups = [
  { group: 'a', values: ['a'] },
  { group: 'b', values: ['b'] },
];

describe('computeDisparities (Aequitas)', () => {
  // a: 100 rows, tp 30 fp 10 fn 20 tn 40; b: 50 rows, tp 10 fp 10 fn 10 tn 20
  const table = [conf(30, 10, 20, 40), conf(10, 10, 10, 20)];

  it('reference is the largest group; metrics and disparities from the confusion counts', () => {
    const r = computeDisparities(groups, table);
    expect(r.reference_group).toBe('a');
    expect(r.reference_rule).toBe('largest');
    const b = r.groups[1]!;
    expect(b.metrics).toEqual({ fpr: 10 / 30, fnr: 10 / 20, fdr: 10 / 20, for: 10 / 30, precision: 10 / 20, ppr: 20 / 60, pprev: 20 / 50 });
    expect(b.disparity.fpr).toBeCloseTo(10 / 30 / (10 / 50), 14);
    expect(b.disparity.ppr).toBeCloseTo(20 / 60 / (40 / 60), 14);
    expect(b.disparity.pprev).toBeCloseTo(0.4 / 0.4, 14);
    // fnr: 0.5 / 0.4 = 1.25 sits on the band's edge: inside (Aequitas: τ ≤ d ≤ 1/τ)
    expect(b.disparity.fnr).toBe(1.25);
    expect(b.flagged).toEqual(['fpr', 'fdr', 'precision', 'ppr']);
    expect(r.groups[0]!.flagged).toEqual([]);
    expect(Object.values(r.groups[0]!.disparity).every((d) => d === 1)).toBe(true);
  });

  it('a chosen reference and band', () => {
    const r = computeDisparities(groups, table, { referenceGroup: 'b', band: [0.5, 1.9] });
    expect(r.reference_rule).toBe('chosen');
    expect(r.groups[0]!.disparity.fpr).toBeCloseTo(10 / 50 / (10 / 30), 14);
    expect(r.groups[0]!.disparity.fdr).toBe(0.5);
    expect(r.groups[0]!.disparity.ppr).toBe(2);
    expect(r.groups[0]!.flagged).toEqual(['ppr']);
    expect(r.band).toEqual([0.5, 1.9]);
  });

  it('a zero or undefined reference metric gives null disparities, never NaN or Infinity', () => {
    const r = computeDisparities(groups, [conf(0, 0, 5, 10), conf(3, 2, 1, 4)]);
    // reference a: fpr 0, fdr and precision undefined (nothing predicted positive), ppr and pprev 0
    expect(r.groups[1]!.disparity).toMatchObject({ fpr: null, fdr: null, precision: null, ppr: null, pprev: null, fnr: 0.25 });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});
